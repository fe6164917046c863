using SharedServicesPipeline.Publishing.Dashboard;

namespace SharedServicesPipeline.Tests.Dashboard;

public sealed class TierCombinationTests
{
    [Theory]
    [InlineData("district,district", "district–district")]
    [InlineData("county,district,district", "district–county")]
    [InlineData("county,unitary", "unitary–county")]
    [InlineData("unitary,district", "district–unitary")]
    [InlineData("london_borough,city_corporation", "London–London")]
    [InlineData("metropolitan_district,police_body", "metropolitan–other body")]
    [InlineData("welsh_council,welsh_council", "Welsh–Welsh")]
    public void Names_the_mix_of_partner_kinds_lower_tiers_first(string types, string expected)
    {
        var kinds = types.Split(',').Select(t => TierCombination.KindOf(t, t.EndsWith("_body", StringComparison.Ordinal) ? "police" : "council"));

        Assert.Equal(expected, TierCombination.Label(kinds));
    }
}
