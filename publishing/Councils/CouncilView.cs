namespace SharedServicesPipeline.Publishing.Councils;

/// <summary>
/// One council's view, as <c>ssp council</c> prints and <c>GET /api/councils/{code}</c> returns it: profile, arrangements
/// current and ended with savings totals, neighbours, councils like it (with what each shares), and opportunities.
/// </summary>
public sealed record CouncilView(
    string Code,
    string Name,
    string Type,
    string Tier,
    string? Region,
    string? Nation,
    DateOnly? ExistedFrom,
    DateOnly? ExistedTo,
    bool HasBoundary,
    IReadOnlyList<CouncilRef> Predecessors,
    IReadOnlyList<CouncilRef> Successors,
    CouncilSavings Savings,
    IReadOnlyList<CouncilArrangement> CurrentArrangements,
    IReadOnlyList<CouncilArrangement> EndedArrangements,
    IReadOnlyList<CouncilViewNeighbour> Neighbours,
    IReadOnlyList<CouncilViewPeer> Peers,
    IReadOnlyList<CouncilViewOpportunity> Opportunities,
    string DashboardLink);

public sealed record CouncilRef(string Code, string Name);

/// <summary>Reported savings of the council's arrangements (whole arrangements, not the council's part of them).</summary>
public sealed record CouncilSavings(decimal CurrentAnnualGbp, decimal ToDateGbp);

public sealed record CouncilArrangement(
    string Id,
    string Title,
    string ServiceArea,
    string Category,
    string? Status,
    DateOnly? StartDate,
    DateOnly? EndDate,
    decimal? AnnualSavingsGbp,
    decimal? SavingsToDateGbp,
    IReadOnlyList<CouncilRef> Partners);

public sealed record CouncilViewNeighbour(string Code, string Name, bool SharesBoundary, double? DistanceKm, int Rank, string Why, IReadOnlyList<string> Shares);

public sealed record CouncilViewPeer(string Code, string Name, bool SameType, bool SameRegion, double? DistanceKm, int Rank, string Why, IReadOnlyList<string> Shares);

public sealed record CouncilViewOpportunity(
    int Rank,
    string ServiceArea,
    string Category,
    int Comparators,
    int PeersSharing,
    int NeighboursSharing,
    double Share,
    bool SharedBefore,
    IReadOnlyList<CouncilRef> WhoShares,
    IReadOnlyList<CouncilArrangement> Examples,
    decimal? ExampleAnnualSavingsGbp);
