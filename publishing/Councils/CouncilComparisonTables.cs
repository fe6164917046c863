using System.Globalization;
using SharedServicesPipeline.Publishing;

namespace SharedServicesPipeline.Publishing.Councils;

/// <summary>Publishes the council comparison as three extract tables: council_neighbour, council_peer and council_opportunity.</summary>
public sealed class CouncilComparisonTables : IExtractDerivation
{
    public const string Neighbours = "council_neighbour";
    public const string Peers = "council_peer";
    public const string Opportunities = "council_opportunity";

    private readonly CouncilBoundaries _boundaries;

    public CouncilComparisonTables(CouncilBoundaries boundaries) => _boundaries = boundaries;

    public IReadOnlyList<ExtractTable> Derive(IReadOnlyList<ExtractTable> tables, DateOnly asOf)
    {
        var comparison = CouncilComparison.Compute(tables, _boundaries, asOf);
        return [NeighbourTable(comparison.Neighbours), PeerTable(comparison.Peers), OpportunityTable(comparison.Opportunities)];
    }

    public static ExtractTable NeighbourTable(IReadOnlyList<CouncilNeighbour> rows) => Table(Neighbours, rows,
        ("council_code", typeof(string), n => n.Council.Code),
        ("council_name", typeof(string), n => n.Council.Name),
        ("neighbour_code", typeof(string), n => n.Neighbour.Code),
        ("neighbour_name", typeof(string), n => n.Neighbour.Name),
        ("shares_boundary", typeof(bool), n => n.SharesBoundary),
        ("distance_km", typeof(double?), n => n.DistanceKm),
        ("rank", typeof(int), n => n.Rank),
        ("why", typeof(string), n => n.Why));

    public static ExtractTable PeerTable(IReadOnlyList<CouncilPeer> rows) => Table(Peers, rows,
        ("council_code", typeof(string), p => p.Council.Code),
        ("council_name", typeof(string), p => p.Council.Name),
        ("peer_code", typeof(string), p => p.Peer.Code),
        ("peer_name", typeof(string), p => p.Peer.Name),
        ("same_type", typeof(bool), p => p.SameType),
        ("same_region", typeof(bool), p => p.SameRegion),
        ("distance_km", typeof(double?), p => p.DistanceKm),
        ("rank", typeof(int), p => p.Rank),
        ("why", typeof(string), p => p.Why));

    public static ExtractTable OpportunityTable(IReadOnlyList<CouncilOpportunity> rows) => Table(Opportunities, rows,
        ("council_code", typeof(string), o => o.Council.Code),
        ("council_name", typeof(string), o => o.Council.Name),
        ("service_area", typeof(string), o => o.ServiceArea),
        ("category", typeof(string), o => o.Category),
        ("comparators", typeof(int), o => o.Comparators),
        ("peers_sharing", typeof(int), o => o.PeersSharing),
        ("neighbours_sharing", typeof(int), o => o.NeighboursSharing),
        ("share", typeof(double), o => o.Share),
        ("shared_before", typeof(bool), o => o.SharedBefore),
        ("who_shares", typeof(string), o => string.Join("; ", o.WhoShares.Select(c => c.Name))),
        ("who_shares_codes", typeof(string), o => string.Join("; ", o.WhoShares.Select(c => c.Code))),
        ("example_arrangement_ids", typeof(string), o => string.Join("; ", o.Examples.Select(e => e.ArrangementId))),
        ("example_arrangements", typeof(string), o => string.Join("; ", o.Examples.Select(Example))),
        ("example_annual_savings_gbp", typeof(decimal?), o => o.ExampleAnnualSavings),
        ("rank", typeof(int), o => o.Rank));

    /// <summary>"Shared waste service (Babergh, Mid Suffolk; £250,000 a year)": an example as a person reads it.</summary>
    public static string Example(CatalogueArrangement arrangement)
    {
        var partners = string.Join(", ", arrangement.Partners.Select(p => p.Name));
        var savings = arrangement.AnnualSavingsGbp is { } s ? string.Create(CultureInfo.InvariantCulture, $"£{s:#,0} a year") : "savings not reported";
        return $"{arrangement.Title} ({partners}; {savings})";
    }

    private static ExtractTable Table<T>(string name, IReadOnlyList<T> rows, params (string Name, Type Type, Func<T, object?> Value)[] columns) =>
        new(name, [.. columns.Select(c => new ExtractColumn(c.Name, c.Type))], [.. rows.Select(r => columns.Select(c => c.Value(r)).ToArray())]);
}
