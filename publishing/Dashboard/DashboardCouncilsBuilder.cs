using SharedServicesPipeline.Publishing.Councils;
using SharedServicesPipeline.Pipeline.Reference;

namespace SharedServicesPipeline.Publishing.Dashboard;

/// <summary>Builds the council view's data from the run's tables (the council tables among them), the boundaries and the register.</summary>
public static class DashboardCouncilsBuilder
{
    public static DashboardCouncils Build(IReadOnlyList<ExtractTable> tables, CouncilBoundaries boundaries, AuthorityRegister register, IEnumerable<AuthorityAlias> aliases)
    {
        var councils = CouncilRoster.From(tables, boundaries);
        var keys = CouncilSearchVocabulary.KeysByCode(register, aliases);
        var predecessors = register.Authorities
            .SelectMany(a => a.SuccessorCodes.Select(s => (Successor: s, Predecessor: a.Code)))
            .ToLookup(p => p.Successor, p => p.Predecessor, StringComparer.OrdinalIgnoreCase);
        var names = councils.Select(c => c.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var keyOfId = tables.Any(t => t.Name == "fact_arrangement")
            ? ExtractTableRows.Of(tables, "fact_arrangement").Rows.ToDictionary(r => r.Text("arrangement_id") ?? "", r => r.Int("arrangement_key"), StringComparer.Ordinal)
            : [];

        var neighbours = ExtractTableRows.OrEmpty(tables, CouncilComparisonTables.Neighbours).ToLookup(r => r.Text("council_code")!, r => new DashboardNeighbour(
            r.Text("neighbour_code")!, r.Bool("shares_boundary"), r.Number("distance_km"), r.Text("why") ?? ""), StringComparer.OrdinalIgnoreCase);
        var peers = ExtractTableRows.OrEmpty(tables, CouncilComparisonTables.Peers).ToLookup(r => r.Text("council_code")!, r => new DashboardPeer(
            r.Text("peer_code")!, r.Number("distance_km"), r.Text("why") ?? ""), StringComparer.OrdinalIgnoreCase);
        var opportunities = ExtractTableRows.OrEmpty(tables, CouncilComparisonTables.Opportunities).ToLookup(r => r.Text("council_code")!, r => new DashboardOpportunity(
            r.Text("service_area") ?? "",
            r.Text("category") ?? "",
            r.Int("comparators"),
            r.Int("peers_sharing"),
            r.Int("neighbours_sharing"),
            r.Bool("shared_before"),
            [.. Split(r.Text("who_shares_codes"))],
            [.. Split(r.Text("example_arrangement_ids")).Where(keyOfId.ContainsKey).Select(id => keyOfId[id])],
            r.Money("example_annual_savings_gbp")), StringComparer.OrdinalIgnoreCase);

        var rows = councils.Select(c =>
        {
            var authority = register.Find(c.Code);
            return new DashboardCouncil(
                c.Code,
                c.Name,
                c.Type,
                c.Tier,
                c.Place,
                c.ExistedFrom,
                c.ExistedTo,
                c.Longitude is { } lon ? Math.Round(lon, 4) : null,
                c.Latitude is { } lat ? Math.Round(lat, 4) : null,
                c.HasPolygon,
                authority is null ? 0 : CouncilSearchVocabulary.StylesOf(authority),
                keys.GetValueOrDefault(c.Code) ?? [],
                [.. predecessors[c.Code].Where(names.Contains).Order(StringComparer.Ordinal)],
                [.. (authority?.SuccessorCodes ?? []).Where(names.Contains)],
                [.. neighbours[c.Code]],
                [.. peers[c.Code]],
                [.. opportunities[c.Code]]);
        }).ToList();

        var finder = new DashboardFinder(
            CouncilSearchVocabulary.Expansions,
            CouncilSearchVocabulary.CompassExpansions,
            [.. CouncilSearchVocabulary.Suffixes.Select(s => new DashboardAffix(s.Words, s.Styles))],
            [.. CouncilSearchVocabulary.Prefixes.Select(s => new DashboardAffix(s.Words, s.Styles))],
            CouncilSearchVocabulary.NeverACore);
        return new DashboardCouncils(rows, finder, [.. Enumerable.Range(CouncilBoundaries.FirstYear, CouncilBoundaries.LastYear - CouncilBoundaries.FirstYear + 1)], CouncilBoundaries.Attribution);
    }

    private static IEnumerable<string> Split(string? text) =>
        string.IsNullOrEmpty(text) ? [] : text.Split("; ", StringSplitOptions.RemoveEmptyEntries);
}
