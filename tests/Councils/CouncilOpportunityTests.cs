using SharedServicesPipeline.Publishing.Councils;

namespace SharedServicesPipeline.Tests.Councils;

/// <summary>Opportunities: service areas a quarter or more of a council's comparators share (at least two) and it does not.</summary>
public sealed class CouncilOpportunityTests : IClassFixture<ComparedMart>
{
    private readonly ComparedMart _mart;

    public CouncilOpportunityTests(ComparedMart mart) => _mart = mart;

    [Fact]
    public void Folkestone_and_Hythe_whose_neighbours_share_a_waste_service_without_it_has_waste_collection_as_an_opportunity()
    {
        var opportunity = Assert.Single(_mart.Comparison.Opportunities, o => o.Council.Code == "E07000112" && o.ServiceArea == "Waste collection");
        var comparators = _mart.Comparison.Neighbours.Where(n => n.Council.Code == "E07000112").Select(n => n.Neighbour.Code)
            .Union(_mart.Comparison.Peers.Where(p => p.Council.Code == "E07000112").Select(p => p.Peer.Code)).ToList();
        string[] kentWaste = ["E10000016", "E07000105", "E07000106", "E07000108", "E07000110", "E07000113", "E07000114"];

        Assert.Equal(comparators.Count, opportunity.Comparators);
        Assert.Equal(comparators.Count(kentWaste.Contains), opportunity.PeersSharing);
        Assert.True(opportunity.PeersSharing >= CouncilOpportunities.MinimumComparators);
        Assert.Equal(Math.Round((double)opportunity.PeersSharing / opportunity.Comparators, 3), opportunity.Share);
        Assert.Contains("E07000108", opportunity.WhoShares.Select(c => c.Code)); // Dover, a neighbour
        Assert.Equal("Kent waste partnership", Assert.Single(opportunity.Examples).Title);
        Assert.Equal(3_500_000m, opportunity.ExampleAnnualSavings);
        Assert.Equal(1, opportunity.Rank);
        Assert.False(opportunity.SharedBefore);
    }

    [Fact]
    public void A_council_already_sharing_a_service_area_is_never_offered_it_and_every_opportunity_meets_the_threshold()
    {
        var sharing = _mart.Comparison.Opportunities.Where(o => o.Council.Code == "E07000105").Select(o => o.ServiceArea); // Ashford, in the waste partnership

        Assert.DoesNotContain("Waste collection", sharing);
        Assert.All(_mart.Comparison.Opportunities, o =>
        {
            Assert.True(o.PeersSharing >= CouncilOpportunities.MinimumComparators && o.Share >= CouncilOpportunities.MinimumShare - 0.0005, $"{o.Council.Name} {o.ServiceArea}");
            Assert.NotEmpty(o.Examples);
            Assert.True(o.Examples.Count <= CouncilOpportunities.ExampleCount);
        });
    }

    [Fact]
    public void An_ended_arrangement_counts_for_no_one_so_its_area_is_offered_to_its_former_partners_neighbours_only_if_others_share_it()
    {
        // Tri-borough adult social care ended in 2018: no council is offered adult social care on its account.
        Assert.DoesNotContain(_mart.Comparison.Opportunities, o => o.ServiceArea == "Adult social care");
    }
}
