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

    [Theory]
    [InlineData("1. Essex CC 2. Slough BC")]
    [InlineData("1) Essex CC; 2) Slough BC")]
    [InlineData("a) Essex CC b) Slough BC")]
    [InlineData("\u2022 Essex CC \u2022 Slough BC")]
    [InlineData("* Essex CC\n* Slough BC")]
    [InlineData("Essex CC | Slough BC")]
    [InlineData("Essex CC + Slough BC")]
    [InlineData("Essex CC; Slough BC;")]
    [InlineData("Essex CC, Slough BC, ")]
    [InlineData("\u201cEssex CC\u201d, 'Slough BC'")]
    public void Numbers_bullets_bars_quotes_and_trailing_separators_are_not_part_of_a_partner(string cell) =>
        Assert.Equal(["Essex CC", "Slough BC"], Matcher.SplitPartners(cell));

    [Fact]
    public void A_number_that_does_not_start_a_list_stays_in_its_name() =>
        Assert.Equal(["Essex districts (12)", "Kent CC"], Matcher.SplitPartners("Essex districts (12) and Kent CC"));

    [Fact]
    public void A_note_stays_with_its_partner_and_the_partner_still_matches()
    {
        var parts = Matcher.SplitPartners("Essex CC (lead), Slough BC");
        Assert.Equal(["Essex CC (lead)", "Slough BC"], parts);
        Assert.Equal("E10000012", Matcher.Match(parts[0]).Authority?.Code);
    }

    [Fact]
    public void A_plural_affix_shared_by_a_list_goes_with_each_part()
    {
        Assert.Equal(["Teignbridge", "Torridge DC"], Matcher.SplitPartners("Teignbridge & Torridge DCs"));
        var parts = Matcher.SplitPartners("Essex, Kent and Medway councils");
        Assert.Equal(["Essex", "Kent", "Medway council"], parts);
        Assert.Equal(["E10000012", "E10000016", "E06000035"], parts.Select(p => Matcher.Match(p).Authority?.Code));
    }

    [Fact]
    public void A_compass_word_left_alone_takes_the_place_of_the_next_part() =>
        Assert.Equal(["East Sussex CC", "West Sussex CC", "Kent CC"], Matcher.SplitPartners("East & West Sussex CCs, Kent CC"));

    [Fact]
    public void A_group_described_in_words_stays_one_partner_for_review()
    {
        Assert.Equal(["the seven Essex districts"], Matcher.SplitPartners("the seven Essex districts"));
        Assert.Equal(SharedServicesPipeline.Pipeline.Reference.MatchStatus.Unmatched, Matcher.Match("the seven Essex districts").Status);
    }
}
