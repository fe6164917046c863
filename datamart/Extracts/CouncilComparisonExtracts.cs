using Microsoft.EntityFrameworkCore;
using SharedServicesPipeline.Publishing.Councils;
using SharedServicesPipeline.Publishing;

namespace SharedServicesPipeline.DataMart.Extracts;

/// <summary>
/// The council comparison's tables as published (docs/extracts.md): the columns people already read, without the mart's
/// authority and service-area keys (Power BI reads those from the mart), rows by council code then rank as computed.
/// </summary>
internal static class CouncilComparisonExtracts
{
    public static async Task<ExtractTable> NeighboursAsync(MartDbContext db, CancellationToken ct)
    {
        var rows = (await db.CouncilNeighbours.AsNoTracking().ToListAsync(ct)).OrderBy(n => n.CouncilCode, StringComparer.Ordinal).ThenBy(n => n.Rank).ToList();
        return MartExtractSource.Table(CouncilComparisonTables.Neighbours, rows,
            ("council_code", typeof(string), n => n.CouncilCode),
            ("council_name", typeof(string), n => n.CouncilName),
            ("neighbour_code", typeof(string), n => n.NeighbourCode),
            ("neighbour_name", typeof(string), n => n.NeighbourName),
            ("shares_boundary", typeof(bool), n => n.SharesBoundary),
            ("distance_km", typeof(double?), n => n.DistanceKm),
            ("rank", typeof(int), n => n.Rank),
            ("why", typeof(string), n => n.Why));
    }

    public static async Task<ExtractTable> PeersAsync(MartDbContext db, CancellationToken ct)
    {
        var rows = (await db.CouncilPeers.AsNoTracking().ToListAsync(ct)).OrderBy(p => p.CouncilCode, StringComparer.Ordinal).ThenBy(p => p.Rank).ToList();
        return MartExtractSource.Table(CouncilComparisonTables.Peers, rows,
            ("council_code", typeof(string), p => p.CouncilCode),
            ("council_name", typeof(string), p => p.CouncilName),
            ("peer_code", typeof(string), p => p.PeerCode),
            ("peer_name", typeof(string), p => p.PeerName),
            ("same_type", typeof(bool), p => p.SameType),
            ("same_region", typeof(bool), p => p.SameRegion),
            ("distance_km", typeof(double?), p => p.DistanceKm),
            ("rank", typeof(int), p => p.Rank),
            ("why", typeof(string), p => p.Why));
    }

    public static async Task<ExtractTable> OpportunitiesAsync(MartDbContext db, CancellationToken ct)
    {
        var rows = (await db.CouncilOpportunities.AsNoTracking().ToListAsync(ct)).OrderBy(o => o.CouncilCode, StringComparer.Ordinal).ThenBy(o => o.Rank).ToList();
        return MartExtractSource.Table(CouncilComparisonTables.Opportunities, rows,
            ("council_code", typeof(string), o => o.CouncilCode),
            ("council_name", typeof(string), o => o.CouncilName),
            ("service_area", typeof(string), o => o.ServiceArea),
            ("category", typeof(string), o => o.Category),
            ("comparators", typeof(int), o => o.Comparators),
            ("peers_sharing", typeof(int), o => o.PeersSharing),
            ("neighbours_sharing", typeof(int), o => o.NeighboursSharing),
            ("share", typeof(double), o => o.Share),
            ("shared_before", typeof(bool), o => o.SharedBefore),
            ("who_shares", typeof(string), o => o.WhoShares),
            ("who_shares_codes", typeof(string), o => o.WhoSharesCodes),
            ("example_arrangement_ids", typeof(string), o => o.ExampleArrangementIds),
            ("example_arrangements", typeof(string), o => o.ExampleArrangements),
            ("example_annual_savings_gbp", typeof(decimal?), o => o.ExampleAnnualSavingsGbp),
            ("rank", typeof(int), o => o.Rank));
    }
}
