using System.Globalization;
using System.Text;
using SharedServicesPipeline.Pipeline.Reference;

namespace SharedServicesPipeline.Tests.Reference;

/// <summary>
/// How the matcher does on a names file. For councils: precision = correct council matches / all council matches made; recall =
/// correct council matches / rows that should match a council (a match with the wrong codes counts against both). Bodies count
/// as right with the right sector, and the right code when the row gives one; ambiguous rows need their listed candidates.
/// </summary>
internal sealed class NameSetScore
{
    private static readonly MatchStatus[] Statuses = Enum.GetValues<MatchStatus>();

    private NameSetScore(IReadOnlyList<(MessyName Name, MatchResult Result, bool Right)> rows) => Rows = rows;

    public IReadOnlyList<(MessyName Name, MatchResult Result, bool Right)> Rows { get; }

    public int CouncilCorrect => Rows.Count(r => r.Name.ExpectedStatus == MatchStatus.Matched && r.Right);

    public int CouncilMatched => Rows.Count(r => r.Result.Status == MatchStatus.Matched);

    public int CouncilExpected => Rows.Count(r => r.Name.ExpectedStatus == MatchStatus.Matched);

    public double Precision => CouncilMatched == 0 ? 1.0 : (double)CouncilCorrect / CouncilMatched;

    public double Recall => CouncilExpected == 0 ? 1.0 : (double)CouncilCorrect / CouncilExpected;

    public IEnumerable<(MessyName Name, MatchResult Result, bool Right)> Misses => Rows.Where(r => !r.Right);

    public static NameSetScore Of(IAuthorityMatcher matcher, IEnumerable<MessyName> names) =>
        new([.. names.Select(name => (name, Result: matcher.Match(name.Input, name.AsOf))).Select(x => (x.name, x.Result, IsRight(x.name, x.Result)))]);

    public string Summary(string label) => string.Create(CultureInfo.InvariantCulture,
        $"Council matching on {Rows.Count} {label}: precision {Precision:P2} ({CouncilCorrect}/{CouncilMatched}), recall {Recall:P2} ({CouncilCorrect}/{CouncilExpected})");

    /// <summary>The summary, the confusion and the misses, one a line (only those about councils when <paramref name="councilsOnly"/>).</summary>
    public string Report(string label, bool councilsOnly = false) => string.Join(Environment.NewLine,
        [Summary(label), Confusion(), .. Misses
            .Where(m => !councilsOnly || m.Name.ExpectedStatus == MatchStatus.Matched || m.Result.Status == MatchStatus.Matched)
            .Select(m => $"  miss: {DescribeMiss(m.Name, m.Result)}")]);

    /// <summary>Expected status (rows) against the status given (columns).</summary>
    public string Confusion()
    {
        var text = new StringBuilder($"{"expected \\ got",-16}{string.Concat(Statuses.Select(s => $"{s,11}"))}{Environment.NewLine}");
        foreach (var expected in Statuses)
        {
            text.Append(CultureInfo.InvariantCulture, $"{expected,-16}");
            foreach (var got in Statuses)
            {
                text.Append(CultureInfo.InvariantCulture, $"{Rows.Count(r => r.Name.ExpectedStatus == expected && r.Result.Status == got),11}");
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    public static string DescribeMiss(MessyName name, MatchResult result) =>
        $"{name}: expected {name.ExpectedStatus} [{string.Join(";", name.ExpectedCodes)}]{(name.ExpectedSector is { } s ? $" {s}" : "")}, got {Describe(result)}";

    public static string Describe(MatchResult result) => result.Status switch
    {
        MatchStatus.Ambiguous or MatchStatus.Unmatched =>
            $"{result.Status} [{string.Join("; ", result.Candidates.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Authority.Code} {c.Score:F2}")))}]",
        _ => $"{result.Status} [{string.Join(";", result.Authorities.Select(a => $"{a.Code} {a.Sector}"))}]",
    };

    public static bool SameCodes(IEnumerable<string> actual, IEnumerable<string> expected) =>
        actual.Order(StringComparer.Ordinal).SequenceEqual(expected.Order(StringComparer.Ordinal), StringComparer.Ordinal);

    private static bool IsRight(MessyName name, MatchResult result) => name.ExpectedStatus switch
    {
        MatchStatus.Matched => result.Status == MatchStatus.Matched && SameCodes(result.Authorities.Select(a => a.Code), name.ExpectedCodes),
        MatchStatus.Body => result.Status == MatchStatus.Body
            && (name.ExpectedCodes.Count == 0 || SameCodes(result.Authorities.Select(a => a.Code), name.ExpectedCodes))
            && (name.ExpectedSector is not { } sector || result.Authorities.All(a => a.Sector == sector)),
        MatchStatus.Ambiguous => result.Status == MatchStatus.Ambiguous
            && name.ExpectedCodes.All(code => result.Candidates.Any(c => c.Authority.Code == code)),
        _ => result.Status == MatchStatus.Unmatched,
    };
}
