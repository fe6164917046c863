using SharedServicesPipeline.Pipeline.Loading;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SharedServicesPipeline.Publishing;
using SharedServicesPipeline.Pipeline.Reference;

namespace SharedServicesPipeline.Publishing;

/// <summary>
/// The refresh entry point, shared by the timer, <c>POST /api/refresh</c> and <c>ssp refresh</c>: single-flight
/// under the store's lock, brings the reference data up to date (<see cref="IReferenceCheck"/>), publishes a new run
/// unless nothing changed, tells the notifiers (Power BI, the static website), and keeps a run
/// record. A failure is recorded and returned, never half-published: the previous latest run stays as it was.
/// </summary>
public sealed partial class ExtractRefresher
{
    private static readonly TimeSpan LockPoll = TimeSpan.FromSeconds(1);

    private readonly ExtractPublisher _publisher;
    private readonly HeldRowResolver _heldRows;
    private readonly Councils.CouncilComparisonRefresh _councils;
    private readonly IExtractSource _source;
    private readonly IExtractStore _store;
    private readonly IRefreshLog _log;
    private readonly IEnumerable<IPublishNotifier> _notifiers;
    private readonly IEnumerable<IReferenceCheck> _reference;
    private readonly PublishOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<ExtractRefresher> _logger;

    public ExtractRefresher(
        ExtractPublisher publisher,
        HeldRowResolver heldRows,
        Councils.CouncilComparisonRefresh councils,
        IExtractSource source,
        IExtractStore store,
        IRefreshLog log,
        IEnumerable<IPublishNotifier> notifiers,
        IEnumerable<IReferenceCheck> reference,
        IOptions<PublishOptions> options,
        TimeProvider clock,
        ILogger<ExtractRefresher> logger)
    {
        _publisher = publisher;
        _heldRows = heldRows;
        _councils = councils;
        _source = source;
        _store = store;
        _log = log;
        _notifiers = notifiers;
        _reference = reference;
        _options = options.Value;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>Publishes every extract as a new run and makes it the latest, unless nothing changed since the latest run.</summary>
    public Task<RefreshOutcome> RefreshAsync(CancellationToken cancellationToken) => RefreshAsync(force: false, cancellationToken);

    /// <summary>As <see cref="RefreshAsync(CancellationToken)"/>; <paramref name="force"/> publishes a new run even when nothing changed.</summary>
    public async Task<RefreshOutcome> RefreshAsync(bool force, CancellationToken cancellationToken)
    {
        var requested = _clock.GetUtcNow();
        await using var refreshLock = await AcquireAsync(cancellationToken);
        if (refreshLock is null)
        {
            var now = _clock.GetUtcNow();
            LogBusy(_options.LockWait.TotalSeconds);
            return new RefreshOutcome(RunIdOf(requested), RefreshStatus.Busy, requested, now, now - requested, null, null, [],
                $"A refresh is already running; this one waited {_options.LockWait.TotalSeconds:0} s and did nothing. The running refresh will publish the latest data.");
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, refreshLock.Lost);
        var started = _clock.GetUtcNow();
        var runId = RunIdOf(started);
        LogStarted(runId, force);

        RefreshOutcome outcome;
        try
        {
            await _log.RecordAsync(new RefreshOutcome(runId, RefreshStatus.Running, started, null, TimeSpan.Zero, null, null, [], "Running."), linked.Token);
            // Held rows are matched again below: with the reference data as it is now (an operator's new alias).
            foreach (var check in _reference)
            {
                await check.EnsureCurrentAsync(linked.Token);
            }

            // Rows held for a name that an operator has since added as an alias load first, so this run shows them.
            var resolving = System.Diagnostics.Stopwatch.StartNew();
            var held = await _heldRows.ResolveAsync(linked.Token);
            LogHeldRowsResolved(held.Loaded, held.StillHeld, resolving.Elapsed.TotalMilliseconds);
            // The mart is read once: the council comparison is computed from its tables and stored in the mart, then
            // published as stored with the rest (only its three tables are read again).
            var reading = System.Diagnostics.Stopwatch.StartNew();
            var watermark = await _source.ReadWatermarkAsync(linked.Token);
            var tables = await _source.ReadTablesAsync(linked.Token);
            LogTablesRead(tables.Count, tables.Sum(t => (long)t.RowCount), reading.Elapsed.TotalMilliseconds);
            tables = await _councils.RunAsync(DateOnly.FromDateTime(started.UtcDateTime), tables, linked.Token);
            var result = await _publisher.PublishAsync(runId, started, force || held.Loaded > 0, watermark, tables, linked.Token);
            var notices = result.Published ? await NotifyAsync(result.Manifest, linked.Token) : [];
            var ended = _clock.GetUtcNow();
            var manifest = result.Manifest;
            outcome = result.Published
                ? new RefreshOutcome(runId, RefreshStatus.Succeeded, started, ended, ended - started, manifest.Watermark, runId, manifest.Files,
                    $"Published {manifest.Files.Count} files ({manifest.TableRows:N0} table rows) as run {runId}.") { Notices = notices, HeldRowsLoaded = held.Loaded }
                : new RefreshOutcome(runId, RefreshStatus.NoChange, started, ended, ended - started, manifest.Watermark, manifest.RunId, manifest.Files,
                    $"No change since run {manifest.RunId} (watermark {manifest.Watermark ?? "none"}): its extracts are current, so nothing was written.") { HeldRowsLoaded = held.Loaded };
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            outcome = await FailedAsync(runId, started, refreshLock.Lost.IsCancellationRequested
                ? new InvalidOperationException("The refresh lock was lost (its lease could not be renewed), so this refresh stopped rather than risk overlapping another.", ex)
                : ex);
        }
        catch (OperationCanceledException ex)
        {
            // The host is stopping: record it, then let the cancellation through.
            await RecordAsync(await FailedAsync(runId, started, ex));
            throw;
        }

        await RecordAsync(outcome);
        LogEnded(runId, RefreshOutcome.StatusText(outcome.Status), outcome.DurationMs, outcome.Files.Count, outcome.Rows, outcome.LatestRunId);
        return outcome;
    }

    private async Task<IRefreshLock?> AcquireAsync(CancellationToken cancellationToken)
    {
        var deadline = _clock.GetUtcNow() + _options.LockWait;
        while (true)
        {
            if (await _store.TryLockAsync(cancellationToken) is { } acquired)
            {
                return acquired;
            }

            var remaining = deadline - _clock.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                return null;
            }

            await Task.Delay(remaining < LockPoll ? remaining : LockPoll, _clock, cancellationToken);
        }
    }

