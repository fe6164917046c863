using Xunit;
using static SharedServicesPipeline.Tests.Reference.MatcherAssertions;

namespace SharedServicesPipeline.Tests.Reference;

public sealed class MatcherTypoTests
{
    [Theory]
    [InlineData("Nottinghamshre", "E10000024")]
    [InlineData("Middlesborough Council", "E06000002")]
    [InlineData("Glouchestershire", "E10000013")]
    [InlineData("Harrogate Borough Concil", "E07000165")]
    public void A_clear_typo_is_matched_with_a_lower_confidence(string name, string code)
    {
        var result = AssertMatched(name, "2020-01-01", code);
        Assert.InRange(result.Confidence, 0.9, 0.99);
    }

    [Theory]
    [InlineData("Ambridge DC")]
    [InlineData("Walford LBC")]
    [InlineData("Stamford Borough Council")]
    [InlineData("Borsetshire County Council")]
    public void A_made_up_council_one_letter_from_a_real_one_is_not_matched(string name) => AssertUnmatched(name);

    [Theory]
    [InlineData("Badford Council", "E08000032", "E06000055")] // Bradford scores 93, Bedford 86: seven points apart, inside the margin of eight
    [InlineData("Chicester DC", "E07000225", "13UB")] // Chichester 95, Chester 88
    public void A_typo_as_near_a_second_council_as_the_margin_goes_to_review_with_both(string name, string nearest, string runnerUp)
    {
        var result = Matcher.Match(name, new DateOnly(2012, 4, 1));
        Assert.Equal(SharedServicesPipeline.Pipeline.Reference.MatchStatus.Unmatched, result.Status);
        Assert.Equal(nearest, result.Candidates[0].Authority.Code);
        Assert.Contains(result.Candidates, c => c.Authority.Code == runnerUp);
    }

    // The affix is evidence too: a rival it rules out does not compete, and neither does a pick it rules out.
    [Theory]
    [InlineData("Badford MBC", "E08000032")] // metropolitan: Bradford, not Bedford
    [InlineData("Harow LBC", "E09000015")] // London borough: Harrow, not Harlow
    [InlineData("Harow DC", "E07000073")] // district: Harlow, not Harrow
    [InlineData("Traford MBC", "E08000009")] // metropolitan: Trafford, not Stafford
    public void A_typo_as_near_a_second_council_is_settled_by_an_affix_that_rules_the_second_out(string name, string code)
    {
        var result = Matcher.Match(name, new DateOnly(2012, 4, 1));

        Assert.Equal(SharedServicesPipeline.Pipeline.Reference.MatchStatus.Matched, result.Status);
        Assert.Equal(code, Assert.Single(result.Authorities).Code);
    }

    [Fact]
    public void A_typo_is_still_found_when_its_council_no_longer_carries_the_affix_written()
    {
        // Colchester has been a city since 2022: its register name no longer says borough, but "BC" is how it was written.
        var result = Matcher.Match("Colcester BC", new DateOnly(2012, 4, 1));

        Assert.Equal("E07000071", Assert.Single(result.Authorities).Code);
    }

    [Fact]
    public void A_typo_never_crosses_sectors()
    {
        // "Essex Polce" is nearest to Essex Police, a body: the council typo pass must not turn it into Essex County Council.
        var result = Matcher.Match("Essex Polce");
        Assert.DoesNotContain(result.Authorities, a => a.IsCouncil);
    }

    [Theory]
    [InlineData("Hampshrie CC", "E10000014")] // two letters swapped
    [InlineData("Dorest Council", "E06000059")]
    [InlineData("Esex CC", "E10000012")] // one dropped
    [InlineData("Wokingam BC", "E06000041")]
    [InlineData("Devonn CC", "E10000008")] // one doubled
    [InlineData("Edinbrugh City Council", "S12000036")]
    public void A_keyboard_slip_in_a_short_name_is_matched(string name, string code) => AssertMatched(name, "2020-04-01", code);

    [Fact]
    public void A_slip_from_one_council_that_is_one_letter_from_another_is_not_guessed() =>
        AssertUnmatched("Halrow Council"); // Harlow with two letters swapped, or Harrow with one changed

    [Fact]
    public void A_changed_letter_is_not_a_slip() => AssertUnmatched("Stevanage BC");
}
