namespace SharedServicesPipeline.DataMart.Entities;

/// <summary>A council's neighbour (council_neighbour), written by the refresh from the boundaries; both keys point at the current versions.</summary>
public sealed class CouncilNeighbourEntity
{
    public int CouncilAuthorityKey { get; set; }
    public required string CouncilCode { get; set; }
    public required string CouncilName { get; set; }
    public int NeighbourAuthorityKey { get; set; }
    public required string NeighbourCode { get; set; }
    public required string NeighbourName { get; set; }
    public bool SharesBoundary { get; set; }
    public double? DistanceKm { get; set; }
    public int Rank { get; set; }
    public required string Why { get; set; }
}
