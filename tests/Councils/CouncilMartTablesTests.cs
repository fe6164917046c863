using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharedServicesPipeline.DataMart;
using SharedServicesPipeline.DataMart.Quality;
using SharedServicesPipeline.Publishing.Councils;
using SharedServicesPipeline.Publishing;
using SharedServicesPipeline.Tests.Dashboard;
using SharedServicesPipeline.Tests.Extracts;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Councils;

/// <summary>The refresh keeps the council comparison in the mart (real SQLite), and publishes it from there.</summary>
public sealed class CouncilMartTablesTests
{
    [Fact]
    public async Task Refresh_writes_the_council_comparison_into_the_mart_and_a_second_refresh_leaves_the_same_rows()
    {
        await using var mart = await DashboardTestData.CreateMartAsync();

        var first = await mart.RefreshAsync();
        var stored = await ReadAsync(mart);
        // Stale rows, as a refresh that died half-way or an older release might leave: the next refresh replaces them.
        await mart.QueryAsync(async db =>
        {
            await db.CouncilPeers.Take(1).ExecuteDeleteAsync();
            return await db.CouncilNeighbours.Take(3).ExecuteUpdateAsync(s => s.SetProperty(n => n.Why, "stale"));
        });
        var second = await mart.RefreshAsync();

        Assert.Equal(RefreshStatus.Succeeded, first.Status);
        Assert.Equal(RefreshStatus.NoChange, second.Status);
        Assert.Equal(stored, await ReadAsync(mart));
        Assert.All(stored, table => Assert.True(table.Length > 2, "a council table is empty"));
        Assert.Empty(await mart.QueryAsync(db => MartDataTests.RunAsync(db, null, CancellationToken.None)));
    }

    [Fact]
    public async Task Council_rows_in_the_mart_are_the_computed_comparison_keyed_to_current_authority_versions_and_published_as_stored()
    {
        await using var mart = await DashboardTestData.CreateMartAsync();
        await mart.RefreshAsync();
        IReadOnlyList<ExtractTable> tables;
        await using (var scope = mart.Services.CreateAsyncScope())
        {
            tables = await scope.ServiceProvider.GetRequiredService<IExtractSource>().ReadTablesAsync(CancellationToken.None);
        }

        var comparison = CouncilComparison.Compute(tables, CouncilBoundaries.BuiltIn, DateOnly.FromDateTime(DateTime.UtcNow));
        var (neighbours, peers, opportunities, current, areas) = await mart.QueryAsync(async db => (
            await db.CouncilNeighbours.AsNoTracking().ToListAsync(),
            await db.CouncilPeers.AsNoTracking().ToListAsync(),
            await db.CouncilOpportunities.AsNoTracking().ToListAsync(),
            await db.Authorities.AsNoTracking().Where(a => a.IsCurrent).ToDictionaryAsync(a => a.AuthorityKey, a => a.AuthorityCode),
            await db.ServiceAreas.AsNoTracking().ToDictionaryAsync(s => s.ServiceAreaKey, s => s.ServiceArea)));

        Assert.Equal(comparison.Neighbours.Select(n => (n.Council.Code, n.Neighbour.Code, n.Rank, n.Why)).Order(),
            neighbours.Select(n => (n.CouncilCode, n.NeighbourCode, n.Rank, n.Why)).Order());
        Assert.Equal(comparison.Peers.Select(p => (p.Council.Code, p.Peer.Code, p.Rank)).Order(), peers.Select(p => (p.CouncilCode, p.PeerCode, p.Rank)).Order());
        Assert.Equal(comparison.Opportunities.Select(o => (o.Council.Code, o.ServiceArea, o.Rank, o.ExampleArrangements)).Order(),
            opportunities.Select(o => (o.CouncilCode, o.ServiceArea, o.Rank, o.ExampleArrangements)).Order());
        // Power BI relates the tables to dim_authority's current version of each council, and to dim_service_area.
        Assert.All(neighbours, n => Assert.Equal((n.CouncilCode, n.NeighbourCode), (current[n.CouncilAuthorityKey], current[n.NeighbourAuthorityKey])));
        Assert.All(peers, p => Assert.Equal((p.CouncilCode, p.PeerCode), (current[p.CouncilAuthorityKey], current[p.PeerAuthorityKey])));
        Assert.All(opportunities, o => Assert.Equal((o.CouncilCode, o.ServiceArea), (current[o.CouncilAuthorityKey], areas[o.ServiceAreaKey])));
        // The extracts come from the mart: as many rows as it stores, in the columns docs/extracts.md lists.
        var run = PublishedRun.Latest(mart.ExtractsPath);
        Assert.Equal(neighbours.Count, ExtractCsv.Read(run.PathOf("council_neighbour.csv")).Count);
        Assert.Equal(peers.Count, ExtractCsv.Read(run.PathOf("council_peer.csv")).Count);
        Assert.Equal(
            ["council_code", "council_name", "service_area", "category", "comparators", "peers_sharing", "neighbours_sharing", "share", "shared_before",
             "who_shares", "who_shares_codes", "example_arrangement_ids", "example_arrangements", "example_annual_savings_gbp", "rank"],
            ExtractCsv.Read(run.PathOf("council_opportunity.csv"))[0].Keys);
    }

    // Each table's rows in key order, as JSON: equal strings are equal rows.
    private static Task<string[]> ReadAsync(TestMart mart) => mart.QueryAsync(async (MartDbContext db) => new[]
    {
        JsonSerializer.Serialize(await db.CouncilNeighbours.AsNoTracking().OrderBy(n => n.CouncilAuthorityKey).ThenBy(n => n.NeighbourAuthorityKey).ToListAsync()),
        JsonSerializer.Serialize(await db.CouncilPeers.AsNoTracking().OrderBy(p => p.CouncilAuthorityKey).ThenBy(p => p.PeerAuthorityKey).ToListAsync()),
        JsonSerializer.Serialize(await db.CouncilOpportunities.AsNoTracking().OrderBy(o => o.CouncilAuthorityKey).ThenBy(o => o.ServiceAreaKey).ToListAsync()),
    });
}
