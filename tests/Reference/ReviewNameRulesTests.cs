using SharedServicesPipeline.Pipeline.Reference;
using Xunit;

namespace SharedServicesPipeline.Tests.Reference;

/// <summary>How held names are grouped and which candidates a reviewer sees: rules of the core, kept by the mart's review list.</summary>
public class ReviewNameRulesTests
{
    [Theory]
    [InlineData("St. Helens & Knowsley", "st helens and knowsley")]
    [InlineData("  ST HELENS and   KNOWSLEY ", "st helens and knowsley")]
    [InlineData("Ynys Môn", "ynys mon")]
    [InlineData("Borsetshire C.C.", "borsetshire c c")]
    [InlineData("---", "")]
    public void Names_that_differ_only_in_case_accents_punctuation_ampersand_or_spacing_share_a_key(string name, string key)
    {
        Assert.Equal(key, ReviewNameKey.Of(name));
    }

    [Fact]
    public void A_key_is_cut_to_the_stored_length()
    {
        Assert.Equal(ReviewNameKey.MaxLength, ReviewNameKey.Of(new string('a', 1_000)).Length);
    }

    [Fact]
    public void A_reviewer_sees_the_best_three_candidates_best_first_to_three_places()
    {
        var register = AuthorityRegister.BuiltIn.Authorities.Take(4).ToList();
        var match = MatchResult.Unmatched("Somewhere",
        [
            new MatchCandidate(register[0], 0.71),
            new MatchCandidate(register[1], 0.93456),
            new MatchCandidate(register[2], 0.8),
            new MatchCandidate(register[3], 0.75),
        ]);

        var shown = ReviewCandidates.Of(match);

        Assert.Equal([register[1], register[2], register[3]], shown.Select(c => c.Authority));
        Assert.Equal([0.935, 0.8, 0.75], shown.Select(c => c.Score));
    }
}
