using SharedServicesPipeline.Publishing;

namespace SharedServicesPipeline.Publishing.Councils;

/// <summary>Every council's neighbours, councils like it and opportunities, computed from one run's tables and the boundaries.</summary>
public sealed record CouncilComparison(
    IReadOnlyList<ComparedCouncil> Councils,
    IReadOnlyList<CouncilNeighbour> Neighbours,
    IReadOnlyList<CouncilPeer> Peers,
    IReadOnlyList<CouncilOpportunity> Opportunities)
{
    /// <summary>Computes the comparison; the same tables, boundaries and day give the same rows in the same order.</summary>
    public static CouncilComparison Compute(IReadOnlyList<ExtractTable> tables, CouncilBoundaries boundaries, DateOnly asOf)
    {
        var councils = CouncilRoster.From(tables, boundaries);
        var neighbours = CouncilNeighbours.Compute(councils);
        var peers = CouncilPeers.Compute(councils);
        var opportunities = CouncilOpportunities.Compute(councils, neighbours, peers, ArrangementCatalogue.Of(tables).Arrangements, asOf);
        return new CouncilComparison(councils, neighbours, peers, opportunities);
    }
}
