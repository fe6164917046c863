using SharedServicesPipeline.Pipeline.Reference;
using Xunit;

namespace SharedServicesPipeline.Tests.Reference;

/// <summary>
/// A file names the same few hundred councils thousands of times, under start dates spread over twenty years: each name
/// is worked out once per era of the register and then answered from the cache. (How fast that is, is measured by the
/// bench's stage profile, never by a test.)
/// </summary>
public sealed class MatcherCacheTests
{
    [Fact]
    public void A_name_asked_again_on_another_date_of_the_same_era_is_answered_from_the_cache()
    {
        var matcher = new AuthorityMatcher(AuthorityRegister.BuiltIn);

        var first = matcher.Match("Nottinghamshre", new DateOnly(2016, 6, 14));
        var again = matcher.Match("Nottinghamshre", new DateOnly(2016, 6, 15));

        Assert.Equal(MatchStatus.Matched, first.Status);
        Assert.Same(first, again);
    }

    [Fact]
    public void A_date_in_another_era_of_the_register_is_worked_out_again_and_may_differ()
    {
        var matcher = new AuthorityMatcher(AuthorityRegister.BuiltIn);

        var before = matcher.Match("Taunton Deane BC", new DateOnly(2012, 4, 1));
        var after = matcher.Match("Taunton Deane BC", new DateOnly(2020, 4, 1));

        Assert.Equal(["E07000190"], before.Authorities.Select(a => a.Code));
        Assert.NotSame(before, after);
    }

    [Fact]
    public void A_typo_and_its_review_candidates_are_the_same_whatever_the_era_they_are_asked_in()
    {
        var matcher = new AuthorityMatcher(AuthorityRegister.BuiltIn);

        var eras = new[] { new DateOnly(2005, 1, 1), new DateOnly(2012, 4, 1), new DateOnly(2019, 6, 1), new DateOnly(2024, 1, 1) }
            .Select(date => matcher.Match("Badford Council", date))
            .ToList();

        Assert.All(eras, r => Assert.Equal(MatchStatus.Unmatched, r.Status));
        Assert.All(eras, r => Assert.Equal(eras[0].Candidates.Select(c => (c.Authority.Code, c.Score)), r.Candidates.Select(c => (c.Authority.Code, c.Score))));
    }
}
