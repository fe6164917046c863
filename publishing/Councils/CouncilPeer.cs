namespace SharedServicesPipeline.Publishing.Councils;

/// <summary>A row of council_peer: a council like the council, how alike, and its rank (1 = most alike).</summary>
public sealed record CouncilPeer(ComparedCouncil Council, ComparedCouncil Peer, bool SameType, bool SameRegion, double? DistanceKm, int Rank, string Why);
