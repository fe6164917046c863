using SharedServicesPipeline.Pipeline.Reference;
using Xunit;

namespace SharedServicesPipeline.Tests.Reference;

public sealed class CanonicalNameTests
{
    [Theory]
    [InlineData("ESSEX  County Council", "essex county council")]
    [InlineData("Brighton & Hove", "brighton and hove")]
    [InlineData("St. Helens", "st helens")]
    [InlineData("Saint Helens", "st helens")]
    [InlineData("Stoke-on-Trent", "stoke on trent")]
    [InlineData("The Highland Council", "highland council")]
    [InlineData("Bristol, City of", "city of bristol")]
    [InlineData("Herefordshire, County of", "county of herefordshire")]
    [InlineData("King's Lynn and West Norfolk", "kings lynn and west norfolk")]
    [InlineData("King’s Lynn", "kings lynn")]
    [InlineData("Cyngor Sir Ynys Môn", "cyngor sir ynys mon")]
    [InlineData("L.B. Hackney", "lb hackney")]
    [InlineData("Bath & NE Somerset", "bath and north east somerset")]
    [InlineData("N E Lincs", "north east lincolnshire")]
    [InlineData("S Glos", "south gloucestershire")]
    [InlineData("Essex County Council (lead)", "essex county council")]
    [InlineData("Co. Durham", "county durham")]
    [InlineData("West Midlands CA", "west midlands combined authority")]
    [InlineData("South Yorkshire Mayoral Combined Authority", "south yorkshire combined authority")]
    [InlineData("South West SHA", "south west strategic health authority")]
    [InlineData("Cardiff & Vale UHB", "cardiff and vale university health board")]
    public void Names_are_canonicalised_for_case_punctuation_and_common_abbreviations(string raw, string expected)
    {
        Assert.Equal(expected, NameCanonicaliser.Canonical(raw));
    }

    [Fact]
    public void A_lone_compass_letter_is_kept_rather_than_expanded()
    {
        Assert.Equal("w", NameCanonicaliser.Canonical("W"));
    }

    [Theory]
    [InlineData("essex county council", "essex")]
    [InlineData("london borough of hackney", "hackney")]
    [InlineData("kensington and chelsea rbc", "kensington and chelsea")]
    [InlineData("bolton metropolitan borough council", "bolton")]
    [InlineData("city of lincoln council", "lincoln")]
    [InlineData("adur and worthing councils", "adur and worthing")]
    [InlineData("cyngor sir ddinbych", "ddinbych")]
    [InlineData("borough council of kings lynn and west norfolk", "kings lynn and west norfolk")]
    [InlineData("greater manchester combined authority", "greater manchester")]
    public void Council_affixes_are_stripped_down_to_the_place(string canonical, string core)
    {
        Assert.Equal(core, CouncilAffixes.Core(canonical));
    }

    [Fact]
    public void A_name_is_never_stripped_down_to_a_generic_word()
    {
        Assert.Equal("city of london", CouncilAffixes.Core("city of london"));
    }
}
