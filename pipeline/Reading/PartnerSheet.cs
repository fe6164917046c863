using SharedServicesPipeline.Pipeline.Submissions;

namespace SharedServicesPipeline.Pipeline.Reading;

/// <summary>
/// The partners sheet of a two-sheet (relational) return: one row per partner (Reference, Partner, optionally Lead and
/// Tier), joined to the arrangements sheet by reference. It is read before the arrangements, so it is the one thing a
/// two-sheet return holds in memory: its rows, at most <see cref="IntakeOptions.MaxRows"/> of them (about 100 bytes each
/// plus the names), while the arrangements still stream.
/// </summary>
internal sealed class PartnerSheet(SheetLayout layout)
{
    private const int UnmatchedListed = 100;

    private readonly Dictionary<string, List<Entry>> _byReference = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _joined = new(StringComparer.OrdinalIgnoreCase);

    private sealed record Entry(string Partner, bool Lead, int Row, string Reference);

    public SheetLayout Layout { get; } = layout;

    public string Sheet => Layout.Sheet;

    public int Count { get; private set; }

    /// <summary>A header with a reference and a partner but no arrangement of its own: partners listed against arrangements elsewhere.</summary>
    public static bool IsPartnerLayout(SheetLayout layout) =>
        layout.Has(TemplateColumn.Reference) && layout.Has(TemplateColumn.Partners)
        && !layout.Has(TemplateColumn.Arrangement) && !layout.Has(TemplateColumn.ServiceArea);

    /// <summary>Whether an arrangements sheet can take its partners from here: it has the reference to join on.</summary>
    public static bool Joins(SheetLayout arrangements) => arrangements.Has(TemplateColumn.Reference);

    /// <summary>Adds one partner row; a blank reference continues the one above (merged down or left blank under it).</summary>
    public void Add(string? reference, string partner, bool lead, int row)
    {
        reference ??= _lastReference;
        if (reference is null)
        {
            reference = "";
        }

        _lastReference = reference;
        if (!_byReference.TryGetValue(reference, out var entries))
        {
            _byReference[reference] = entries = [];
        }

        entries.Add(new Entry(partner, lead, row, reference));
        Count++;
    }

    private string? _lastReference;

    /// <summary>Gives an arrangement the partners (and lead) listed against its reference.</summary>
    public void Attach(SubmissionRow row)
    {
        if (row.Text(TemplateColumn.Reference)?.Trim() is not { } reference || !_byReference.TryGetValue(reference, out var entries))
        {
            return;
        }

        _joined.Add(reference);
        var column = Layout.HeaderFor(TemplateColumn.Partners);
        var sources = row.PartnerSources ??= [];
        if (row.Text(TemplateColumn.Partners) is { } own && sources.Count == 0)
        {
            sources.Add(new PartnerSource(own, row.Sheet, row.RowNumber, row.Layout.HeaderFor(TemplateColumn.Partners)));
        }

        sources.AddRange(entries.Select(e => new PartnerSource(e.Partner, Sheet, e.Row, column)));
        row[TemplateColumn.Partners] = string.Join("\n", sources.Select(s => s.Text));
        if (row[TemplateColumn.LeadAuthority] is null && entries.FirstOrDefault(e => e.Lead) is { } lead)
        {
            row[TemplateColumn.LeadAuthority] = lead.Partner;
        }
    }

    /// <summary>Row errors for the partner rows whose reference no arrangement has, and a warning saying where partners came from.</summary>
    public void Report(List<SubmissionProblem> problems)
    {
        var listed = 0;
        var unmatched = 0;
        foreach (var (reference, entries) in _byReference)
        {
            if (_joined.Contains(reference))
            {
                continue;
            }

            foreach (var entry in entries)
            {
                if (listed++ < UnmatchedListed)
                {
                    problems.Add(new SubmissionProblem(
                        ProblemSeverity.RowError,
                        "partners.reference-unmatched",
                        entry.Reference.Length == 0
                            ? $"This partner row has no reference, so it joins no arrangement and '{entry.Partner}' was not loaded. Give it the reference of its arrangement."
                            : $"No arrangement has the reference '{entry.Reference}', so '{entry.Partner}' was not loaded. Correct the reference to the one its arrangement has on the arrangements sheet.",
                        Sheet,
                        entry.Row,
                        Layout.HeaderFor(TemplateColumn.Reference),
                        entry.Reference.Length == 0 ? null : entry.Reference));
                }

                unmatched++;
            }
        }

        if (unmatched > UnmatchedListed)
        {
            problems.Add(new SubmissionProblem(
                ProblemSeverity.RowError,
                "partners.reference-unmatched",
                $"{unmatched - UnmatchedListed:N0} more partner rows have a reference no arrangement has, and were not loaded.",
                Sheet,
                null));
        }

        problems.Add(new SubmissionProblem(
            ProblemSeverity.Warning,
            "partners.from-sheet",
            $"Partners were read from sheet '{Sheet}' ({Count:N0} rows) and joined to the arrangements by '{Layout.HeaderFor(TemplateColumn.Reference)}'.",
            Sheet,
            Layout.HeaderRowNumber));
    }
}
