using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using SharedServicesPipeline.Pipeline.Publishing;

namespace SharedServicesPipeline.Functions.Storage;

/// <summary>Extracts in the <c>extracts</c> container: <c>runs/{runId}/</c> per run, <c>latest/</c> for dashboards, manifest last.</summary>
public sealed class BlobExtractStore : IExtractStore
{
    private readonly BlobContainerClient _container;

    public BlobExtractStore(BlobServiceClient service, IOptions<StorageOptions> options) =>
        _container = service.GetBlobContainerClient(options.Value.Extracts);

    public async Task WriteAsync(string runId, string fileName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await _container.GetBlobClient($"runs/{runId}/{fileName}")
            .UploadAsync(BinaryData.FromBytes(content), new BlobUploadOptions { HttpHeaders = Headers(fileName) }, cancellationToken);
    }

    public async Task PromoteAsync(string runId, IReadOnlyList<string> fileNames, string manifestName, int keepRuns, CancellationToken cancellationToken)
    {
        foreach (var name in fileNames.Append(manifestName))
        {
            var source = await _container.GetBlobClient($"runs/{runId}/{name}").DownloadContentAsync(cancellationToken);
            await _container.GetBlobClient($"latest/{name}")
                .UploadAsync(source.Value.Content, new BlobUploadOptions { HttpHeaders = Headers(name) }, cancellationToken);
        }

        var runs = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var item in _container.GetBlobsByHierarchyAsync(BlobTraits.None, BlobStates.None, "/", "runs/", cancellationToken))
        {
            if (item.IsPrefix)
            {
                runs.Add(item.Prefix);
            }
        }

        foreach (var old in runs.Reverse().Skip(Math.Max(1, keepRuns)))
        {
            await foreach (var blob in _container.GetBlobsAsync(BlobTraits.None, BlobStates.None, old, cancellationToken))
            {
                await _container.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: cancellationToken);
            }
        }
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

    private static BlobHttpHeaders Headers(string name) => new()
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
}
