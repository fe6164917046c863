using Xunit;
using static SharedServicesPipeline.Tests.Reference.MatcherAssertions;

namespace SharedServicesPipeline.Tests.Reference;

public sealed class MatcherTierTests
{
    [Fact]
    public void CC_after_a_county_is_the_county_council() => AssertMatched("Essex CC", null, "E10000012");

    [Fact]
    public void CC_after_a_city_is_the_city_council() => AssertMatched("Lincoln CC", null, "E07000138");

    [Fact]
    public void A_county_name_alone_is_the_county() => AssertMatched("Essex", null, "E10000012");

    [Fact]
    public void A_city_name_alone_is_the_city_and_its_shire_is_the_county()
    {
        AssertMatched("Lincoln", null, "E07000138");
        AssertMatched("Lincolnshire", null, "E10000019");
    }

    [Fact]
    public void Durham_alone_is_County_Durham() => AssertMatched("Durham", null, "E06000047");

    [Fact]
    public void City_Council_picks_the_city_among_councils_that_share_a_place()
    {
        AssertMatched("Newcastle City Council", null, "E08000021");
        AssertMatched("Kingston upon Hull City Council", null, "E06000010");
    }

    [Fact]
    public void Borough_picks_the_borough_among_councils_that_share_a_place()
    {
        AssertMatched("Newcastle BC", null, "E07000195");
        AssertMatched("Kingston BC", null, "E09000021");
    }

    [Theory]
    [InlineData("LB Hackney")]
    [InlineData("London Borough of Hackney")]
    [InlineData("Hackney LBC")]
    [InlineData("Hackney Council")]
    [InlineData("Hackney, London Borough of")]
    public void London_borough_affixes_are_understood(string name) => AssertMatched(name, null, "E09000012");

    [Theory]
    [InlineData("Kensington & Chelsea RBC")]
    [InlineData("RB Kensington and Chelsea")]
    [InlineData("Royal Borough of Kensington and Chelsea")]
    public void Royal_borough_affixes_are_understood(string name) => AssertMatched(name, null, "E09000020");

    [Theory]
    [InlineData("Bolton MBC")]
    [InlineData("Bolton Metropolitan Borough Council")]
    [InlineData("Bolton Met")]
    [InlineData("Bolton Council")]
    public void Metropolitan_borough_affixes_are_understood(string name) => AssertMatched(name, null, "E08000001");

    [Theory]
    [InlineData("Wealden DC")]
    [InlineData("Wealden District Council")]
    [InlineData("Wealden Borough Council")]
    public void A_wrong_affix_does_not_stop_a_unique_place_from_matching(string name) => AssertMatched(name, null, "E07000065");

    [Fact]
    public void Words_after_the_councils_name_are_a_note() =>
        AssertMatched("Essex County Council - Adult Social Care", null, "E10000012");

    [Fact]
    public void A_combined_authority_is_matched_with_its_own_sector()
    {
        var result = AssertMatched("Greater Manchester Combined Authority", null, "E47000001");
        Assert.Equal(SharedServicesPipeline.Pipeline.Reference.Sector.CombinedAuthority, result.Authority!.Sector);
    }

    [Fact]
    public void Ons_style_names_with_a_trailing_style_are_understood()
    {
        AssertMatched("Bristol, City of", null, "E06000023");
        AssertMatched("Herefordshire, County of", null, "E06000019");
        AssertMatched("Kingston upon Hull, City of", null, "E06000010");
    }
}
