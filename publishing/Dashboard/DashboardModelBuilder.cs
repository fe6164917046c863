namespace SharedServicesPipeline.Publishing.Dashboard;

/// <summary>Computes the dashboard's figures from the extract tables (dim_authority, dim_service_area, fact_arrangement, bridge_arrangement_partner).</summary>
public static class DashboardModelBuilder
{
    /// <summary>Authority types that make up "all current English councils", the denominator of the councils' share.</summary>
    public static IReadOnlySet<string> EnglishCouncilTypes { get; } =
        new HashSet<string>(["county", "district", "unitary", "metropolitan_district", "london_borough", "city_corporation"], StringComparer.Ordinal);

    public const string FrontOffice = "Front office";
    private static readonly string[] CategoryOrder = ["Management", "Back office", FrontOffice, "Other"];

    public static DashboardModel Build(IReadOnlyList<ExtractTable> tables, PublishContext context)
    {
        var runDate = DateOnly.FromDateTime(context.GeneratedAt.UtcDateTime);
        // The run's authorities as the catalogue read them (the compendium, the map and the comparison read the same).
        var authorities = ArrangementCatalogue.Of(tables).Authorities.ToDictionary(a => a.Key);
        var areas = ExtractTableRows.Of(tables, "dim_service_area").Rows
            .ToDictionary(r => r.Int("service_area_key"), r => (Name: r.Text("service_area") ?? "Unknown", Category: r.Text("category") ?? "Other"));
        var partnersOf = ExtractTableRows.Of(tables, "bridge_arrangement_partner").Rows
            .Select(r => (Arrangement: r.Int("arrangement_key"), Authority: r.Int("authority_key"), IsLead: r.Bool("is_lead")))
            .Where(p => authorities.ContainsKey(p.Authority))
            .GroupBy(p => p.Arrangement)
            .ToDictionary(g => g.Key, g => g.Select(p => (Authority: authorities[p.Authority], p.IsLead)).OrderBy(p => p.Authority.Name, StringComparer.Ordinal).ToList());

        var arrangements = new List<DashboardArrangement>();
        var endYears = new Dictionary<int, int?>();
        foreach (var fact in ExtractTableRows.Of(tables, "fact_arrangement").Rows)
        {
            var key = fact.Int("arrangement_key");
            var partners = partnersOf.GetValueOrDefault(key) ?? [];
            var area = areas.GetValueOrDefault(fact.Int("service_area_key"), (Name: "Unknown", Category: "Other"));
            var lead = authorities.GetValueOrDefault(fact.Int("lead_authority_key")) is { Key: > 0 } l ? l : partners.FirstOrDefault(p => p.IsLead).Authority;
            arrangements.Add(new DashboardArrangement(
                key,
                fact.Text("title") ?? "",
                fact.Text("reference"),
                area.Name,
                area.Category,
                fact.Text("status"),
                YearOf(fact.Int("start_date_key")),
                RegionOf(lead, partners.Select(p => p.Authority)),
                TierCombination.Label(partners.Select(p => TierCombination.KindOf(p.Authority.AuthorityType, p.Authority.Sector))),
                fact.Bool("is_cross_tier"),
                fact.Money("annual_savings_gbp"),
                fact.Money("savings_to_date_gbp"),
                lead?.Name,
                [.. partners.Select(p => new DashboardPartner(p.Authority.Code, p.Authority.Name, p.IsLead || p.Authority.Key == lead?.Key))],
                YearOf(fact.Int("end_date_key")),
                // As the council comparison counts it (CatalogueArrangement.HasEndedBy): ended by status or a past end date.
                string.Equals(fact.Text("status"), "Ended", StringComparison.OrdinalIgnoreCase) || (fact.Int("end_date_key") is > 0 and var end && end < DateKey(runDate))));
            endYears[key] = YearOf(fact.Int("end_date_key"));
        }

        var partnerCouncils = partnersOf.Values.SelectMany(p => p).Where(p => p.Authority.Sector == "council")
            .Select(p => p.Authority.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var currentEnglish = authorities.Values
            .Where(a => a.Sector == "council" && a.Nation == "England" && a.IsCurrent && a.AuthorityType is not null && EnglishCouncilTypes.Contains(a.AuthorityType)
                && (a.ExistedTo is null || a.ExistedTo >= runDate))
            .Select(a => a.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var headline = new DashboardHeadline(
            arrangements.Count,
            partnerCouncils.Count,
            partnerCouncils.Count(currentEnglish.Contains),
            currentEnglish.Count,
            arrangements.Sum(a => a.AnnualSavings ?? 0),
            arrangements.Sum(a => a.SavingsToDate ?? 0),
            arrangements.Count(a => a.Category == FrontOffice),
            arrangements.Count(a => a.IsCrossTier));

        return new DashboardModel(
            context.RunId,
            context.GeneratedAt,
            context.Watermark,
            headline,
            Breakdown(arrangements, a => a.Category).OrderBy(b => CategoryRank(b.Name)).ToList(),
            Breakdown(arrangements, a => a.ServiceArea).OrderByDescending(b => b.Arrangements).ThenBy(b => b.Name, StringComparer.Ordinal).ToList(),
            Breakdown(arrangements, a => a.Region).OrderByDescending(b => b.Arrangements).ThenBy(b => b.Name, StringComparer.Ordinal).ToList(),
            Breakdown(arrangements, a => a.TierCombination).OrderByDescending(b => b.Arrangements).ThenBy(b => b.Name, StringComparer.Ordinal).ToList(),
            Breakdown(arrangements, a => a.StartYear?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "Unknown")
                .OrderBy(b => b.Name == "Unknown" ? 1 : 0).ThenBy(b => b.Name, StringComparer.Ordinal).ToList(),
            Timeline(arrangements, endYears, runDate.Year),
            Places(authorities.Values, partnersOf, runDate),
            arrangements);
    }

    private static List<DashboardBreakdown> Breakdown(IEnumerable<DashboardArrangement> arrangements, Func<DashboardArrangement, string> by) =>
        [.. arrangements.GroupBy(by, StringComparer.Ordinal).Select(g => new DashboardBreakdown(g.Key, g.Count(), g.Sum(a => a.AnnualSavings ?? 0)))];

    private static DashboardTimeline Timeline(List<DashboardArrangement> arrangements, Dictionary<int, int?> endYears, int runYear)
    {
        var dated = arrangements.Where(a => a.StartYear is not null).ToList();
        if (dated.Count == 0)
        {
            return new DashboardTimeline([], []);
        }

        var first = dated.Min(a => a.StartYear!.Value);
        var last = Math.Max(runYear, dated.Max(a => a.StartYear!.Value));
        var years = Enumerable.Range(first, last - first + 1).ToList();
        // Counted by marking each arrangement's running years once (not by asking every arrangement about every year).
        var running = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var a in dated)
        {
            if (!running.TryGetValue(a.Category, out var counts))
            {
                running[a.Category] = counts = new int[years.Count + 1];
            }

            var to = endYears[a.Key] is { } end ? Math.Min(end, last) : last;
            if (to >= a.StartYear!.Value)
            {
                counts[a.StartYear.Value - first]++;
                counts[to - first + 1]--;
            }
        }

        var series = dated.Select(a => a.Category).Distinct(StringComparer.Ordinal).OrderBy(CategoryRank)
            .Select(category => new DashboardSeries(category, RunningTotals(running[category], years.Count)))
            .ToList();
        return new DashboardTimeline(years, series);
    }

    private static int[] RunningTotals(int[] changes, int count)
    {
        var totals = new int[count];
        for (int i = 0, total = 0; i < count; i++)
        {
            totals[i] = total += changes[i];
        }

        return totals;
    }

    private static List<DashboardPlace> Places(IEnumerable<CatalogueAuthority> authorities, Dictionary<int, List<(CatalogueAuthority Authority, bool IsLead)>> partnersOf, DateOnly runDate)
    {
        // One mark per body (by code): a partner is shown as the version its arrangements name; the backdrop is today's councils.
        var partnerPlaces = partnersOf
            .SelectMany(p => p.Value.Select(v => (Arrangement: p.Key, v.Authority)))
            .Where(p => p.Authority.Longitude is not null && p.Authority.Latitude is not null)
            .GroupBy(p => p.Authority.Code, StringComparer.OrdinalIgnoreCase)
            .Select(g => Place(g.First().Authority, [.. g.Select(p => p.Arrangement).Distinct().Order()]))
            .ToList();
        var partnerCodes = partnerPlaces.Select(p => p.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var backdrop = authorities
            .Where(a => a.Sector == "council" && a.IsCurrent && (a.ExistedTo is null || a.ExistedTo >= runDate)
                && a.Longitude is not null && a.Latitude is not null && !partnerCodes.Contains(a.Code))
            .DistinctBy(a => a.Code, StringComparer.OrdinalIgnoreCase)
            .Select(a => Place(a, []));
        return [.. partnerPlaces.Concat(backdrop).OrderBy(p => p.Code, StringComparer.Ordinal)];
    }

    private static DashboardPlace Place(CatalogueAuthority a, IReadOnlyList<int> arrangements) =>
        new(a.Code, a.Name, TierCombination.KindOf(a.AuthorityType, a.Sector), Math.Round(a.Longitude!.Value, 4), Math.Round(a.Latitude!.Value, 4), arrangements.Count > 0, arrangements);

    private static string RegionOf(CatalogueAuthority? lead, IEnumerable<CatalogueAuthority> partners)
    {
        if (lead?.Region is { Length: > 0 } region)
        {
            return region;
        }

        var regions = partners.Select(p => p.Region).Where(r => !string.IsNullOrEmpty(r)).Distinct(StringComparer.Ordinal).ToList();
        return regions.Count switch
        {
            0 => "Unknown",
            1 => regions[0]!,
            _ => "Across regions",
        };
    }

    private static int? YearOf(int dateKey) => dateKey > 0 ? dateKey / 10000 : null;

    private static int DateKey(DateOnly date) => date.Year * 10000 + date.Month * 100 + date.Day;

    private static int CategoryRank(string category)
    {
        var index = Array.IndexOf(CategoryOrder, category);
        return index < 0 ? CategoryOrder.Length : index;
    }
}