    private async Task<IReadOnlyList<string>> NotifyAsync(ExtractManifest manifest, CancellationToken cancellationToken)
    {
        var notices = new List<string>();
        foreach (var notifier in _notifiers)
        {
            try
            {
                if (await notifier.NotifyAsync(manifest, cancellationToken) is { } notice)
                {
                    notices.Add(notice);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The extracts are published; a follow-up that failed is reported, and the next refresh asks again.
                LogNotifierFailed(ex, notifier.GetType().Name, manifest.RunId);
                notices.Add($"{notifier.GetType().Name} failed: {ex.Message}");
            }
        }

        return notices;
    }

    private async Task<RefreshOutcome> FailedAsync(string runId, DateTimeOffset started, Exception ex)
    {
        LogFailed(ex, runId);
        try
        {
            await _store.DeleteRunAsync(runId, CancellationToken.None);
        }
        catch (Exception cleanup) when (cleanup is not OperationCanceledException)
        {
            LogCleanupFailed(cleanup, runId);
        }

        var latest = await TryReadLatestAsync();
        var ended = _clock.GetUtcNow();
        var kept = latest is null ? "No run has been published yet." : $"Run {latest.RunId} is still the latest, unchanged.";
        return new RefreshOutcome(runId, RefreshStatus.Failed, started, ended, ended - started, latest?.Watermark, latest?.RunId, latest?.Files ?? [],
            $"Refresh {runId} failed: {ex.Message} {kept} It is safe to run the refresh again.");
    }

    private async Task<ExtractManifest?> TryReadLatestAsync()
    {
        try
        {
            return await _publisher.ReadLatestManifestAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return null;
        }
    }

    private async Task RecordAsync(RefreshOutcome outcome)
    {
        try
        {
            // Recorded even when the caller is cancelling: the record is how operators learn what happened.
            await _log.RecordAsync(outcome, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRecordFailed(ex, outcome.RunId, RefreshOutcome.StatusText(outcome.Status));
        }
    }

    /// <summary>Run ids are UTC timestamps to the millisecond, so that they sort in time order.</summary>
    private static string RunIdOf(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refresh {RunId} started (force: {Force})")]
    private partial void LogStarted(string runId, bool force);

    [LoggerMessage(Level = LogLevel.Information, Message = "Read {TableCount} extract tables ({RowCount} rows) from the mart in {ElapsedMs:0} ms")]
    private partial void LogTablesRead(int tableCount, long rowCount, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Held rows validated again in {ElapsedMs:0} ms: {Loaded} loaded, {StillHeld} still held")]
    private partial void LogHeldRowsResolved(int loaded, int stillHeld, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refresh {RunId} ended {Outcome} in {DurationMs:0} ms: {FileCount} files, {RowCount} rows; latest run {LatestRunId}")]
    private partial void LogEnded(string runId, string outcome, double durationMs, int fileCount, long rowCount, string? latestRunId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A refresh is already running; waited {WaitSeconds} s and did nothing")]
    private partial void LogBusy(double waitSeconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Refresh {RunId} failed; the latest run is unchanged")]
    private partial void LogFailed(Exception exception, string runId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete the files of failed refresh {RunId}; retention removes them later")]
    private partial void LogCleanupFailed(Exception exception, string runId);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Notifier} failed after run {RunId} was published")]
    private partial void LogNotifierFailed(Exception exception, string notifier, string runId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not record refresh {RunId} ({Outcome}) in the run log")]
    private partial void LogRecordFailed(Exception exception, string runId, string outcome);
}
