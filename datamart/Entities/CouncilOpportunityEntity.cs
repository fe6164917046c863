namespace SharedServicesPipeline.DataMart.Entities;

/// <summary>A service area a council's neighbours and peers share and it does not (council_opportunity), written by the refresh.</summary>
public sealed class CouncilOpportunityEntity
{
    public int CouncilAuthorityKey { get; set; }
    public required string CouncilCode { get; set; }
    public required string CouncilName { get; set; }
    public int ServiceAreaKey { get; set; }
    public required string ServiceArea { get; set; }
    public required string Category { get; set; }
    public int Comparators { get; set; }
    public int PeersSharing { get; set; }
    public int NeighboursSharing { get; set; }
    public double Share { get; set; }
    public bool SharedBefore { get; set; }
    public required string WhoShares { get; set; }
    public required string WhoSharesCodes { get; set; }
    public required string ExampleArrangementIds { get; set; }
    public required string ExampleArrangements { get; set; }
    public decimal? ExampleAnnualSavingsGbp { get; set; }
    public int Rank { get; set; }
}
