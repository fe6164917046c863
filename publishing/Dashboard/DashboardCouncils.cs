namespace SharedServicesPipeline.Publishing.Dashboard;

/// <summary>
/// What the council view and the boundary map need: every compared council with its profile, neighbours, peers and
/// opportunities (as the run's council tables say), the matcher's vocabulary to find one by name, and the boundary years.
/// </summary>
public sealed record DashboardCouncils(
    IReadOnlyList<DashboardCouncil> Councils,
    DashboardFinder Finder,
    IReadOnlyList<int> Years,
    string Attribution);

/// <summary>The matcher's word expansions and affixes (with the style flags each implies), for the page's search.</summary>
public sealed record DashboardFinder(
    IReadOnlyDictionary<string, string> Expansions,
    IReadOnlyDictionary<string, string> Compass,
    IReadOnlyList<DashboardAffix> Suffixes,
    IReadOnlyList<DashboardAffix> Prefixes,
    IReadOnlyList<string> NeverACore);

public sealed record DashboardAffix(string Words, int Styles);

/// <summary>A council: profile, search keys (cores of its names and aliases), and its comparisons.</summary>
public sealed record DashboardCouncil(
    string Code,
    string Name,
    string Type,
    string Tier,
    string? Region,
    DateOnly? From,
    DateOnly? To,
    double? Longitude,
    double? Latitude,
    bool HasPolygon,
    int Styles,
    IReadOnlyList<string> Keys,
    IReadOnlyList<string> Predecessors,
    IReadOnlyList<string> Successors,
    IReadOnlyList<DashboardNeighbour> Neighbours,
    IReadOnlyList<DashboardPeer> Peers,
    IReadOnlyList<DashboardOpportunity> Opportunities);

public sealed record DashboardNeighbour(string Code, bool SharesBoundary, double? DistanceKm, string Why);

public sealed record DashboardPeer(string Code, double? DistanceKm, string Why);

/// <summary>An opportunity; <see cref="WhoShares"/> are council codes and <see cref="Examples"/> arrangement keys.</summary>
public sealed record DashboardOpportunity(
    string ServiceArea,
    string Category,
    int Comparators,
    int Sharing,
    int NeighboursSharing,
    bool SharedBefore,
    IReadOnlyList<string> WhoShares,
    IReadOnlyList<int> Examples,
    decimal? ExampleAnnualSavings);
