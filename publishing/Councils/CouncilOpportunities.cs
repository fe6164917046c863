using SharedServicesPipeline.Publishing;

namespace SharedServicesPipeline.Publishing.Councils;

/// <summary>
/// Opportunities: for each council, its comparators are its neighbours and the councils like it (each counted once).
/// A service area is an opportunity when the council is a partner in no current arrangement of that area while at least
/// <see cref="MinimumShare"/> of its comparators, and at least <see cref="MinimumComparators"/> of them, are partners in
/// one (current: not ended by status, and no end date before the day of the refresh). "Other" and "Unknown" areas say
/// too little to act on and are left out. Ranked by the share of comparators sharing it, then by how many neighbours
/// share it (a neighbour is the natural first partner), then by the area's name. The examples are up to
/// <see cref="ExampleCount"/> of the comparators' current arrangements in that area, the largest reported annual
/// savings first.
/// </summary>
public static class CouncilOpportunities
{
    public const double MinimumShare = 0.25;
    public const int MinimumComparators = 2;
    public const int ExampleCount = 3;
    public const int WhoSharesCount = 5;

    public static IReadOnlyList<CouncilOpportunity> Compute(
        IReadOnlyList<ComparedCouncil> councils,
        IReadOnlyList<CouncilNeighbour> neighbours,
        IReadOnlyList<CouncilPeer> peers,
        IReadOnlyList<CatalogueArrangement> arrangements,
        DateOnly asOf)
    {
        // Which current arrangements each council is a partner in, by service area; and which areas each has ever shared.
        var current = new Dictionary<string, Dictionary<string, List<CatalogueArrangement>>>(StringComparer.OrdinalIgnoreCase);
        var ever = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var arrangement in arrangements)
        {
            if (arrangement.ServiceArea is "Other" or "Unknown")
            {
                continue;
            }

            var ended = arrangement.HasEndedBy(asOf);
            foreach (var code in arrangement.Partners.Where(p => p.IsCouncil).Select(p => p.Code).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (!ever.TryGetValue(code, out var areas))
                {
                    ever[code] = areas = new HashSet<string>(StringComparer.Ordinal);
                }

                areas.Add(arrangement.ServiceArea);
                if (ended)
                {
                    continue;
                }

                if (!current.TryGetValue(code, out var byArea))
                {
                    current[code] = byArea = new Dictionary<string, List<CatalogueArrangement>>(StringComparer.Ordinal);
                }

                if (!byArea.TryGetValue(arrangement.ServiceArea, out var list))
                {
                    byArea[arrangement.ServiceArea] = list = [];
                }

                list.Add(arrangement);
            }
        }

        var neighboursOf = neighbours.ToLookup(n => n.Council.Code, StringComparer.OrdinalIgnoreCase);
        var peersOf = peers.ToLookup(p => p.Council.Code, StringComparer.OrdinalIgnoreCase);
        var rows = new List<CouncilOpportunity>();
        foreach (var council in councils)
        {
            var near = neighboursOf[council.Code].Select(n => n.Neighbour).ToList();
            var nearCodes = near.Select(n => n.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
            // Neighbours first (nearest first), then the councils like it that are not neighbours (most alike first).
            var comparators = near.Concat(peersOf[council.Code].Select(p => p.Peer).Where(p => !nearCodes.Contains(p.Code))).ToList();
            if (comparators.Count == 0)
            {
                continue;
            }

            var own = current.GetValueOrDefault(council.Code);
            var found = comparators
                .SelectMany(c => (current.GetValueOrDefault(c.Code)?.Keys ?? Enumerable.Empty<string>()).Select(area => (Area: area, Comparator: c)))
                .Where(x => own is null || !own.ContainsKey(x.Area))
                .GroupBy(x => x.Area, StringComparer.Ordinal)
                .Select(g => (Area: g.Key, Sharing: g.Select(x => x.Comparator).ToList()))
                .Where(g => g.Sharing.Count >= MinimumComparators && g.Sharing.Count >= MinimumShare * comparators.Count)
                .Select(g => (g.Area, g.Sharing, Neighbours: g.Sharing.Count(c => nearCodes.Contains(c.Code))))
                .OrderByDescending(g => g.Sharing.Count)
                .ThenByDescending(g => g.Neighbours)
                .ThenBy(g => g.Area, StringComparer.Ordinal)
                .ToList();
            var rank = 0;
            foreach (var (area, sharing, neighboursSharing) in found)
            {
                var examples = sharing
                    .SelectMany(c => current[c.Code][area])
                    .DistinctBy(a => a.Key)
                    .OrderByDescending(a => a.AnnualSavingsGbp ?? -1)
                    .ThenBy(a => a.Title, StringComparer.Ordinal)
                    .ThenBy(a => a.Key)
                    .Take(ExampleCount)
                    .ToList();
                var reported = examples.Where(e => e.AnnualSavingsGbp is not null).ToList();
                rows.Add(new CouncilOpportunity(
                    council,
                    area,
                    examples[0].Category,
                    comparators.Count,
                    sharing.Count,
                    neighboursSharing,
                    Math.Round((double)sharing.Count / comparators.Count, 3),
                    ever.GetValueOrDefault(council.Code)?.Contains(area) ?? false,
                    [.. sharing.Take(WhoSharesCount)],
                    examples,
                    reported.Count == 0 ? null : reported.Sum(e => e.AnnualSavingsGbp!.Value),
                    ++rank));
            }
        }

        return rows;
    }
}
