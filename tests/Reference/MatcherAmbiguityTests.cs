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
}
