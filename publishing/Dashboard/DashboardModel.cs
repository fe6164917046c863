namespace SharedServicesPipeline.Publishing.Dashboard;

/// <summary>Everything dashboard.html shows, computed from the extract tables; the page only draws it.</summary>
public sealed record DashboardModel(
    string RunId,
    DateTimeOffset GeneratedAt,
    string? Watermark,
    DashboardHeadline Headline,
    IReadOnlyList<DashboardBreakdown> ByCategory,
    IReadOnlyList<DashboardBreakdown> ByServiceArea,
    IReadOnlyList<DashboardBreakdown> ByRegion,
    IReadOnlyList<DashboardBreakdown> ByTierCombination,
    IReadOnlyList<DashboardBreakdown> ByStartYear,
    DashboardTimeline RunningByYear,
    IReadOnlyList<DashboardPlace> Places,
    IReadOnlyList<DashboardArrangement> Arrangements,
    DashboardCouncils? Councils = null);

/// <summary>
/// The headline figures. <see cref="CurrentEnglishCouncils"/> is the denominator of the councils' share: dim_authority rows
/// of sector council, nation England, current version, not abolished by the run date, of type county, district, unitary,
/// metropolitan_district, london_borough or city_corporation, counted once per code.
/// </summary>
public sealed record DashboardHeadline(
    int Arrangements,
    int CouncilsSharing,
    int CurrentEnglishCouncilsSharing,
    int CurrentEnglishCouncils,
    decimal TotalAnnualSavings,
    decimal SavingsToDate,
    int FrontOfficeArrangements,
    int CrossTierArrangements);

/// <summary>One bar of a breakdown: how many arrangements and their reported annual savings.</summary>
public sealed record DashboardBreakdown(string Name, int Arrangements, decimal AnnualSavings);

/// <summary>Arrangements running in each year (started by then and not ended before it), by category.</summary>
public sealed record DashboardTimeline(IReadOnlyList<int> Years, IReadOnlyList<DashboardSeries> Series);

public sealed record DashboardSeries(string Name, IReadOnlyList<int> Values);

/// <summary>A body on the map: every authority with coordinates; partners are marked and carry their arrangements.</summary>
public sealed record DashboardPlace(string Code, string Name, string Kind, double Longitude, double Latitude, bool IsPartner, IReadOnlyList<int> Arrangements);

/// <summary>A row of the table and a set of links on the map.</summary>
public sealed record DashboardArrangement(
    int Key,
    string Title,
    string? Reference,
    string ServiceArea,
    string Category,
    string? Status,
    int? StartYear,
    string Region,
    string TierCombination,
    bool IsCrossTier,
    decimal? AnnualSavings,
    decimal? SavingsToDate,
    string? Lead,
    IReadOnlyList<DashboardPartner> Partners,
    int? EndYear = null,
    bool HasEnded = false);

public sealed record DashboardPartner(string Code, string Name, bool IsLead);
