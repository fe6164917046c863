using SharedServicesPipeline.Pipeline.Reference;
using Xunit;
using static SharedServicesPipeline.Tests.Reference.MatcherAssertions;

namespace SharedServicesPipeline.Tests.Reference;

public sealed class MatcherAmbiguityTests
{
    [Theory]
    [InlineData("Kingston", "E09000021", "E06000010")]
    [InlineData("Newcastle", "E08000021", "E07000195")]
    [InlineData("Richmond", "E09000027", "E07000166")]
    [InlineData("Kingston Council", "E09000021", "E06000010")]
    public void A_genuinely_ambiguous_name_goes_to_review_with_its_candidates(string name, string first, string second) =>
        AssertAmbiguous(name, null, first, second);

    [Fact]
    public void Ambiguous_candidates_have_scores_and_are_at_most_three()
    {
        var result = AssertAmbiguous("SCC", null);
        Assert.Equal(3, result.Candidates.Count);
        Assert.All(result.Candidates, c => Assert.InRange(c.Score, 0.01, 1.0));
        Assert.Equal(0, result.Confidence);
    }

    [Fact]
    public void A_typo_as_close_to_two_councils_is_not_guessed()
    {
        var result = AssertUnmatched("Est Lindsey DC");
        Assert.DoesNotContain(result.Authorities, a => a.IsCouncil);
    }

    [Fact]
    public void An_unmatched_name_offers_the_nearest_councils_for_review()
    {
        var result = AssertUnmatched("Stevanage BC");
        Assert.Equal("E07000243", result.Candidates[0].Authority.Code);
        Assert.InRange(result.Candidates[0].Score, 0.8, 0.9);
    }

    [Theory]
    [InlineData("Lanarkshire", "S12000050", "S12000029")]
    [InlineData("Dunbartonshire", "S12000045", "S12000039")]
    [InlineData("Sussex", "E10000011", "E10000032")]
    [InlineData("Kesteven", "E07000139", "E07000141")]
    public void A_place_councils_share_after_a_compass_word_goes_to_review_with_them(string name, string first, string second) =>
        AssertAmbiguous(name, null, first, second);

    [Theory]
    [InlineData("Berkshire")]
    [InlineData("Berks CC")]
    public void A_place_only_one_council_has_after_a_compass_word_is_not_that_council(string name) =>
        AssertUnmatched(name, "2010-04-01"); // West Berkshire is not Berkshire, which has had no county council since 1998

    [Fact]
    public void ECC_may_be_Essex_or_Exeter() => AssertAmbiguous("ECC", null, "E10000012", "E07000041");
}
