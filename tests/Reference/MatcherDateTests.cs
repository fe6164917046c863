using Xunit;
using static SharedServicesPipeline.Tests.Reference.MatcherAssertions;

namespace SharedServicesPipeline.Tests.Reference;

public sealed class MatcherDateTests
{
    [Fact]
    public void Northamptonshire_in_2011_is_the_county_council_not_its_successors() =>
        AssertMatched("Northamptonshire", "2011-04-01", "E10000021");

    [Fact]
    public void An_abolished_council_is_matched_by_its_unambiguous_name_without_a_date() =>
        AssertMatched("Taunton Deane BC", null, "E07000190");

    [Fact]
    public void A_shared_name_resolves_to_the_council_that_existed_on_the_date()
    {
        AssertMatched("Somerset", "2015-04-01", "E10000027");
        AssertMatched("Somerset", "2024-04-01", "E06000066");
        AssertMatched("North Yorkshire", "2016-04-01", "E10000023");
        AssertMatched("North Yorkshire", "2024-04-01", "E06000065");
        AssertMatched("Dorset", "2012-04-01", "E10000009");
        AssertMatched("Dorset", "2021-04-01", "E06000059");
    }

    [Fact]
    public void Todays_name_used_for_an_older_arrangement_finds_the_council_of_that_time() =>
        AssertMatched("Buckinghamshire Council", "2011-04-01", "E10000002");

    [Fact]
    public void An_old_name_used_after_a_reorganisation_finds_the_council_of_that_time() =>
        AssertMatched("Wiltshire County Council", "2015-04-01", "E06000054");

    [Fact]
    public void Before_2009_Durham_CC_may_be_the_county_or_the_city_council() =>
        AssertAmbiguous("Durham CC", "2007-04-01", "20", "20UE");

    [Fact]
    public void Northern_Irelands_councils_before_2015_are_found_by_date()
    {
        AssertMatched("Belfast City Council", "2012-04-01", "95Z");
        AssertMatched("Belfast City Council", "2016-04-01", "N09000003");
    }

    [Fact]
    public void A_merged_councils_name_used_before_the_merger_lists_its_predecessors()
    {
        AssertMatched("Lisburn & Castlereagh", "2012-04-01", "95S", "95Y");
        AssertMatched("Bournemouth, Christchurch and Poole", "2015-04-01", "E06000028", "E07000048", "E06000029");
    }

    [Fact]
    public void An_alias_with_several_codes_is_resolved_by_date()
    {
        AssertMatched("NYCC", "2015-04-01", "E10000023");
        AssertMatched("NYCC", "2024-04-01", "E06000065");
    }

    [Theory]
    [InlineData("Kennet DC", "2011-04-01", "E06000054")]
    [InlineData("Caradon DC", "2012-04-01", "E06000052")]
    [InlineData("Harrogate BC", "2024-04-01", "E06000065")]
    [InlineData("Aylesbury Vale DC", "2021-04-01", "E06000060")]
    public void An_abolished_councils_name_for_a_later_arrangement_is_the_council_that_took_its_place(string name, string asOf, string code) =>
        AssertMatched(name, asOf, code);

    [Fact]
    public void Successors_are_followed_through_later_reorganisations() =>
        AssertMatched("Taunton Deane BC", "2024-04-01", "E06000066"); // Taunton Deane, then Somerset West and Taunton, then Somerset

    [Theory]
    [InlineData("Cumbria CC", "2024-04-01", "E06000063", "E06000064")]
    [InlineData("Cheshire CC", "2010-04-01", "E06000049", "E06000050")]
    [InlineData("Northants", "2022-04-01", "E06000061", "E06000062")]
    public void An_abolished_council_split_between_successors_goes_to_review_with_them(string name, string asOf, string first, string second) =>
        AssertAmbiguous(name, asOf, first, second);

    [Fact]
    public void Without_a_date_an_abolished_councils_name_is_never_handed_to_its_successor()
    {
        AssertMatched("Kennet DC", null, "46UB");
        AssertMatched("Cumbria CC", null, "E10000006");
    }
}
