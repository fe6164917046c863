using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SharedServicesPipeline.Pipeline.Publishing;

/// <summary>Publishes the mart's extract tables as a new run, then makes it the latest (manifest last).</summary>
public sealed partial class ExtractPublisher
{
    private readonly IExtractSource _source;
    private readonly IExtractStore _store;
    private readonly IEnumerable<IPublishedArtifact> _artifacts;
    private readonly PublishOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<ExtractPublisher> _logger;

    public ExtractPublisher(
        IExtractSource source,
        IExtractStore store,
        IEnumerable<IPublishedArtifact> artifacts,
        IOptions<PublishOptions> options,
        TimeProvider clock,
        ILogger<ExtractPublisher> logger)
    {
        _source = source;
        _store = store;
        _artifacts = artifacts;
        _options = options.Value;
        _clock = clock;
        _logger = logger;
    }

    public async Task<RefreshOutcome> PublishAsync(CancellationToken cancellationToken)
    {
        var started = _clock.GetUtcNow();
        var runId = started.ToString("yyyyMMdd'T'HHmmssfff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var watermark = await _source.ReadWatermarkAsync(cancellationToken);
        var tables = await _source.ReadTablesAsync(cancellationToken);

        var files = new List<ExtractManifestFile>();
        foreach (var table in tables)
        {
            var csv = CsvExtractWriter.Write(table);
            await _store.WriteAsync(runId, table.Name + ".csv", csv, cancellationToken);
            files.Add(Describe(table, table.Name + ".csv", csv));
        }

        var context = new PublishContext(runId, started, watermark);
        foreach (var artifact in _artifacts)
        {
            foreach (var file in await artifact.BuildAsync(tables, context, cancellationToken))
            {
                await _store.WriteAsync(runId, file.Name, file.Content, cancellationToken);
                var table = tables.FirstOrDefault(t => t.Name == file.Table);
                files.Add(table is null
                    ? new ExtractManifestFile(file.Name, file.Table ?? "", file.Rows ?? 0, file.Content.Length, Convert.ToHexStringLower(SHA256.HashData(file.Content.Span)), [])
                    : Describe(table, file.Name, file.Content.ToArray()));
            }
        }

        var manifest = new ExtractManifest(ExtractManifest.CurrentContractVersion, runId, started, watermark, files);
        var manifestBytes = JsonSerializer.SerializeToUtf8Bytes(manifest, ManifestJson.Options);
        await _store.WriteAsync(runId, ExtractManifest.FileName, manifestBytes, cancellationToken);
        await _store.PromoteAsync(runId, [.. files.Select(f => f.Name)], ExtractManifest.FileName, _options.KeepRuns, cancellationToken);

        var duration = _clock.GetUtcNow() - started;
        LogPublished(runId, files.Count, files.Sum(f => f.Rows), duration.TotalMilliseconds);
        return new RefreshOutcome(runId, started, duration, watermark, files, $"Published {files.Count} files as run {runId}.");
    }

    private static ExtractManifestFile Describe(ExtractTable table, string name, byte[] bytes) => new(
        name,
        table.Name,
        table.Rows.Count,
        bytes.LongLength,
        Convert.ToHexStringLower(SHA256.HashData(bytes)),
        [.. table.Columns.Select(c => new ExtractManifestColumn(c.Name, TypeName(c.Type)))]);

    private static string TypeName(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(int) || t == typeof(long) => "integer",
        var t when t == typeof(decimal) || t == typeof(double) => "decimal",
        var t when t == typeof(bool) => "boolean",
        var t when t == typeof(DateOnly) => "date",
        var t when t == typeof(DateTime) || t == typeof(DateTimeOffset) => "datetime",
        _ => "string",
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Published extract run {RunId}: {FileCount} files, {RowCount} rows in {ElapsedMs:0} ms")]
    private partial void LogPublished(string runId, int fileCount, long rowCount, double elapsedMs);
}
