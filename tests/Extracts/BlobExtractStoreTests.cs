using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using SharedServicesPipeline.DataMart;
using SharedServicesPipeline.Functions.Functions;
using SharedServicesPipeline.Functions.Reference;
using SharedServicesPipeline.Functions.Storage;
using SharedServicesPipeline.Pipeline;
using SharedServicesPipeline.Publishing;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Extracts;

/// <summary>Publishing to real Azurite through the functions' composition: atomic runs, retention and the lease lock.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BlobExtractStoreTests
{
    [Fact]
    public async Task A_reader_following_the_latest_manifest_only_ever_sees_complete_runs_during_repeated_refreshes()
    {
        await using var host = await FunctionsHost.StartAsync(new Dictionary<string, string?> { ["Publish:KeepRuns"] = "2" });
        await host.InScopeAsync(sp => ExtractsMartSeed.SeedAsync(sp.GetRequiredService<MartDbContext>()));
        var first = await RefreshAsync(host);
        Assert.Equal(RefreshStatus.Succeeded, first.Status);
        var container = host.Container(host.Containers.Extracts);

        using var refreshing = new CancellationTokenSource();
        var log = new ReaderLog();
        var reader = Task.Run(() => ReadWhileRefreshingAsync(container, log, refreshing.Token));
        var published = new List<string> { first.RunId };
        for (var i = 0; i < 5; i++)
        {
            // The reader has read the current run whole before the next refresh starts, and goes on reading through it.
            await log.SawAsync(published[^1], reader);
            // New data each time, so that every run's files differ from the last one's.
            await host.InScopeAsync(async sp => { await ExtractsMartSeed.AddArrangementAsync(sp.GetRequiredService<MartDbContext>(), $"NEW-{i}", 1000m + i); return 0; });
            var outcome = await RefreshAsync(host);
            Assert.Equal(RefreshStatus.Succeeded, outcome.Status);
            published.Add(outcome.RunId);
        }

        await log.SawAsync(published[^1], reader);
        await refreshing.CancelAsync();
        await reader;
        Assert.Empty(log.Mismatches);
        Assert.Equal(published, log.CompleteRuns.Distinct());
    }

    [Fact]
    public async Task Blob_store_keeps_the_last_N_runs_and_latest_copies_match_the_latest_manifest()
    {
        await using var host = await FunctionsHost.StartAsync(new Dictionary<string, string?> { ["Publish:KeepRuns"] = "3" });
        await host.InScopeAsync(sp => ExtractsMartSeed.SeedAsync(sp.GetRequiredService<MartDbContext>()));

        var runs = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            runs.Add((await RefreshAsync(host, force: true)).RunId);
        }

        var blobs = await host.ListAsync(host.Containers.Extracts);
        var runFolders = blobs.Where(b => b.StartsWith("runs/", StringComparison.Ordinal)).Select(b => b.Split('/')[1]).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(runs.TakeLast(3), runFolders);
        var container = host.Container(host.Containers.Extracts);
        var manifest = await ManifestAsync(container, "latest/manifest.json");
        Assert.Equal(runs[^1], manifest.RunId);
        foreach (var file in manifest.Files)
        {
            Assert.Equal(file.Sha256, Sha256(await DownloadAsync(container, "latest/" + file.Name)));
            Assert.Equal(file.Sha256, Sha256(await DownloadAsync(container, manifest.RunPath + file.Name)));
        }

        Assert.Equal(await DownloadAsync(container, "latest/manifest.json"), await DownloadAsync(container, manifest.RunPath + "manifest.json"));
    }

    [Fact]
    public async Task The_blob_lease_lets_one_refresh_run_at_a_time_and_a_second_reports_busy()
    {
        await using var host = await FunctionsHost.StartAsync(new Dictionary<string, string?> { ["Publish:LockWait"] = "00:00:00" });
        await host.InScopeAsync(sp => ExtractsMartSeed.SeedAsync(sp.GetRequiredService<MartDbContext>()));
        var store = host.Services.GetRequiredService<IExtractStore>();
        Assert.IsType<BlobExtractStore>(store);

        await using (var held = await store.TryLockAsync(CancellationToken.None))
        {
            Assert.NotNull(held);
            var lockBlob = await host.Container(host.Containers.Extracts).GetBlobClient(BlobExtractStore.LockBlobName).GetPropertiesAsync();
            Assert.Equal(Azure.Storage.Blobs.Models.LeaseState.Leased, lockBlob.Value.LeaseState);
            Assert.Null(await store.TryLockAsync(CancellationToken.None));

            var busy = await RefreshAsync(host);
            Assert.Equal(RefreshStatus.Busy, busy.Status);
            Assert.DoesNotContain("latest/manifest.json", await host.ListAsync(host.Containers.Extracts));
        }

        var released = await host.Container(host.Containers.Extracts).GetBlobClient(BlobExtractStore.LockBlobName).GetPropertiesAsync();
        Assert.Equal(Azure.Storage.Blobs.Models.LeaseState.Available, released.Value.LeaseState);
        Assert.Equal(RefreshStatus.Succeeded, (await RefreshAsync(host)).Status);
    }

    [Fact]
    public async Task A_failed_refresh_on_blob_storage_leaves_latest_as_it_was_and_removes_its_run()
    {
        var failing = new FailingArtifact();
        await using var host = await FunctionsHost.StartAsync(configure: s => s.AddSingleton<IPublishedArtifact>(failing));
        await host.InScopeAsync(sp => ExtractsMartSeed.SeedAsync(sp.GetRequiredService<MartDbContext>()));
        var good = await RefreshAsync(host);
        var container = host.Container(host.Containers.Extracts);
        var before = await ManifestAsync(container, "latest/manifest.json");

        await host.InScopeAsync(async sp => { await ExtractsMartSeed.AddArrangementAsync(sp.GetRequiredService<MartDbContext>(), "NEW-1", 1m); return 0; });
        failing.Fail = true;
        // The timer function fails its invocation, so that monitoring sees the failure.
        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => host.InScopeAsync(async sp =>
        {
            await new RefreshExtracts(sp.GetRequiredService<ExtractRefresher>()).Run(new Microsoft.Azure.Functions.Worker.TimerInfo(), CancellationToken.None);
            return 0;
        }));
        Assert.Contains(FailingArtifact.Message, thrown.Message, StringComparison.Ordinal);
        var failed = await host.InScopeAsync(sp => sp.GetRequiredService<DataMart.MartDbContext>().RefreshRuns.OrderByDescending(r => r.RefreshRunKey).FirstAsync());

        Assert.Equal("failed", failed.Outcome);
        var after = await ManifestAsync(container, "latest/manifest.json");
        Assert.Equal(good.RunId, after.RunId);
        Assert.Equal(before.Files.Select(f => (f.Name, f.Sha256)), after.Files.Select(f => (f.Name, f.Sha256)));
        foreach (var file in after.Files)
        {
            Assert.Equal(file.Sha256, Sha256(await DownloadAsync(container, "latest/" + file.Name)));
        }

        Assert.DoesNotContain(await host.ListAsync(host.Containers.Extracts), b => b.StartsWith($"runs/{failed.RunId}/", StringComparison.Ordinal));
    }

    private static async Task ReadWhileRefreshingAsync(BlobContainerClient container, ReaderLog log, CancellationToken refreshing)
    {
        // Bounded: it stops when the refreshes end, or after 5,000 polls.
        for (var poll = 0; poll < 5_000 && !refreshing.IsCancellationRequested; poll++)
        {
            var manifest = await ManifestAsync(container, "latest/manifest.json");
            var complete = true;
            foreach (var file in manifest.Files)
            {
                byte[] content;
                try
                {
                    content = await DownloadAsync(container, manifest.RunPath + file.Name);
                }
                catch (RequestFailedException ex) when (ex.Status == 404)
                {
                    // Retention removed this run while it was being read: the protocol says read the manifest again.
                    complete = false;
                    break;
                }

                if (Sha256(content) != file.Sha256)
                {
                    log.Mismatches.Enqueue($"{manifest.RunId}/{file.Name}");
                    complete = false;
                }
            }

            if (complete)
            {
                log.CompleteRuns.Enqueue(manifest.RunId);
            }
        }
    }

    private static async Task<RefreshOutcome> RefreshAsync(FunctionsHost host, bool force = false) =>
        await host.InScopeAsync(sp => sp.GetRequiredService<ExtractRefresher>().RefreshAsync(force, CancellationToken.None));

    private static async Task<ExtractManifest> ManifestAsync(BlobContainerClient container, string name) =>
        JsonSerializer.Deserialize<ExtractManifest>(await DownloadAsync(container, name), PublishedJson.Options)!;

    private static async Task<byte[]> DownloadAsync(BlobContainerClient container, string name) =>
        (await container.GetBlobClient(name).DownloadContentAsync()).Value.Content.ToArray();

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private sealed class ReaderLog
    {
        /// <summary>Each run the reader read whole (every file matching its manifest), in the order read.</summary>
        public ConcurrentQueue<string> CompleteRuns { get; } = new();

        public ConcurrentQueue<string> Mismatches { get; } = new();

        /// <summary>Waits until the reader has read <paramref name="runId"/> whole (bounded; fails if the reader stopped).</summary>
        public async Task SawAsync(string runId, Task reader)
        {
            for (var i = 0; i < 1_200 && !CompleteRuns.Contains(runId); i++)
            {
                Assert.False(reader.IsCompleted, "the reader stopped early");
                await Task.Delay(50);
            }

            Assert.Contains(runId, CompleteRuns);
        }
    }
}
