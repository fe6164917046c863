using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SharedServicesPipeline.DataMart.Quality;
using SharedServicesPipeline.Pipeline.Loading;
using SharedServicesPipeline.Pipeline.Reference;

namespace SharedServicesPipeline.DataMart.Loading;

/// <summary>
/// Loads a submission into the mart in one transaction, slice by slice as its rows are read (<see cref="MartLoad"/>), then
/// runs the data tests; a failing test rolls everything back. Two loads at once cannot duplicate anything: the natural
/// keys are unique, SQLite's transactions take the write lock at BEGIN (IMMEDIATE), and on SQL Server a load that
/// collides with another on a unique key is run again from the start, when it sees the other's rows.
/// </summary>
public sealed partial class MartLoader : ISubmissionLoader
{
    internal static readonly string PipelineVersion =
        typeof(MartLoader).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    private const int MaxConflictAttempts = 4;

    private readonly MartDbContext _db;
    private readonly IAuthorityMatcher _matcher;
    private readonly TimeProvider _clock;
    private readonly ILogger<MartLoader> _logger;
    private readonly int _slice;

    public MartLoader(MartDbContext db, IAuthorityMatcher matcher, TimeProvider clock, IOptions<MartOptions> options, ILogger<MartLoader> logger)
    {
        _slice = Math.Max(1, options.Value.LoadSliceRows);
        _db = db;
        _matcher = matcher;
        _clock = clock;
        _logger = logger;
    }

    public async Task<PriorSubmission?> FindBySha256Async(string sha256, CancellationToken cancellationToken) =>
        await _db.Submissions.AsNoTracking()
            .Where(s => s.Sha256 == sha256)
            .Select(s => new PriorSubmission(s.SubmissionId, s.FileName, s.ReceivedAt, s.RowsRead, s.RowsAccepted, s.RowsRejected, s.RowsHeld))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<LoadResult> LoadAsync(SubmissionBatch batch, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await LoadOnceAsync(batch, cancellationToken);
            }
            catch (Exception ex) when (UniqueViolation.Is(ex))
            {
                _db.ChangeTracker.Clear();
                // The same bytes, loaded by another worker since the ingestor looked: a duplicate, not a fault.
                if (await FindBySha256Async(batch.Sha256, cancellationToken) is { } prior)
                {
                    LogDuplicateRace(batch.SubmissionId, prior.SubmissionId);
                    return new LoadResult(0, 0, 0) { DuplicateOf = prior.SubmissionId };
                }

                if (attempt == MaxConflictAttempts)
                {
                    throw;
                }

                LogConflict(batch.SubmissionId, attempt);
            }
        }
    }

    private Task<LoadResult> LoadOnceAsync(SubmissionBatch batch, CancellationToken cancellationToken) =>
        // On SQL Server the strategy retries transient faults; it runs the whole transaction again, never half of it,
        // reading the submission's rows again from the start.
        _db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            _db.ChangeTracker.Clear();
            await using var slices = batch.Rows.ReadAsync(ct).GetAsyncEnumerator(ct);
            // The transaction (and on SQLite the write lock) begins once the first rows are ready, so a file found
            // unreadable at once never touches the mart, and other loads wait less.
            var more = await slices.MoveNextAsync();
            if (!more && batch.Rows.Totals.Abandoned)
            {
                return Abandoned;
            }

            await using var transaction = await _db.Database.BeginTransactionAsync(ct);
            var load = new MartLoad(_db, _matcher, _clock.GetUtcNow(), _slice);
            await load.BeginAsync(batch, ct);
            for (; more; more = await slices.MoveNextAsync())
            {
                await load.AddAsync(slices.Current, ct);
            }

            var totals = batch.Rows.Totals;
            if (totals.Abandoned)
            {
                // Found unloadable part-way (too many rows, a damaged part): whatever was written goes.
                await transaction.RollbackAsync(ct);
                _db.ChangeTracker.Clear();
                return Abandoned;
            }

            var result = await load.CompleteAsync(totals, batch.ReleasedHeldRows, ct);
            var failures = await MartDataTests.RunAsync(_db, load.SubmissionKey, ct);
            if (failures.Count > 0)
            {
                LogDataTestsFailed(batch.SubmissionId, string.Join("; ", failures));
                throw new MartDataTestException(batch.SubmissionId, failures);
            }

            await transaction.CommitAsync(ct);
            LogLoaded(batch.SubmissionId, result.Added, result.Updated, result.Unchanged, totals.RowsHeld);
            return result;
        }, cancellationToken);

    private static LoadResult Abandoned => new(0, 0, 0) { Abandoned = true };

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded submission {SubmissionId}: {Added} added, {Updated} updated, {Unchanged} unchanged, {Held} held")]
    private partial void LogLoaded(string submissionId, int added, int updated, int unchanged, int held);

    [LoggerMessage(Level = LogLevel.Information, Message = "Submission {SubmissionId} was loaded meanwhile by another worker as {PriorSubmissionId}; nothing loaded twice")]
    private partial void LogDuplicateRace(string submissionId, string priorSubmissionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Submission {SubmissionId} collided with a concurrent load on a unique key (attempt {Attempt}); loading it again")]
    private partial void LogConflict(string submissionId, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Submission {SubmissionId} was rolled back: the mart's data tests failed: {Failures}")]
    private partial void LogDataTestsFailed(string submissionId, string failures);
}
