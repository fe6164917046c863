namespace SharedServicesPipeline.Publishing.Councils;

/// <summary>A row of council_neighbour: a neighbour of a council, why it is one, and its rank (1 = nearest).</summary>
public sealed record CouncilNeighbour(ComparedCouncil Council, ComparedCouncil Neighbour, bool SharesBoundary, double? DistanceKm, int Rank, string Why);
