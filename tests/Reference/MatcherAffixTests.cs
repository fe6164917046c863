using Xunit;
using static SharedServicesPipeline.Tests.Reference.MatcherAssertions;

namespace SharedServicesPipeline.Tests.Reference;

public sealed class MatcherAffixTests
{
    [Theory]
    [InlineData("Braintree DC - host", "E07000067")]
    [InlineData("Braintree DC \u2014 host", "E07000067")]
    [InlineData("Kent CC - Trading Standards", "E10000016")]
    [InlineData("Cheltenham BC - lead partner", "E07000078")]
    public void Words_after_an_abbreviated_affix_are_a_note(string name, string code) => AssertMatched(name, null, code);

    [Theory]
    [InlineData("Essex CC Essex Police")]
    [InlineData("Essex CC Braintree DC")]
    public void Words_after_a_council_that_name_another_partner_are_not_dropped_as_a_note(string name) => AssertUnmatched(name);

    [Fact]
    public void Country_council_is_read_as_county_council() => AssertMatched("Essex Country Council", null, "E10000012");

    [Fact]
    public void Metropolitan_council_may_be_written_MC() => AssertMatched("Kirklees MC", null, "E08000034");

    [Theory]
    [InlineData("Mayor and Burgesses of the London Borough of Camden", "E09000007")]
    [InlineData("The Mayor and Commonalty and Citizens of the City of London", "E09000001")]
    public void A_councils_legal_name_in_a_contract_is_that_council(string name, string code) => AssertMatched(name, null, code);

    [Theory]
    [InlineData("Cambridgeshire & Peterborough CA", null, "E47000008")]
    [InlineData("York & North Yorkshire CA", "2024-06-01", "E47000012")]
    [InlineData("West Midlands CA", null, "E47000007")]
    [InlineData("Cambridgeshire and Peterborough Mayoral Combined Authority", null, "E47000008")]
    public void A_combined_authority_written_with_CA_is_the_combined_authority_not_its_councils(string name, string? asOf, string code) =>
        AssertMatched(name, asOf, code);

    [Theory]
    [InlineData("Peterborough CA")]
    [InlineData("Cambridgeshire/Peterborough CA")]
    public void A_combined_authority_affix_on_councils_names_matches_no_council(string name) =>
        Assert.DoesNotContain(Matcher.Match(name).Authorities, a => a.IsCouncil);

    [Theory]
    [InlineData("Salisbury City Council", "2012-04-01")]
    [InlineData("Lichfield City Council", null)]
    [InlineData("Chichester City Council", null)]
    public void A_parish_tier_city_council_is_not_the_district_of_the_same_place(string name, string? asOf) => AssertUnmatched(name, asOf);
}
