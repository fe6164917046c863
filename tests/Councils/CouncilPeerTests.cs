using SharedServicesPipeline.Publishing.Councils;

namespace SharedServicesPipeline.Tests.Councils;

/// <summary>"Councils like it": the documented ranking (same type, then same region, then distance, then code).</summary>
public sealed class CouncilPeerTests : IClassFixture<ComparedMart>
{
    private readonly ComparedMart _mart;

    public CouncilPeerTests(ComparedMart mart) => _mart = mart;

    [Fact]
    public void A_district_is_most_like_the_nearest_districts_of_its_own_region()
    {
        var peers = _mart.Comparison.Peers.Where(p => p.Council.Code == "E07000112").ToList(); // Folkestone and Hythe
        var council = _mart.Comparison.Councils.Single(c => c.Code == "E07000112");
        var expected = _mart.Comparison.Councils
            .Where(c => c.Code != council.Code && c.Type == "district" && c.Region == "South East" && c.Coexists(council))
            .OrderBy(c => council.DistanceKm(c)).ThenBy(c => c.Code, StringComparer.Ordinal)
            .Take(CouncilPeers.Count).Select(c => c.Code);

        Assert.Equal(CouncilPeers.Count, peers.Count);
        Assert.Equal(expected, peers.Select(p => p.Peer.Code));
        Assert.All(peers, p => Assert.True(p.SameType && p.SameRegion));
        Assert.Contains("E07000105", peers.Select(p => p.Peer.Code)); // Ashford
        Assert.StartsWith("same type (district); same region (South East); ", peers[0].Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Councils_of_the_same_type_always_rank_above_those_only_of_the_same_tier_and_region_above_distance()
    {
        Assert.All(_mart.Comparison.Peers.GroupBy(p => p.Council.Code), g =>
        {
            var ordered = g.OrderBy(p => p.SameType ? 0 : 1).ThenBy(p => p.SameRegion ? 0 : 1).ThenBy(p => p.DistanceKm ?? double.MaxValue).ToList();
            Assert.Equal(ordered.Select(p => p.Peer.Code), g.Select(p => p.Peer.Code));
            Assert.Equal(Enumerable.Range(1, g.Count()), g.Select(p => p.Rank));
            Assert.All(g, p => Assert.Equal(p.Council.Tier, p.Peer.Tier));
        });
    }

    [Fact]
    public void The_City_of_London_with_no_other_council_of_its_type_is_compared_with_single_tier_councils_nearest_first()
    {
        var peers = _mart.Comparison.Peers.Where(p => p.Council.Code == "E09000001").ToList();

        Assert.Equal(CouncilPeers.Count, peers.Count);
        Assert.All(peers, p => Assert.False(p.SameType));
        Assert.All(peers, p => Assert.Equal("London", p.Peer.Region));
    }

    [Fact]
    public void The_comparison_is_the_same_every_time_for_the_same_tables()
    {
        var again = CouncilComparison.Compute(_mart.Tables, CouncilBoundaries.BuiltIn, ComparedMart.AsOf);

        Assert.Equal(_mart.Comparison.Peers.Select(p => (p.Council.Code, p.Peer.Code, p.Rank, p.Why)), again.Peers.Select(p => (p.Council.Code, p.Peer.Code, p.Rank, p.Why)));
        Assert.Equal(_mart.Comparison.Neighbours.Select(p => (p.Council.Code, p.Neighbour.Code, p.Rank)), again.Neighbours.Select(p => (p.Council.Code, p.Neighbour.Code, p.Rank)));
        Assert.Equal(_mart.Comparison.Opportunities.Select(o => (o.Council.Code, o.ServiceArea, o.Rank)), again.Opportunities.Select(o => (o.Council.Code, o.ServiceArea, o.Rank)));
    }
}
