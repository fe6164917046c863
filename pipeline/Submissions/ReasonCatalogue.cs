using System.Globalization;
using System.Reflection;
using CsvHelper;

namespace SharedServicesPipeline.Pipeline.Submissions;

/// <summary>
/// Every reason code a submission can be given, with its title, explanation, fix and severity (Data/reason_codes.csv):
/// the one source the report page, the report workbook, <c>outcome.json</c> and samples/README.md all take them from.
/// </summary>
public sealed class ReasonCatalogue
{
    private readonly Dictionary<string, ReasonCode> _byCode;

    private ReasonCatalogue(IReadOnlyList<ReasonCode> codes)
    {
        All = codes;
        _byCode = codes.ToDictionary(c => c.Code, StringComparer.Ordinal);
    }

    public static ReasonCatalogue BuiltIn { get; } = Load();

    /// <summary>Every code, in the catalogue's order (file errors, row errors, held, warnings).</summary>
    public IReadOnlyList<ReasonCode> All { get; }

    public bool Contains(string code) => _byCode.ContainsKey(code);

    /// <summary>The code's entry; a code missing from the catalogue (a fault of ours) still gets a readable one.</summary>
    public ReasonCode Of(string code, ProblemSeverity severity = ProblemSeverity.Warning) =>
        _byCode.TryGetValue(code, out var reason)
            ? reason
            : new ReasonCode(code, severity switch
            {
                ProblemSeverity.FileError => ReasonKind.FileError,
                ProblemSeverity.RowError => ReasonKind.RowError,
                _ => ReasonKind.Warning,
            }, code, "", "See the message with each occurrence.");

    /// <summary>
    /// The codes among <paramref name="problems"/> and those counted but not listed (<paramref name="unlisted"/>),
    /// must-fix first, each with how often it occurs.
    /// </summary>
    public IReadOnlyList<ReasonCount> Summarise(IEnumerable<SubmissionProblem> problems, IEnumerable<UnlistedProblems>? unlisted = null)
    {
        var notListed = (unlisted ?? []).ToDictionary(u => u.Code, StringComparer.Ordinal);
        var listed = problems
            .GroupBy(p => p.Code, StringComparer.Ordinal)
            .Select(g =>
            {
                var more = notListed.GetValueOrDefault(g.Key);
                notListed.Remove(g.Key);
                return new ReasonCount(Of(g.Key, g.First().Severity), g.Count() + (more?.Occurrences ?? 0),
                    g.Where(p => p.Row is not null).Select(p => (p.Sheet, p.Row)).Distinct().Count() + (more?.Rows ?? 0))
                {
                    NotListed = more?.Occurrences ?? 0,
                    RowsNotListed = more?.Rows ?? 0,
                };
            })
            .ToList();
        return [.. listed
            .Concat(notListed.Values.Select(u => new ReasonCount(Of(u.Code, u.Severity), u.Occurrences, u.Rows) { NotListed = u.Occurrences, RowsNotListed = u.Rows }))
            .OrderBy(r => r.Reason.Kind)
            .ThenByDescending(r => r.Occurrences)
            .ThenBy(r => r.Reason.Code, StringComparer.Ordinal)];
    }

    private static ReasonCatalogue Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("SharedServicesPipeline.Submissions.reason_codes.csv")
            ?? throw new InvalidOperationException("Embedded reason_codes.csv is missing from the build.");
        using var reader = new StreamReader(stream);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var codes = new List<ReasonCode>();
        while (csv.Read())
        {
            var kind = csv.GetField("severity") switch
            {
                "file-error" => ReasonKind.FileError,
                "row-error" => ReasonKind.RowError,
                "held" => ReasonKind.Held,
                "warning" => ReasonKind.Warning,
                var other => throw new InvalidOperationException($"reason_codes.csv: unknown severity '{other}' for {csv.GetField("code")}."),
            };
            codes.Add(new ReasonCode(csv.GetField("code")!, kind, csv.GetField("title")!, csv.GetField("explanation")!, csv.GetField("fix")!));
        }

        return new ReasonCatalogue(codes);
    }
}

/// <summary>A reason code and how often it occurs in one submission: occurrences, and distinct rows affected.</summary>
public sealed record ReasonCount(ReasonCode Reason, int Occurrences, int Rows)
{
    /// <summary>Of the occurrences, those counted but not listed (past <c>Intake:MaxListedProblems</c>).</summary>
    public int NotListed { get; init; }

    /// <summary>Of the rows, those whose problems of this code are not listed.</summary>
    public int RowsNotListed { get; init; }
}
