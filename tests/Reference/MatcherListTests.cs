using Xunit;
using static SharedServicesPipeline.Tests.Reference.MatcherAssertions;

namespace SharedServicesPipeline.Tests.Reference;

public sealed class MatcherListTests
{
    [Fact]
    public void A_plural_affix_after_a_list_applies_to_every_council_in_it()
    {
        AssertMatched("Teignbridge & Torridge DCs", null, "E07000045", "E07000046");
        AssertMatched("Burnley & Pendle BCs", null, "E07000117", "E07000122");
        AssertMatched("Cambridgeshire and Northamptonshire CCs", "2017-04-01", "E10000003", "E10000021");
    }

    [Fact]
    public void A_compass_word_left_alone_in_a_list_borrows_the_place_that_follows()
    {
        AssertMatched("East & West Sussex CCs", null, "E10000011", "E10000032");
        AssertMatched("East & West Lindsey DCs", null, "E07000137", "E07000142");
        AssertMatched("North East & North Lincolnshire", null, "E06000012", "E06000013");
    }

    [Theory]
    [InlineData("Kent councils")]
    [InlineData("Suffolk Councils")]
    [InlineData("Essex District Councils")]
    public void A_plural_affix_on_one_councils_name_is_a_group_of_councils_for_review_not_that_council(string name)
    {
        var result = AssertUnmatched(name);
        Assert.NotEmpty(result.Candidates);
    }

    [Fact]
    public void A_list_of_councils_merged_by_the_arrangements_date_is_the_council_they_became() =>
        AssertMatched("Forest Heath & St Edmundsbury", "2020-04-01", "E07000245");

    [Fact]
    public void A_merged_councils_shorthand_is_that_council_today_and_its_predecessors_before()
    {
        AssertMatched("Armagh, Banbridge & Craigavon", null, "N09000002");
        AssertMatched("Armagh, Banbridge & Craigavon", "2012-04-01", "95O", "95Q", "95N");
    }
}
