using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharedServicesPipeline.Pipeline;
using SharedServicesPipeline.Publishing;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Extracts;

/// <summary>The refresh job on the embedded default (SQLite, local folder): run record, idempotency, failure, retention, single-flight.</summary>
public sealed class RefreshJobTests
{
    private static readonly Dictionary<string, string?> NoWait = new() { ["Publish:LockWait"] = "00:00:00" };

    [Fact]
    public async Task Refresh_keeps_a_run_record_in_the_mart_with_times_counts_and_outcome()
    {
        await using var mart = await TestMart.CreateAsync();
        var watermark = await mart.QueryAsync(ExtractsMartSeed.SeedAsync);

        var outcome = await mart.RefreshAsync();

        Assert.Equal(RefreshStatus.Succeeded, outcome.Status);
        Assert.Equal(outcome.RunId, outcome.LatestRunId);
        Assert.Equal(watermark, outcome.Watermark);
        var record = Assert.Single(await mart.QueryAsync(db => db.RefreshRuns.ToListAsync()));
        Assert.Equal((outcome.RunId, "succeeded", watermark), (record.RunId, record.Outcome, record.Watermark));
        Assert.Equal(outcome.StartedAt, record.StartedAt);
        Assert.Equal(outcome.EndedAt, record.EndedAt);
        Assert.True(record.EndedAt >= record.StartedAt);
        Assert.Equal(outcome.DurationMs, record.DurationMs);
        Assert.Equal(PublishedRun.Latest(mart.ExtractsPath).Manifest.Files.Count, record.Files);
        Assert.Equal(outcome.Rows, record.Rows);
        Assert.Equal(6, outcome.Files.Single(f => f.Name == "fact_arrangement.csv").Rows);
        Assert.Equal(outcome.Message, record.Message);
    }

    [Fact]
    public async Task Refresh_with_no_change_since_the_latest_run_succeeds_says_so_and_writes_nothing()
    {
        await using var mart = await TestMart.CreateAsync();
        await mart.QueryAsync(ExtractsMartSeed.SeedAsync);
        var first = await mart.RefreshAsync();
        var manifestBefore = await File.ReadAllBytesAsync(Path.Combine(mart.ExtractsPath, ExtractManifest.FileName));

        var second = await mart.RefreshAsync();

        Assert.Equal(RefreshStatus.NoChange, second.Status);
        Assert.True(second.NoChange);
        Assert.NotEqual(first.RunId, second.RunId);
        Assert.Equal(first.RunId, second.LatestRunId);
        Assert.Contains("No change since run " + first.RunId, second.Message, StringComparison.Ordinal);
        Assert.Equal(first.Files.Select(f => (f.Name, f.Sha256)), second.Files.Select(f => (f.Name, f.Sha256)));
        Assert.Equal(manifestBefore, await File.ReadAllBytesAsync(Path.Combine(mart.ExtractsPath, ExtractManifest.FileName)));
        Assert.Equal([first.RunId], Directory.GetDirectories(Path.Combine(mart.ExtractsPath, "runs")).Select(Path.GetFileName));
        var records = await mart.QueryAsync(db => db.RefreshRuns.OrderBy(r => r.RefreshRunKey).Select(r => r.Outcome).ToListAsync());
        Assert.Equal(["succeeded", "no-change"], records);

        // New data is published by the next refresh; --force republishes unchanged data.
        await mart.QueryAsync(async db => { await ExtractsMartSeed.AddArrangementAsync(db, "NEW-1", 1000m); return 0; });
        var third = await mart.RefreshAsync();
        Assert.Equal(RefreshStatus.Succeeded, third.Status);
        Assert.Equal(7, third.Files.Single(f => f.Name == "fact_arrangement.csv").Rows);
        var forced = await RefreshAsync(mart, force: true);
        Assert.Equal(RefreshStatus.Succeeded, forced.Status);
        Assert.Equal(forced.RunId, PublishedRun.Latest(mart.ExtractsPath).Manifest.RunId);
    }

    [Fact]
    public async Task Failed_refresh_is_recorded_and_leaves_the_last_published_extracts_intact()
    {
        var failing = new FailingArtifact();
        await using var mart = await TestMart.CreateAsync(s => s.AddSingleton<IPublishedArtifact>(failing));
        await mart.QueryAsync(ExtractsMartSeed.SeedAsync);
        var good = await mart.RefreshAsync();
        var latestBefore = Directory.GetFiles(mart.ExtractsPath).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);

        await mart.QueryAsync(async db => { await ExtractsMartSeed.AddArrangementAsync(db, "NEW-1", 1000m); return 0; });
        failing.Fail = true;
        var failed = await mart.RefreshAsync();

