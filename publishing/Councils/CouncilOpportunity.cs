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
    int Rank)
{
    /// <summary>The comparators sharing it by name, "; " between them (column who_shares).</summary>
    public string WhoSharesNames => string.Join("; ", WhoShares.Select(c => c.Name));

    /// <summary>The same by GSS code (column who_shares_codes).</summary>
    public string WhoSharesCodes => string.Join("; ", WhoShares.Select(c => c.Code));

    /// <summary>The examples' arrangement ids (column example_arrangement_ids).</summary>
    public string ExampleArrangementIds => string.Join("; ", Examples.Select(e => e.ArrangementId));

    /// <summary>The examples as a person reads them (column example_arrangements).</summary>
    public string ExampleArrangements => string.Join("; ", Examples.Select(CouncilComparisonTables.Example));
}
