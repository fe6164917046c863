using Xunit;
using static SharedServicesPipeline.Tests.Reference.MatcherAssertions;

namespace SharedServicesPipeline.Tests.Reference;

public sealed class SplitPartnersTests
{
    [Theory]
    [InlineData("Bath and North East Somerset")]
    [InlineData("Kensington and Chelsea")]
    [InlineData("Brighton & Hove")]
    [InlineData("Hammersmith & Fulham")]
    [InlineData("Barking and Dagenham")]
    [InlineData("Newcastle upon Tyne")]
    [InlineData("Telford and Wrekin")]
    [InlineData("Windsor and Maidenhead")]
    [InlineData("Armagh City, Banbridge and Craigavon")]
    [InlineData("Cheshire West and Chester")]
    [InlineData("Dorset & Wiltshire Fire and Rescue Authority")]
    [InlineData("Avon and Somerset Constabulary")]
    public void A_name_that_the_register_knows_whole_stays_whole(string cell) =>
        Assert.Equal([cell], Matcher.SplitPartners(cell));

    [Theory]
    [InlineData("Essex CC; Braintree DC", new[] { "Essex CC", "Braintree DC" })]
    [InlineData("Essex CC\nBraintree DC\r\nEssex Police", new[] { "Essex CC", "Braintree DC", "Essex Police" })]
    [InlineData("Essex CC, Braintree DC", new[] { "Essex CC", "Braintree DC" })]
    [InlineData("Essex CC / Braintree DC", new[] { "Essex CC", "Braintree DC" })]
    [InlineData("Essex CC and Essex Police", new[] { "Essex CC", "Essex Police" })]
    [InlineData("Adur & Worthing", new[] { "Adur", "Worthing" })]
    [InlineData("Bath and North East Somerset and North Somerset", new[] { "Bath and North East Somerset", "North Somerset" })]
    [InlineData("Brighton & Hove, Lewes and Eastbourne", new[] { "Brighton & Hove", "Lewes", "Eastbourne" })]
    [InlineData("Hammersmith & Fulham, Kensington & Chelsea and Westminster", new[] { "Hammersmith & Fulham", "Kensington & Chelsea", "Westminster" })]
    [InlineData("Kingston and Richmond", new[] { "Kingston", "Richmond" })]
    [InlineData("Leeds City Council and NHS Leeds CCG", new[] { "Leeds City Council", "NHS Leeds CCG" })]
    public void A_cell_is_split_where_every_part_is_recognised(string cell, string[] expected) =>
        Assert.Equal(expected, Matcher.SplitPartners(cell));

    [Fact]
    public void A_group_alias_stays_one_partner() =>
        Assert.Equal(["Tri-borough"], Matcher.SplitPartners("Tri-borough"));

    [Fact]
    public void Recognised_parts_are_split_from_an_unrecognised_one() =>
        Assert.Equal(["Essex CC", "Borsetshire DC"], Matcher.SplitPartners("Essex CC and Borsetshire DC"));

    [Fact]
    public void A_cell_with_nothing_recognised_is_not_cut_at_and() =>
        Assert.Equal(["Ambridge and Borchester"], Matcher.SplitPartners("Ambridge and Borchester"));

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData(" ; \n ")]
    public void An_empty_cell_has_no_partners(string cell) => Assert.Empty(Matcher.SplitPartners(cell));
}
