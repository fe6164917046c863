using System.Globalization;
using System.Runtime.CompilerServices;

namespace SharedServicesPipeline.Publishing;

/// <summary>
/// The arrangements with their partners, joined from the star-schema tables of a run (fact, bridge, dimensions), for
/// the outputs that show arrangements whole: the compendium workbook and the map. Missing tables give an empty catalogue.
/// </summary>
public sealed class ArrangementCatalogue
{
    private ArrangementCatalogue(IReadOnlyList<CatalogueAuthority> authorities, IReadOnlyList<CatalogueArrangement> arrangements)
    {
        Authorities = authorities;
        Arrangements = arrangements;
    }

    // One catalogue per run's tables, shared by every artifact that shows arrangements whole (the compendium and the
    // map each joined all 100k arrangements again) and by the council comparison, which sees the list before the
    // derived tables are added to it: keyed by the run's fact table, which both lists share. Weak, so it goes with it.
    private static readonly ConditionalWeakTable<object, Lazy<ArrangementCatalogue>> Shared = [];

    private IReadOnlyList<string>? _areas; // asked for once per region sheet and summary row: worked out once
    private Dictionary<string, List<CatalogueArrangement>>? _byArea;

    /// <summary>Every authority row of <c>dim_authority</c> except the Unknown member.</summary>
    public IReadOnlyList<CatalogueAuthority> Authorities { get; }

    /// <summary>Arrangements ordered by title.</summary>
    public IReadOnlyList<CatalogueArrangement> Arrangements { get; }

