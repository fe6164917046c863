namespace SharedServicesPipeline.Publishing.Councils;

/// <summary>
/// A row of council_opportunity: a service area that enough of a council's comparators (neighbours and councils like it)
/// share and the council does not, who shares it, and the best-saving examples.
/// </summary>
public sealed record CouncilOpportunity(
    ComparedCouncil Council,
    string ServiceArea,
    string Category,
    int Comparators,
    int PeersSharing,
    int NeighboursSharing,
    double Share,
    bool SharedBefore,
    IReadOnlyList<ComparedCouncil> WhoShares,
    IReadOnlyList<Publishing.CatalogueArrangement> Examples,
    decimal? ExampleAnnualSavings,
    int Rank);
