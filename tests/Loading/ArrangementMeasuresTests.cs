using SharedServicesPipeline.Pipeline.Loading;
using Xunit;

namespace SharedServicesPipeline.Tests.Loading;

/// <summary>The arrangement measures, a rule of the core: computed from the partner versions the bridge points at.</summary>
public class ArrangementMeasuresTests
{
    private static readonly Partner County = new("council", "upper", 51.7520, -1.2577);      // Oxford
    private static readonly Partner District = new("council", "lower", 51.5074, -0.1278);    // London
    private static readonly Partner Unitary = new("council", "single", 53.4808, -2.2426);    // Manchester
    private static readonly Partner Police = new("police", "other", null, null);
    private static readonly Partner Combined = new("combined_authority", "other", null, null);

    [Fact]
    public void Council_count_counts_the_councils_and_nothing_else()
    {
        Assert.Equal(2, ArrangementMeasures.CouncilCount([County, District, Police, Combined]));
    }

    [Fact]
    public void An_arrangement_is_cross_tier_when_a_district_works_with_a_county_or_a_unitary()
    {
        Assert.True(ArrangementMeasures.IsCrossTier([District, County]));
        Assert.True(ArrangementMeasures.IsCrossTier([Unitary, District]));
        Assert.False(ArrangementMeasures.IsCrossTier([County, Unitary]));
        Assert.False(ArrangementMeasures.IsCrossTier([District, District with { Latitude = 52 }]));
        // A lower tier that is not a council does not count.
        Assert.False(ArrangementMeasures.IsCrossTier([County, Police with { TierLevel = "lower" }]));
    }

    [Fact]
    public void An_arrangement_is_cross_sector_only_with_a_body_outside_local_government()
    {
        Assert.True(ArrangementMeasures.IsCrossSector([County, Police]));
        Assert.False(ArrangementMeasures.IsCrossSector([County, District, Combined]));
    }

    [Fact]
    public void Distance_is_the_greatest_between_two_located_partners_to_one_decimal_km()
    {
        // London–Manchester 262.0 km, London–Oxford 82.6, Manchester–Oxford 203.4 (haversine, mean Earth radius).
        Assert.Equal(262.0, ArrangementMeasures.MaxDistanceKm([District, County, Police, Unitary]));
        Assert.Equal(82.6, ArrangementMeasures.MaxDistanceKm([County, District]));
    }

    [Fact]
    public void Distance_is_unknown_with_fewer_than_two_located_partners()
    {
        Assert.Null(ArrangementMeasures.MaxDistanceKm([County, Police]));
        Assert.Null(ArrangementMeasures.MaxDistanceKm(Array.Empty<Partner>()));
    }

    private sealed record Partner(string Sector, string TierLevel, double? Latitude, double? Longitude) : IMeasuredPartner;
}
