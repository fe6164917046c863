using SharedServicesPipeline.Pipeline.Reference;
using Xunit;
using Xunit.Abstractions;

namespace SharedServicesPipeline.Tests.Reference;

/// <summary>
/// Scores the matcher on TestData/names/blind_names_2.csv: partner names as officers type them, written from public facts before
/// the matcher's rules were read (see TestData/names/README.md). It prints the figures, the confusion and every miss, so a change
/// to the rules shows what it gains and loses on names it was not written for.
/// </summary>
public sealed class BlindNamesScoreTests(ITestOutputHelper output)
{
    private static readonly Lazy<IReadOnlyList<MessyName>> Names = new(() => MessyName.Load("blind_names_2.csv"));

    private static readonly IAuthorityMatcher Matcher = AuthorityMatcher.CreateBuiltIn();

    private static readonly Lazy<NameSetScore> Score = new(() => NameSetScore.Of(Matcher, Names.Value));

    [Fact]
    public void The_blind_set_has_at_least_500_names_of_every_kind()
    {
        Assert.True(Names.Value.Count >= 500, $"only {Names.Value.Count} names");
        foreach (var status in Enum.GetValues<MatchStatus>())
        {
            Assert.Contains(Names.Value, n => n.ExpectedStatus == status);
        }
    }

    [Fact]
    // Measured 2026-12-06: precision and recall 826/826. The bounds allow one name: two fail the test.
    public void Blind_council_precision_and_recall_stay_within_one_name_of_the_measured_826_of_826()
    {
        var score = Score.Value;
        var report = score.Report("blind names");
        output.WriteLine(report);
        Console.WriteLine(report);
        Assert.True(score.Precision >= 0.998, report);
        Assert.True(score.Recall >= 0.998, report);
    }

    [Fact]
    public void No_blind_name_that_is_not_a_council_is_matched_to_a_council()
    {
        var wrong = Score.Value.Rows
            .Where(r => r.Name.ExpectedStatus != MatchStatus.Matched && r.Result.Authorities.Any(a => a.IsCouncil || a.Sector == Sector.CombinedAuthority))
            .Select(r => NameSetScore.DescribeMiss(r.Name, r.Result))
            .ToList();
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public void Every_blind_public_body_is_recognised_with_its_sector()
    {
        var wrong = Score.Value.Misses
            .Where(r => r.Name.ExpectedStatus == MatchStatus.Body)
            .Select(r => NameSetScore.DescribeMiss(r.Name, r.Result))
            .ToList();
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public void Every_blind_name_for_review_goes_to_review()
    {
        // Ambiguous or unmatched: either way a person looks at it (the confusion above tells the two apart).
        var wrong = Score.Value.Rows
            .Where(r => r.Name.ExpectedStatus is MatchStatus.Ambiguous or MatchStatus.Unmatched && r.Result.IsResolved)
            .Select(r => NameSetScore.DescribeMiss(r.Name, r.Result))
            .ToList();
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }
}