    /// <summary>Areas (English regions, else nations) with at least one partner, in order.</summary>
    public IReadOnlyList<string> Areas => _areas ??= [.. ByArea.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The arrangements with a partner in <paramref name="area"/>, in catalogue order.</summary>
    public IReadOnlyList<CatalogueArrangement> InArea(string area) => ByArea.TryGetValue(area, out var inArea) ? inArea : [];

    // One pass over the arrangements, instead of one per area for each region sheet and again for each summary row.
    private Dictionary<string, List<CatalogueArrangement>> ByArea => _byArea ??= GroupByArea(Arrangements);

    /// <summary>The catalogue of a run's tables, joined once however many artifacts ask (from any thread).</summary>
    public static ArrangementCatalogue Of(IReadOnlyList<ExtractTable> tables) =>
        Shared.GetValue((object?)tables.FirstOrDefault(t => t.Name == "fact_arrangement") ?? tables, _ => new Lazy<ArrangementCatalogue>(() => From(tables))).Value;

    private static ArrangementCatalogue From(IReadOnlyList<ExtractTable> tables)
    {
        var authorities = ExtractTableRows.OrEmpty(tables, "dim_authority")
            .Select(r => new CatalogueAuthority(
                r.Int("authority_key"),
                r.Text("authority_code") ?? "",
                r.Text("name") ?? "",
                r.Text("authority_type"),
                r.Text("tier_level"),
                r.Text("sector"),
                r.Text("region"),
                r.Text("nation"),
                r.Number("latitude"),
                r.Number("longitude"),
                r.Bool("is_current"))
            {
                ExistedTo = r.Date("existed_to"),
            })
            .Where(a => a.Key > 0)
            .ToList();
        var byKey = authorities.ToDictionary(a => a.Key);
        var serviceAreas = ExtractTableRows.OrEmpty(tables, "dim_service_area").ToDictionary(r => r.Int("service_area_key"), r => r.Text("service_area") ?? "");
        var partners = ExtractTableRows.OrEmpty(tables, "bridge_arrangement_partner")
            .GroupBy(r => r.Int("arrangement_key"))
            .ToDictionary(g => g.Key, g => g.Select(r => byKey.GetValueOrDefault(r.Int("authority_key"))).OfType<CatalogueAuthority>()
                .OrderBy(a => a.Name, StringComparer.Ordinal).ToList());

        var arrangements = ExtractTableRows.OrEmpty(tables, "fact_arrangement")
            .Select(r =>
            {
                var key = r.Int("arrangement_key");
                return new CatalogueArrangement(
                    key,
                    r.Text("arrangement_id") ?? "",
                    r.Text("reference"),
                    r.Text("title") ?? "",
                    serviceAreas.GetValueOrDefault(r.Int("service_area_key")) ?? "Unknown",
                    r.Text("category") ?? "Other",
                    r.Text("status"),
                    DateKey(r.Int("start_date_key")),
                    r.Money("annual_savings_gbp"),
                    r.Money("savings_to_date_gbp"),
                    r.Bool("is_cross_tier"),
                    r.Bool("is_cross_sector"),
                    byKey.GetValueOrDefault(r.Int("lead_authority_key")),
                    partners.GetValueOrDefault(key) ?? [])
                {
                    EndDate = DateKey(r.Int("end_date_key")),
                };
            })
            .OrderBy(a => a.Title, StringComparer.OrdinalIgnoreCase)
            .ThenBy(a => a.ArrangementId, StringComparer.Ordinal)
            .ToList();
        return new ArrangementCatalogue(authorities, arrangements);
    }

    private static Dictionary<string, List<CatalogueArrangement>> GroupByArea(IReadOnlyList<CatalogueArrangement> arrangements)
    {
        var byArea = new Dictionary<string, List<CatalogueArrangement>>(StringComparer.Ordinal);
        foreach (var arrangement in arrangements)
        {
            foreach (var area in arrangement.Areas)
            {
                if (!byArea.TryGetValue(area, out var inArea))
                {
                    byArea[area] = inArea = [];
                }

                inArea.Add(arrangement);
            }
        }

        return byArea;
    }

    private static DateOnly? DateKey(int key) =>
        key > 10000101 && DateOnly.TryParseExact(key.ToString(CultureInfo.InvariantCulture), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;
}

/// <summary>An authority as the compendium and the map show it.</summary>
public sealed record CatalogueAuthority(
    int Key,
    string Code,
    string Name,
    string? AuthorityType,
    string? TierLevel,
    string? Sector,
    string? Region,
    string? Nation,
    double? Latitude,
    double? Longitude,
    bool IsCurrent)
{
    /// <summary>The day this version of the authority ceased (null while it exists).</summary>
    public DateOnly? ExistedTo { get; init; }

    /// <summary>The English region, else the nation (Wales, Scotland, Northern Ireland), else "Other".</summary>
    public string Area => Region is { Length: > 0 } ? Region : Nation is { Length: > 0 } ? Nation : "Other";

    public bool IsCouncil => string.Equals(Sector, "council", StringComparison.OrdinalIgnoreCase);

    public bool IsLocated => Latitude is not null && Longitude is not null;
}

/// <summary>An arrangement with its partners by name.</summary>
public sealed record CatalogueArrangement(
    int Key,
    string ArrangementId,
    string? Reference,
    string Title,
    string ServiceArea,
    string Category,
    string? Status,
    DateOnly? StartDate,
    decimal? AnnualSavingsGbp,
    decimal? SavingsToDateGbp,
    bool IsCrossTier,
    bool IsCrossSector,
    CatalogueAuthority? Lead,
    IReadOnlyList<CatalogueAuthority> Partners)
{
    /// <summary>The end date, when one was reported (it may lie in the future).</summary>
    public DateOnly? EndDate { get; init; }

    /// <summary>Ended by <paramref name="asOf"/>: its status says so, or its end date has passed.</summary>
    public bool HasEndedBy(DateOnly asOf) => string.Equals(Status, "Ended", StringComparison.OrdinalIgnoreCase) || EndDate < asOf;

    // Worked out once: every sheet, map feature and dashboard figure asks for it.
    public IReadOnlyList<string> Areas { get; } = DistinctAreas(Partners);

    // A handful of partners each, for 100k arrangements: a list beats a set, and the sort is the same ordinal one.
    private static List<string> DistinctAreas(IReadOnlyList<CatalogueAuthority> partners)
    {
        var areas = new List<string>(partners.Count);
        foreach (var partner in partners)
        {
            var area = partner.Area;
            if (!areas.Exists(a => string.Equals(a, area, StringComparison.Ordinal)))
            {
                areas.Add(area);
            }
        }

        areas.Sort(StringComparer.Ordinal);
        return areas;
    }
}
