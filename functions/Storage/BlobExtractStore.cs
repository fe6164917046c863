using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SharedServicesPipeline.Publishing;

namespace SharedServicesPipeline.Functions.Storage;

/// <summary>
/// Extracts in the <c>extracts</c> container: <c>runs/{runId}/</c> per run (never changed once written),
/// <c>latest/</c> copies for Power BI and the dashboard, <c>latest/manifest.json</c> last. Readers that need a
/// consistent set follow the manifest's <c>run_path</c> (see docs/extracts.md). The refresh lock is a lease on
/// <c>.refresh.lock</c> in the same container.
/// </summary>
public sealed partial class BlobExtractStore : IExtractStore
{
    public const string LockBlobName = ".refresh.lock";

    private readonly BlobContainerClient _container;
    private readonly TimeProvider _clock;
    private readonly ILogger<BlobExtractStore> _logger;

    public BlobExtractStore(BlobServiceClient service, IOptions<StorageOptions> options, TimeProvider clock, ILogger<BlobExtractStore> logger)
    {
        _container = service.GetBlobContainerClient(options.Value.Extracts);
        _clock = clock;
        _logger = logger;
    }

    public async Task WriteAsync(string runId, string fileName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await _container.GetBlobClient(RunBlob(runId, fileName))
            .UploadAsync(BinaryData.FromBytes(content), new BlobUploadOptions { HttpHeaders = Headers(fileName) }, cancellationToken);
    }

    public async Task PromoteAsync(RunPromotion promotion, CancellationToken cancellationToken)
    {
        foreach (var name in promotion.FileNames.Append(promotion.ManifestName))
        {
            var source = await _container.GetBlobClient(RunBlob(promotion.RunId, name)).DownloadContentAsync(cancellationToken);
            await _container.GetBlobClient($"latest/{name}")
                .UploadAsync(source.Value.Content, new BlobUploadOptions { HttpHeaders = Headers(name) }, cancellationToken);
        }

        foreach (var retired in promotion.RetiredFileNames)
        {
            await _container.DeleteBlobIfExistsAsync($"latest/{retired}", cancellationToken: cancellationToken);
        }

        await PruneAsync(promotion, cancellationToken);
    }

    public async Task<byte[]?> ReadLatestAsync(string fileName, CancellationToken cancellationToken)
    {
        try
        {
            var result = await _container.GetBlobClient($"latest/{fileName}").DownloadContentAsync(cancellationToken);
            return result.Value.Content.ToArray();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task DeleteRunAsync(string runId, CancellationToken cancellationToken)
    {
        if (await _container.ExistsAsync(cancellationToken))
        {
            await DeletePrefixAsync(ExtractManifest.RunPathOf(runId), cancellationToken);
        }
    }

    public async Task<IRefreshLock?> TryLockAsync(CancellationToken cancellationToken)
    {
        await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var blob = _container.GetBlobClient(LockBlobName);
        try
        {
            await blob.UploadAsync(BinaryData.Empty, new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // It exists already (and may be leased): the lease below decides.
        }

        var lease = blob.GetBlobLeaseClient();
        try
        {
            await lease.AcquireAsync(BlobLeaseLock.LeaseDuration, cancellationToken: cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return null;
        }

        LogLockTaken(_container.Name, lease.LeaseId);
        return new BlobLeaseLock(lease, _clock, _logger);
    }

    /// <summary>Keeps the newest runs (always the one just promoted); older runs, and unfinished ones older than it, go.</summary>
    private async Task PruneAsync(RunPromotion promotion, CancellationToken cancellationToken)
    {
        var runs = new List<string>();
        await foreach (var item in _container.GetBlobsByHierarchyAsync(BlobTraits.None, BlobStates.None, "/", "runs/", cancellationToken))
        {
            if (item.IsPrefix)
            {
                runs.Add(item.Prefix["runs/".Length..].TrimEnd('/'));
            }
        }

        var kept = 0;
        foreach (var run in runs.Where(r => string.CompareOrdinal(r, promotion.RunId) <= 0).OrderByDescending(r => r, StringComparer.Ordinal))
        {
            var complete = run == promotion.RunId || await _container.GetBlobClient(RunBlob(run, promotion.ManifestName)).ExistsAsync(cancellationToken);
            if (run == promotion.RunId || (complete && kept < Math.Max(1, promotion.KeepRuns)))
            {
                kept++;
                continue;
            }

            await DeletePrefixAsync(ExtractManifest.RunPathOf(run), cancellationToken);
            LogPruned(run);
        }
    }

    private async Task DeletePrefixAsync(string prefix, CancellationToken cancellationToken)
    {
        await foreach (var blob in _container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken))
        {
            await _container.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: cancellationToken);
        }
    }

    private static string RunBlob(string runId, string fileName) => ExtractManifest.RunPathOf(runId) + fileName;

    internal static BlobHttpHeaders Headers(string name) => new()
    {
        ContentType = Path.GetExtension(name).ToLowerInvariant() switch
        {
            ".csv" => "text/csv; charset=utf-8",
            ".json" => "application/json",
            ".geojson" => "application/geo+json",
            ".parquet" => "application/vnd.apache.parquet",
            ".html" => "text/html; charset=utf-8",
            ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            _ => "application/octet-stream",
        },
    };

    [LoggerMessage(Level = LogLevel.Debug, Message = "Refresh lock taken on {Container}/.refresh.lock (lease {LeaseId})")]
    private partial void LogLockTaken(string container, string leaseId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned extract run {RunId}")]
    private partial void LogPruned(string runId);
}