        Assert.Equal(RefreshStatus.Failed, failed.Status);
        Assert.Contains(FailingArtifact.Message, failed.Message, StringComparison.Ordinal);
        Assert.Contains($"Run {good.RunId} is still the latest", failed.Message, StringComparison.Ordinal);
        Assert.Equal(good.RunId, failed.LatestRunId);
        var latestAfter = Directory.GetFiles(mart.ExtractsPath).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);
        Assert.Equal(latestBefore.Keys.Order(), latestAfter.Keys.Order());
        Assert.All(latestBefore, f => Assert.Equal(f.Value, latestAfter[f.Key]));
        Assert.Equal(6, ExtractCsv.Read(Path.Combine(mart.ExtractsPath, "fact_arrangement.csv")).Count);
        Assert.False(Directory.Exists(Path.Combine(mart.ExtractsPath, "runs", failed.RunId)), "the failed run's files are removed");
        var record = await mart.QueryAsync(db => db.RefreshRuns.SingleAsync(r => r.RunId == failed.RunId));
        Assert.Equal("failed", record.Outcome);
        Assert.Contains(FailingArtifact.Message, record.Message, StringComparison.Ordinal);

        failing.Fail = false;
        var repaired = await mart.RefreshAsync();
        Assert.Equal(RefreshStatus.Succeeded, repaired.Status);
        Assert.Equal(7, ExtractCsv.Read(Path.Combine(mart.ExtractsPath, "fact_arrangement.csv")).Count);
    }

    [Fact]
    public async Task Local_refresh_keeps_the_last_N_runs_and_deletes_older_ones()
    {
        await using var mart = await TestMart.CreateAsync(settings: new Dictionary<string, string?> { ["Publish:KeepRuns"] = "3" });
        await mart.QueryAsync(ExtractsMartSeed.SeedAsync);

        var runs = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            runs.Add((await RefreshAsync(mart, force: true)).RunId);
        }

        Assert.Equal(runs.Order(StringComparer.Ordinal), runs);
        Assert.Equal(runs.TakeLast(3), Directory.GetDirectories(Path.Combine(mart.ExtractsPath, "runs")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var manifest = PublishedRun.Latest(mart.ExtractsPath).Manifest;
        Assert.Equal(runs[^1], manifest.RunId);
        Assert.Equal($"runs/{runs[^1]}/", manifest.RunPath);
        foreach (var file in manifest.Files)
        {
            Assert.Equal(file.Sha256, PublishedRun.Sha256(await File.ReadAllBytesAsync(Path.Combine(mart.ExtractsPath, manifest.RunPath, file.Name))));
        }
    }

    [Fact]
    public async Task A_refresh_while_another_holds_the_local_lock_reports_busy_and_does_nothing()
    {
        await using var mart = await TestMart.CreateAsync(settings: NoWait);
        await mart.QueryAsync(ExtractsMartSeed.SeedAsync);
        var store = mart.Services.GetRequiredService<IExtractStore>();

        await using (var held = await store.TryLockAsync(CancellationToken.None))
        {
            Assert.NotNull(held);
            Assert.True(File.Exists(Path.Combine(mart.ExtractsPath, LocalExtractStore.LockFileName)));
            Assert.Null(await store.TryLockAsync(CancellationToken.None));

            var busy = await mart.RefreshAsync();

            Assert.Equal(RefreshStatus.Busy, busy.Status);
            Assert.Contains("already running", busy.Message, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(mart.ExtractsPath, ExtractManifest.FileName)));
            Assert.Empty(await mart.QueryAsync(db => db.RefreshRuns.ToListAsync()));
        }

        Assert.Equal(RefreshStatus.Succeeded, (await mart.RefreshAsync()).Status);
    }

    [Fact]
    public async Task Two_refreshes_at_once_do_not_interleave_the_second_waits_then_finds_no_change()
    {
        var gate = new GateArtifact();
        await using var mart = await TestMart.CreateAsync(s => s.AddSingleton<IPublishedArtifact>(gate), new Dictionary<string, string?> { ["Publish:LockWait"] = "00:02:00" });
        await mart.QueryAsync(ExtractsMartSeed.SeedAsync);

        var first = mart.RefreshAsync();
        await gate.Entered.Task.WaitAsync(TimeSpan.FromMinutes(2));
        var second = mart.RefreshAsync();
        // The first holds the lock until the gate opens, so the second cannot have started publishing.
        Assert.False(second.IsCompleted);
        Assert.False(File.Exists(Path.Combine(mart.ExtractsPath, ExtractManifest.FileName)));
        gate.Release.SetResult();

        var a = await first;
        var b = await second;
        Assert.Equal(RefreshStatus.Succeeded, a.Status);
        Assert.Equal(RefreshStatus.NoChange, b.Status);
        Assert.True(b.StartedAt >= a.EndedAt, $"second started {b.StartedAt:O}, first ended {a.EndedAt:O}");
        Assert.Equal(a.RunId, b.LatestRunId);
        Assert.Single(Directory.GetDirectories(Path.Combine(mart.ExtractsPath, "runs")));
    }

    private static async Task<RefreshOutcome> RefreshAsync(TestMart mart, bool force)
    {
        await using var scope = mart.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ExtractRefresher>().RefreshAsync(force, CancellationToken.None);
    }
}
