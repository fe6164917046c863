using SharedServicesPipeline.Pipeline.Submissions;

namespace SharedServicesPipeline.Pipeline.Reading;

/// <summary>
/// One arrangement over several rows, one partner per row (the "long" layout): the title merged down over its partners,
/// written only on the first row, or repeated with the same reference. A row that names a partner with no title, no
/// reference and no service area of its own (or the same ones as the arrangement above) adds its partner, and its lead
/// mark, to that arrangement; anything else it gives is said back as a warning on that row, not loaded. Such a row with
/// no arrangement above it is marked <see cref="SubmissionRow.ContinuesNothing"/>. Holds the one arrangement not yet handed on.
/// </summary>
internal sealed class ContinuationRows
{
    private const int RowsListed = 5;

    private readonly SheetLayout _layout;
    private readonly int _partners;
    private readonly int[] _details;
    private readonly List<SubmissionProblem> _problems;
    private SubmissionRow? _pending;
    private object?[]? _pendingCells;

    public ContinuationRows(SheetLayout layout, List<SubmissionProblem> problems)
    {
        _layout = layout;
        _problems = problems;
        _partners = layout.IndexOf(TemplateColumn.Partners);
        _details = [.. layout.Map
            .Where(m => m.Value is not (TemplateColumn.Arrangement or TemplateColumn.Partners or TemplateColumn.Submitter or TemplateColumn.Reference
                or TemplateColumn.ServiceArea or TemplateColumn.LeadAuthority))
            .Select(m => m.Key).Order()];
    }

    /// <summary>The first few rows joined to the arrangement above them, for the sheet's warning.</summary>
    public List<int> JoinedRows { get; } = [];

    public int JoinedCount { get; private set; }

    /// <summary>Adds <paramref name="row"/> to the arrangement above it when it continues it; false when it is an arrangement of its own.</summary>
    /// <param name="ownTitle">The title cell had a value of its own, not one filled down from a merge above.</param>
    public bool TryJoin(SubmissionRow row, object?[] cells, bool ownTitle)
    {
        if (row[TemplateColumn.Partners] is null && row.WidePartners.Count == 0)
        {
            return false;
        }

        if (row[TemplateColumn.Arrangement] is { } title)
        {
            // The same title merged down, or repeated beside the same reference; two rows that merely share a title stay two.
            if (_pending is null || !Equals(title, _pending[TemplateColumn.Arrangement])
                || (ownTitle && !(row[TemplateColumn.Reference] is { } reference && Equals(reference, _pending[TemplateColumn.Reference]))))
            {
                return false;
            }
        }

        // A reference or a service area of its own makes the row an arrangement of its own (one missing its title, say).
        foreach (var key in (ReadOnlySpan<TemplateColumn>)[TemplateColumn.Reference, TemplateColumn.ServiceArea])
        {
            if (row[key] is { } value && !(_pending is not null && Equals(value, _pending[key])) && !(key == TemplateColumn.ServiceArea && Equals(value, _layout.SheetServiceArea)))
            {
                return false;
            }
        }

        if (_pending is null)
        {
            row.ContinuesNothing = true;
            return false;
        }

        foreach (var i in _details)
        {
            if (cells[i] is { } value && !Equals(value, _pendingCells![i]))
            {
                _problems.Add(new SubmissionProblem(
                    ProblemSeverity.Warning,
                    "row.continuation-value-ignored",
                    $"This row adds a partner to the arrangement on row {_pending.RowNumber} ('{CellText.Of(_pending[TemplateColumn.Arrangement]) ?? "untitled"}'), whose details are read from that row only, so this value was not loaded. "
                    + $"Put it on row {_pending.RowNumber} if it describes the arrangement, or give this row a title of its own if it is another arrangement.",
                    _layout.Sheet,
                    row.RowNumber,
                    _layout.Headers[i],
                    CellText.Of(value)));
            }
        }

        JoinLead(row);
        if (row.Text(TemplateColumn.Partners) is { } more)
        {
            var have = _pending.Text(TemplateColumn.Partners);
            var combined = have is not null ? $"{have}\n{more}" : more;
            var column = _layout.HeaderFor(TemplateColumn.Partners);
            if (have is not null)
            {
                _pending.PartnerSources ??= [new PartnerSource(have, _layout.Sheet, _pending.RowNumber, column)];
            }

            (_pending.PartnerSources ??= []).Add(new PartnerSource(more, _layout.Sheet, row.RowNumber, column));
            _pending[TemplateColumn.Partners] = combined;
            if (_partners >= 0)
            {
                _pendingCells![_partners] = combined; // the report shows the arrangement with all its partners
            }
        }

        _pending.WidePartners.AddRange(row.WidePartners.Select(p => p with { Row = row.RowNumber }));
        _pending.LastRowNumber = row.RowNumber;
        if (JoinedCount++ < RowsListed)
        {
            JoinedRows.Add(row.RowNumber);
        }

        return true;
    }

    // The lead marked on a partner's row (or named on it) is the arrangement's lead, unless its first row already named one.
    private void JoinLead(SubmissionRow row)
    {
        if (row[TemplateColumn.LeadAuthority] is not { } lead || Equals(lead, _pending![TemplateColumn.LeadAuthority]))
        {
            return;
        }

        if (_pending[TemplateColumn.LeadAuthority] is null)
        {
            _pending[TemplateColumn.LeadAuthority] = lead;
            return;
        }

        _problems.Add(new SubmissionProblem(
            ProblemSeverity.Warning,
            "lead.several",
            $"The arrangement on row {_pending.RowNumber} already has {CellText.Of(_pending[TemplateColumn.LeadAuthority])} as its lead, so this row's lead was not loaded. Mark one lead per arrangement.",
            _layout.Sheet,
            row.RowNumber,
            _layout.HeaderFor(TemplateColumn.LeadAuthority),
            CellText.Of(lead)));
    }

    /// <summary>Keeps a row back until the next shows whether it continues it.</summary>
    public void Hold(SubmissionRow row, object?[] cells)
    {
        _pending = row;
        _pendingCells = cells;
    }

    /// <summary>The arrangement held back, now complete, or null.</summary>
    public SubmissionRow? Take()
    {
        var pending = _pending;
        _pending = null;
        _pendingCells = null;
        return pending;
    }
}
