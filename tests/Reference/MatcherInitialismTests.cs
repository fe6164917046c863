using Xunit;
using static SharedServicesPipeline.Tests.Reference.MatcherAssertions;

namespace SharedServicesPipeline.Tests.Reference;

/// <summary>Initialisms are made from the register, not listed one by one: a council's is matched when only it could own it.</summary>
public sealed class MatcherInitialismTests
{
    [Theory]
    [InlineData("NKDC", "E07000139")]
    [InlineData("SKDC", "E07000141")]
    [InlineData("TWBC", "E07000116")]
    [InlineData("ELDC", "E07000137")]
    [InlineData("CBMDC", "E08000032")]
    [InlineData("BCKLWN", "E07000146")]
    [InlineData("DCSDC", "N09000005")]
    [InlineData("RCTCBC", "W06000016")]
    [InlineData("EFDC", "E07000072")]
    [InlineData("BDBC", "E07000084")]
    public void A_councils_initialism_is_matched_when_only_that_council_could_own_it(string name, string code) =>
        AssertMatched(name, null, code);

    [Theory]
    [InlineData("LBRuT", "E09000027")]
    [InlineData("LBI", "E09000019")]
    [InlineData("CnES", "S12000013")]
    [InlineData("CoL", "E09000001")]
    public void Small_words_may_be_kept_or_dropped_and_london_boroughs_are_written_lb_first(string name, string code) =>
        AssertMatched(name, null, code);

    [Theory]
    [InlineData("T&MBC", "E07000115")]
    [InlineData("B&H CC", "E06000043")]
    [InlineData("R&CBC", "E06000003")]
    [InlineData("P&K Council", "S12000048")]
    [InlineData("D&G Council", "S12000006")]
    public void An_ampersand_in_an_initialism_stands_for_and(string name, string code) => AssertMatched(name, null, code);

    [Theory]
    [InlineData("WBC", "E07000128", "E08000010")]
    [InlineData("TMBC", "E07000115", "E08000008")]
    [InlineData("DMBC", "E08000017", "E08000027")]
    [InlineData("RMBC", "E08000018", "E08000005")]
    [InlineData("LBL", "E09000022", "E09000023")]
    public void An_initialism_that_several_councils_could_own_goes_to_review(string name, string first, string second)
    {
        var result = AssertAmbiguous(name, null);
        Assert.Contains(result.Candidates, c => c.Authority.Code == first || c.Authority.Code == second);
    }

    [Fact]
    public void A_former_metropolitan_style_still_counts_so_DMBC_is_Doncaster_or_Dudley() =>
        AssertAmbiguous("DMBC", null, "E08000017", "E08000027");

    [Fact]
    public void An_initialism_of_a_council_abolished_by_then_is_not_a_rival()
    {
        AssertMatched("AVDC", "2017-04-01", "E07000004");
        AssertMatched("SLDC", "2020-04-01", "E07000031");
    }

    [Theory]
    [InlineData("nkdc")]
    [InlineData("Ely City Council")]
    public void A_name_in_lower_case_is_not_read_as_an_initialism(string name) => AssertUnmatched(name);

    [Theory]
    [InlineData("TBC")]
    [InlineData("TBA")]
    [InlineData("N/A")]
    [InlineData("various")]
    [InlineData("Other")]
    public void A_placeholder_is_never_a_council_whatever_its_letters(string name) => AssertUnmatched(name);
}
