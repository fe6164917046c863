using Microsoft.EntityFrameworkCore;
using SharedServicesPipeline.DataMart.Entities;
using SharedServicesPipeline.DataMart.Loading;
using SharedServicesPipeline.Publishing.Councils;

namespace SharedServicesPipeline.DataMart.Extracts;

/// <summary>
/// Keeps the council comparison in council_neighbour, council_peer and council_opportunity: each refresh deletes the
/// last one and writes the new one in one transaction, so a second refresh over the same mart leaves the same rows.
/// The rows go in through <see cref="BulkInserter{T}"/> (one prepared statement on SQLite, multi-row inserts on SQL
/// Server), not the change tracker: about 8,700 rows for the register's 500 councils.
/// </summary>
public sealed class MartCouncilComparisonStore : ICouncilComparisonStore
{
    private readonly MartDbContext _db;

    public MartCouncilComparisonStore(MartDbContext db) => _db = db;

    public Task ReplaceAsync(CouncilComparison comparison, CancellationToken cancellationToken) =>
        _db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            _db.ChangeTracker.Clear();
            await using var transaction = await _db.Database.BeginTransactionAsync(ct);
            // The comparison names councils by code (dim_authority's current versions) and areas by name; the mart
            // keys them as Power BI relates them, to the current version's authority_key and to service_area_key.
            var authorities = await _db.Authorities.AsNoTracking().Where(a => a.IsCurrent)
                .Select(a => new { a.AuthorityCode, a.AuthorityKey }).ToDictionaryAsync(a => a.AuthorityCode, a => a.AuthorityKey, StringComparer.OrdinalIgnoreCase, ct);
            var areas = await _db.ServiceAreas.AsNoTracking()
                .Select(s => new { s.ServiceArea, s.ServiceAreaKey }).ToDictionaryAsync(s => s.ServiceArea, s => s.ServiceAreaKey, StringComparer.OrdinalIgnoreCase, ct);
            int Key(ComparedCouncil council) => authorities.TryGetValue(council.Code, out var key) ? key
                : throw new InvalidOperationException($"Council {council.Code} ({council.Name}) of the comparison has no current version in dim_authority.");
            int Area(string area) => areas.TryGetValue(area, out var key) ? key
                : throw new InvalidOperationException($"Service area '{area}' of the council comparison is not in dim_service_area.");

            await _db.CouncilNeighbours.ExecuteDeleteAsync(ct);
            await _db.CouncilPeers.ExecuteDeleteAsync(ct);
            await _db.CouncilOpportunities.ExecuteDeleteAsync(ct);
            await new BulkInserter<CouncilNeighbourEntity>(_db).InsertAsync([.. comparison.Neighbours.Select(n => new CouncilNeighbourEntity
            {
                CouncilAuthorityKey = Key(n.Council),
                CouncilCode = n.Council.Code,
                CouncilName = n.Council.Name,
                NeighbourAuthorityKey = Key(n.Neighbour),
                NeighbourCode = n.Neighbour.Code,
                NeighbourName = n.Neighbour.Name,
                SharesBoundary = n.SharesBoundary,
                DistanceKm = n.DistanceKm,
                Rank = n.Rank,
                Why = n.Why,
            })], ct);
            await new BulkInserter<CouncilPeerEntity>(_db).InsertAsync([.. comparison.Peers.Select(p => new CouncilPeerEntity
            {
                CouncilAuthorityKey = Key(p.Council),
                CouncilCode = p.Council.Code,
                CouncilName = p.Council.Name,
                PeerAuthorityKey = Key(p.Peer),
                PeerCode = p.Peer.Code,
                PeerName = p.Peer.Name,
                SameType = p.SameType,
                SameRegion = p.SameRegion,
                DistanceKm = p.DistanceKm,
                Rank = p.Rank,
                Why = p.Why,
            })], ct);
            await new BulkInserter<CouncilOpportunityEntity>(_db).InsertAsync([.. comparison.Opportunities.Select(o => new CouncilOpportunityEntity
            {
                CouncilAuthorityKey = Key(o.Council),
                CouncilCode = o.Council.Code,
                CouncilName = o.Council.Name,
                ServiceAreaKey = Area(o.ServiceArea),
                ServiceArea = o.ServiceArea,
                Category = o.Category,
                Comparators = o.Comparators,
                PeersSharing = o.PeersSharing,
                NeighboursSharing = o.NeighboursSharing,
                Share = o.Share,
                SharedBefore = o.SharedBefore,
                WhoShares = o.WhoSharesNames,
                WhoSharesCodes = o.WhoSharesCodes,
                ExampleArrangementIds = o.ExampleArrangementIds,
                ExampleArrangements = o.ExampleArrangements,
                ExampleAnnualSavingsGbp = o.ExampleAnnualSavings,
                Rank = o.Rank,
            })], ct);
            await transaction.CommitAsync(ct);
            _db.ChangeTracker.Clear();
        }, cancellationToken);
}
