namespace SharedServicesPipeline.Publishing.Councils;

/// <summary>
/// Reads the council comparison as the refresh stored it (the run's council_neighbour, council_peer and
/// council_opportunity rows) back into the comparison's records: the one reader of those tables, for the dashboard's
/// council view and for <c>ssp council</c> / <c>GET /api/councils/{code}</c>. Councils are the run's roster (so a row
/// names the same <see cref="ComparedCouncil"/> the computation did), examples the run's catalogue arrangements.
/// </summary>
public static class CouncilComparisonRows
{
    /// <summary>The stored comparison; empty lists where the run has no council tables (or a row names a council no longer compared).</summary>
    public static CouncilComparison Read(IReadOnlyList<ExtractTable> tables, CouncilBoundaries boundaries)
    {
        var councils = CouncilRoster.From(tables, boundaries);
        var byCode = councils.ToDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);
        var arrangements = tables.Any(t => t.Name == CouncilComparisonTables.Opportunities)
            ? ArrangementCatalogue.Of(tables).Arrangements.ToDictionary(a => a.ArrangementId, StringComparer.Ordinal)
            : [];
        ComparedCouncil? Council(string? code) => code is not null ? byCode.GetValueOrDefault(code) : null;

        var neighbours = ExtractTableRows.OrEmpty(tables, CouncilComparisonTables.Neighbours)
            .Select(r => (Council: Council(r.Text("council_code")), Neighbour: Council(r.Text("neighbour_code")), Row: r))
            .Where(n => n.Council is not null && n.Neighbour is not null)
            .Select(n => new CouncilNeighbour(n.Council!, n.Neighbour!, n.Row.Bool("shares_boundary"), n.Row.Number("distance_km"), n.Row.Int("rank"), n.Row.Text("why") ?? ""))
            .ToList();
        var peers = ExtractTableRows.OrEmpty(tables, CouncilComparisonTables.Peers)
            .Select(r => (Council: Council(r.Text("council_code")), Peer: Council(r.Text("peer_code")), Row: r))
            .Where(p => p.Council is not null && p.Peer is not null)
            .Select(p => new CouncilPeer(p.Council!, p.Peer!, p.Row.Bool("same_type"), p.Row.Bool("same_region"), p.Row.Number("distance_km"), p.Row.Int("rank"), p.Row.Text("why") ?? ""))
            .ToList();
        var opportunities = ExtractTableRows.OrEmpty(tables, CouncilComparisonTables.Opportunities)
            .Select(r => (Council: Council(r.Text("council_code")), Row: r))
            .Where(o => o.Council is not null)
            .Select(o => new CouncilOpportunity(
                o.Council!,
                o.Row.Text("service_area") ?? "",
                o.Row.Text("category") ?? "",
                o.Row.Int("comparators"),
                o.Row.Int("peers_sharing"),
                o.Row.Int("neighbours_sharing"),
                o.Row.Number("share") ?? 0,
                o.Row.Bool("shared_before"),
                [.. Split(o.Row.Text("who_shares_codes")).Select(Council).OfType<ComparedCouncil>()],
                [.. Split(o.Row.Text("example_arrangement_ids")).Where(arrangements.ContainsKey).Select(id => arrangements[id])],
                o.Row.Money("example_annual_savings_gbp"),
                o.Row.Int("rank")))
            .ToList();
        return new CouncilComparison(councils, neighbours, peers, opportunities);
    }

    private static IEnumerable<string> Split(string? text) =>
        string.IsNullOrEmpty(text) ? [] : text.Split("; ", StringSplitOptions.RemoveEmptyEntries);
}
