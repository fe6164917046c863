namespace SharedServicesPipeline.DataMart.Entities;

/// <summary>A council like the council (council_peer), written by the refresh; both keys point at the current versions.</summary>
public sealed class CouncilPeerEntity
{
    public int CouncilAuthorityKey { get; set; }
    public required string CouncilCode { get; set; }
    public required string CouncilName { get; set; }
    public int PeerAuthorityKey { get; set; }
    public required string PeerCode { get; set; }
    public required string PeerName { get; set; }
    public bool SameType { get; set; }
    public bool SameRegion { get; set; }
    public double? DistanceKm { get; set; }
    public int Rank { get; set; }
    public required string Why { get; set; }
}
