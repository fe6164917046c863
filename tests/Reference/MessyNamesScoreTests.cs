using System.Globalization;
using SharedServicesPipeline.Pipeline.Reference;
using Xunit;
using Xunit.Abstractions;

namespace SharedServicesPipeline.Tests.Reference;

/// <summary>
/// Scores the matcher on TestData/names/messy_names.csv. For councils: precision = correct council matches / all council matches
/// made; recall = correct council matches / rows that should match a council. A match with the wrong codes counts against both.
/// </summary>
public sealed class MessyNamesScoreTests(ITestOutputHelper output)
{
    private static readonly Lazy<IReadOnlyList<MessyName>> Names = new(MessyName.Load);

    private static readonly IAuthorityMatcher Matcher = AuthorityMatcher.CreateBuiltIn();

    [Fact]
    public void The_test_set_has_at_least_300_messy_names_of_every_kind()
    {
        var names = Names.Value;
        Assert.True(names.Count >= 300, $"only {names.Count} names");
        foreach (var status in Enum.GetValues<MatchStatus>())
        {
            Assert.Contains(names, n => n.ExpectedStatus == status);
        }
    }

    [Fact]
    public void Council_precision_is_at_least_99_5_percent_and_recall_at_least_97_percent()
    {
        var names = Names.Value;
        var correct = 0;
        var matched = 0;
        var shouldMatch = 0;
        var misses = new List<string>();
        foreach (var name in names)
        {
            var result = Matcher.Match(name.Input, name.AsOf);
            var isCouncilRow = name.ExpectedStatus == MatchStatus.Matched;
            var gotCouncil = result.Status == MatchStatus.Matched;
            var right = gotCouncil && isCouncilRow && SameCodes(result.Authorities.Select(a => a.Code), name.ExpectedCodes);
            shouldMatch += isCouncilRow ? 1 : 0;
            matched += gotCouncil ? 1 : 0;
            correct += right ? 1 : 0;
            if ((isCouncilRow || gotCouncil) && !right)
            {
                misses.Add($"{name}: expected {name.ExpectedStatus} [{string.Join(";", name.ExpectedCodes)}], got {Describe(result)}");
            }
        }

        var precision = matched == 0 ? 1.0 : (double)correct / matched;
        var recall = shouldMatch == 0 ? 1.0 : (double)correct / shouldMatch;
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"Council matching on {names.Count} messy names: precision {precision:P2} ({correct}/{matched}), recall {recall:P2} ({correct}/{shouldMatch})");
        output.WriteLine(summary);
        Console.WriteLine(summary);
        foreach (var miss in misses)
        {
            output.WriteLine($"  miss: {miss}");
            Console.WriteLine($"  miss: {miss}");
        }

        Assert.True(precision >= 0.995, $"{summary}{Environment.NewLine}{string.Join(Environment.NewLine, misses)}");
        Assert.True(recall >= 0.97, $"{summary}{Environment.NewLine}{string.Join(Environment.NewLine, misses)}");
    }

    [Fact]
    public void No_non_council_or_made_up_name_is_matched_to_a_council()
    {
        var wrong = Names.Value
            .Where(n => n.ExpectedStatus is MatchStatus.Body or MatchStatus.Unmatched)
            .Select(n => (Name: n, Result: Matcher.Match(n.Input, n.AsOf)))
            .Where(x => x.Result.Status == MatchStatus.Matched || x.Result.Authorities.Any(a => a.IsCouncil))
            .Select(x => $"{x.Name}: {Describe(x.Result)}")
            .ToList();
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public void Every_public_body_is_recognised_with_its_sector_and_code()
    {
        var wrong = Names.Value
            .Where(n => n.ExpectedStatus == MatchStatus.Body)
            .Select(n => (Name: n, Result: Matcher.Match(n.Input, n.AsOf)))
            .Where(x => x.Result.Status != MatchStatus.Body || !SameCodes(x.Result.Authorities.Select(a => a.Code), x.Name.ExpectedCodes))
            .Select(x => $"{x.Name}: expected body {string.Join(";", x.Name.ExpectedCodes)}, got {Describe(x.Result)}")
            .ToList();
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public void Every_ambiguous_name_goes_to_review_with_its_candidates_and_no_guess()
    {
        var wrong = Names.Value
            .Where(n => n.ExpectedStatus == MatchStatus.Ambiguous)
            .Select(n => (Name: n, Result: Matcher.Match(n.Input, n.AsOf)))
            .Where(x => x.Result.Status != MatchStatus.Ambiguous || x.Result.Authorities.Count != 0 ||
                x.Result.Candidates.Count is < 2 or > 3 ||
                !x.Name.ExpectedCodes.Take(3).All(code => x.Result.Candidates.Any(c => c.Authority.Code == code)))
            .Select(x => $"{x.Name}: expected ambiguous [{string.Join(";", x.Name.ExpectedCodes)}], got {Describe(x.Result)}")
            .ToList();
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public void Every_name_expected_unmatched_is_unmatched()
    {
        var wrong = Names.Value
            .Where(n => n.ExpectedStatus == MatchStatus.Unmatched)
            .Select(n => (Name: n, Result: Matcher.Match(n.Input, n.AsOf)))
            .Where(x => x.Result.Status != MatchStatus.Unmatched)
            .Select(x => $"{x.Name}: got {Describe(x.Result)}")
            .ToList();
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    private static bool SameCodes(IEnumerable<string> actual, IEnumerable<string> expected) =>
        actual.Order(StringComparer.Ordinal).SequenceEqual(expected.Order(StringComparer.Ordinal), StringComparer.Ordinal);

    private static string Describe(MatchResult result) => result.Status switch
    {
        MatchStatus.Ambiguous or MatchStatus.Unmatched =>
            $"{result.Status} [{string.Join("; ", result.Candidates.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Authority.Code} {c.Score:F2}")))}]",
        _ => $"{result.Status} [{string.Join(";", result.Authorities.Select(a => a.Code))}]",
    };
}
