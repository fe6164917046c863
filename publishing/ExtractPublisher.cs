using SharedServicesPipeline.Pipeline;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SharedServicesPipeline.Publishing;

/// <summary>
/// Publishes the mart's extract tables as a new run under <c>runs/{runId}/</c> (CSV, then every artifact, then the
/// manifest), then makes it the latest. When the latest run already holds the same tables from the same watermark,
/// contract and generator, nothing is written: publishing is idempotent.
/// </summary>
public sealed partial class ExtractPublisher
{
    /// <summary>Who made the files, so that a new release republishes even when the data has not changed.</summary>
    public static readonly string Generator = "SharedServicesPipeline " +
        (typeof(ExtractPublisher).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0");

    private readonly IExtractSource _source;
    private readonly IExtractStore _store;
    private readonly IEnumerable<IPublishedArtifact> _artifacts;
    private readonly PublishOptions _options;
    private readonly ILogger<ExtractPublisher> _logger;

    public ExtractPublisher(
        IExtractSource source,
        IExtractStore store,
        IEnumerable<IPublishedArtifact> artifacts,
        IOptions<PublishOptions> options,
        ILogger<ExtractPublisher> logger)
    {
        _source = source;
        _store = store;
        _artifacts = artifacts;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>Publishes run <paramref name="runId"/> unless nothing changed since the latest run (or <paramref name="force"/>).</summary>
    public async Task<PublishResult> PublishAsync(string runId, DateTimeOffset generatedAt, bool force, CancellationToken cancellationToken)
    {
        // Each phase is timed and logged, so an operator (and the bench) can see where a slow refresh spends its time.
        var phase = Stopwatch.StartNew();
        var watermark = await _source.ReadWatermarkAsync(cancellationToken);
        var tables = await _source.ReadTablesAsync(cancellationToken);
        LogTablesRead(tables.Count, tables.Sum(t => (long)t.RowCount), phase.Elapsed.TotalMilliseconds);
        return await PublishAsync(runId, generatedAt, force, watermark, tables, cancellationToken);
    }

    /// <summary>
    /// As above, from the mart's tables already read (a refresh reads them once, for the council comparison and for
    /// this), with the watermark read before them, so the manifest never claims a submission its tables lack.
    /// </summary>
    public async Task<PublishResult> PublishAsync(string runId, DateTimeOffset generatedAt, bool force, string? watermark, IReadOnlyList<ExtractTable> tables, CancellationToken cancellationToken)
    {
        var phase = Stopwatch.StartNew();
        // Every table's CSV at once, and below the artifacts a core each: each is built from the same read-only tables,
        // so on two cores the slowest sets the time, not the sum. Results are taken in order, so the run is the same.
        var csvs = await Task.WhenAll(tables.Select(t => Task.Run(() =>
        {
            var content = CsvExtractWriter.Write(t);
            return (Table: t, Name: t.Name + ".csv", Content: content, Sha256: Sha256(content.Span));
        }, cancellationToken)));
        LogCsvWritten(csvs.Length, csvs.Sum(c => (long)c.Content.Length), phase.Elapsed.TotalMilliseconds);
        var previous = await ReadLatestManifestAsync(cancellationToken);

        if (!force && previous is not null && IsSameData(previous, watermark, csvs.Select(c => (c.Name, c.Sha256))))
        {
            LogUnchanged(previous.RunId, watermark);
            return new PublishResult(false, previous);
        }

        var files = new List<ExtractManifestFile>();
        foreach (var (table, name, content, sha256) in csvs)
        {
            await _store.WriteAsync(runId, name, content, cancellationToken);
            files.Add(Describe(table, name, content.Length, sha256));
        }

        // Stored: the 60 MB of a 100k mart's CSVs need not be held while the artifacts build (an async method's
        // locals live in its state machine until it returns).
        csvs = [];
        var context = new PublishContext(runId, generatedAt, watermark);
        var names = new ConcurrentDictionary<string, bool>(files.Select(f => KeyValuePair.Create(f.Name, true)), StringComparer.OrdinalIgnoreCase);
        names[ExtractManifest.FileName] = true;
        // At most one artifact builds per core (more at once would not finish sooner), and each stores its files as soon
        // as it is built and lets go of them: what a refresh holds is a build or two, not every artifact's bytes at once.
        using var slots = new SemaphoreSlim(Math.Max(1, Environment.ProcessorCount));
        using var building = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var builds = _artifacts.Select(a => Task.Run(() => BuildAndStoreAsync(a, tables, context, names, slots, building.Token), building.Token)).ToList();
        try
        {
            // Described in the artifacts' order whichever finishes first, so the manifest is the same for the same data.
            foreach (var build in builds)
            {
                files.AddRange(await build);
            }
        }
        catch
        {
            // A failed run stops its other builds before the refresher cleans up, so none outlives the refresh.
            await building.CancelAsync();
            await Task.WhenAll(builds).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            throw;
        }

        var manifest = new ExtractManifest(
            ExtractManifest.CurrentContractVersion, runId, ExtractManifest.RunPathOf(runId), generatedAt, watermark, Generator, files);
        await _store.WriteAsync(runId, ExtractManifest.FileName, JsonSerializer.SerializeToUtf8Bytes(manifest, PublishedJson.Options), cancellationToken);

        phase.Restart();
        var retired = previous?.Files.Select(f => f.Name).Except(files.Select(f => f.Name), StringComparer.Ordinal).ToList() ?? [];
        await _store.PromoteAsync(new RunPromotion(runId, [.. files.Select(f => f.Name)], ExtractManifest.FileName, retired, _options.KeepRuns), cancellationToken);
        LogPromoted(runId, phase.Elapsed.TotalMilliseconds);
        LogPublished(runId, files.Count, manifest.TableRows, watermark);
        return new PublishResult(true, manifest);
    }

    /// <summary>The manifest of the latest run, or null if none was published (or it cannot be read, which a new run repairs).</summary>
    public async Task<ExtractManifest?> ReadLatestManifestAsync(CancellationToken cancellationToken)
    {
        var bytes = await _store.ReadLatestAsync(ExtractManifest.FileName, cancellationToken);
        if (bytes is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ExtractManifest>(bytes, PublishedJson.Options);
        }
        catch (JsonException ex)
        {
            LogUnreadableManifest(ex);
            return null;
        }
    }

    private static bool IsSameData(ExtractManifest previous, string? watermark, IEnumerable<(string Name, string Sha256)> csvs)
    {
        if (previous.ContractVersion != ExtractManifest.CurrentContractVersion || previous.Generator != Generator || previous.Watermark != watermark)
        {
            return false;
        }

        var published = previous.Files.Where(f => f.Name.EndsWith(".csv", StringComparison.Ordinal)).ToDictionary(f => f.Name, f => f.Sha256, StringComparer.Ordinal);
        var current = csvs.ToList();
        return published.Count == current.Count && current.All(c => published.GetValueOrDefault(c.Name) == c.Sha256);
    }

    /// <summary>
    /// Builds one artifact when a core is free, stores its files and describes them for the manifest, timed (the time is
    /// its own, though another may build alongside). Returns no bytes, so none outlive the store.
    /// </summary>
    private async Task<List<ExtractManifestFile>> BuildAndStoreAsync(
        IPublishedArtifact artifact, IReadOnlyList<ExtractTable> tables, PublishContext context, ConcurrentDictionary<string, bool> names, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken);
        try
        {
            var stopwatch = Stopwatch.StartNew();
            var built = await artifact.BuildAsync(tables, context, cancellationToken);
            var buildMs = stopwatch.Elapsed.TotalMilliseconds;
            stopwatch.Restart();
            var described = new List<ExtractManifestFile>(built.Count);
            foreach (var file in built)
            {
                if (!names.TryAdd(file.Name, true))
                {
                    throw new InvalidOperationException($"Two outputs of run {context.RunId} are both named '{file.Name}'; {artifact.GetType().Name} must use another name.");
                }

                var sha256 = Sha256(file.Content.Span);
                await _store.WriteAsync(context.RunId, file.Name, file.Content, cancellationToken);
                var table = tables.FirstOrDefault(t => t.Name == file.Table);
                described.Add(table is null
                    ? new ExtractManifestFile(file.Name, file.Table ?? "", file.Rows ?? 0, file.Content.Length, sha256, [])
                    : Describe(table, file.Name, file.Content.Length, sha256));
            }

            LogArtifactBuilt(artifact.GetType().Name, built.Count, built.Sum(f => (long)f.Content.Length), buildMs, stopwatch.Elapsed.TotalMilliseconds);
            return described;
        }
        finally
        {
            slots.Release();
        }
    }

    private static ExtractManifestFile Describe(ExtractTable table, string name, long length, string sha256) => new(
        name,
        table.Name,
        table.RowCount,
        length,
        sha256,
        [.. table.Columns.Select(c => new ExtractManifestColumn(c.Name, ExtractTypes.NameOf(c.Type)))]);

    private static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    [LoggerMessage(Level = LogLevel.Information, Message = "Published extract run {RunId}: {FileCount} files, {RowCount} table rows, watermark {Watermark}")]
    private partial void LogPublished(string runId, int fileCount, long rowCount, string? watermark);

    [LoggerMessage(Level = LogLevel.Information, Message = "Read {TableCount} extract tables ({RowCount} rows) from the mart in {ElapsedMs:0} ms")]
    private partial void LogTablesRead(int tableCount, long rowCount, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Wrote {FileCount} CSV extracts ({Bytes} bytes) in {ElapsedMs:0} ms")]
    private partial void LogCsvWritten(int fileCount, long bytes, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Artifact} built {FileCount} files ({Bytes} bytes) in {BuildMs:0} ms (a core each), stored in {StoreMs:0} ms")]
    private partial void LogArtifactBuilt(string artifact, int fileCount, long bytes, double buildMs, double storeMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Promoted extract run {RunId} to latest in {ElapsedMs:0} ms")]
    private partial void LogPromoted(string runId, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Nothing changed since extract run {RunId} (watermark {Watermark}): no new run written")]
    private partial void LogUnchanged(string runId, string? watermark);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The latest manifest cannot be read; publishing a new run")]
    private partial void LogUnreadableManifest(Exception exception);
}
