using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SharedServicesPipeline.Pipeline.Reference;
using SharedServicesPipeline.Pipeline.Submissions;

namespace SharedServicesPipeline.Pipeline.Intake;

/// <summary>
/// The drop-folder policy, the same for the blob trigger and <c>ssp watch</c>: a waiting submission is tried (its
/// attempts counted in the store), ingested as the council whose folder it is in (<see cref="SubmissionOrigin"/>), and
/// filed on <c>processed/</c> or <c>rejected/</c> under the day it was received (<c>[council/]yyyy/MM/dd/name</c>).
/// An attempt that faults leaves it waiting for the next; the last allowed one files it on <c>rejected/</c> with a
/// report, instead of leaving it to loop. A copy already filed under the same name by another submission is kept: this
/// one gets its id in its name; a copy of this same submission (an earlier attempt that stopped before removing the
/// original) is replaced.
/// </summary>
public sealed partial class SubmissionIntake
{
    private readonly SubmissionIngestor _ingestor;
    private readonly IAuthorityMatcher _matcher;
    private readonly IEnumerable<IReferenceCheck> _reference;
    private readonly IntakeOptions _options;
    private readonly ILogger<SubmissionIntake> _logger;

    public SubmissionIntake(
        SubmissionIngestor ingestor,
        IAuthorityMatcher matcher,
        IEnumerable<IReferenceCheck> reference,
        IOptions<IntakeOptions> options,
        ILogger<SubmissionIntake> logger)
    {
        _ingestor = ingestor;
        _matcher = matcher;
        _reference = reference;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>How many times a faulting submission is tried before it is rejected (<c>Intake:MaxAttempts</c>).</summary>
    public int MaxAttempts => _options.MaxAttempts;

    /// <summary>Processes the submission of that name; null when it is no longer waiting (an earlier delivery filed it).</summary>
    public async Task<SubmissionOutcome?> ProcessAsync(ISubmissionStore store, string name, CancellationToken cancellationToken) =>
        await store.FindAsync(name, cancellationToken) is { } submission ? await ProcessAsync(store, submission, cancellationToken) : null;

    /// <summary>One attempt at a waiting submission: its outcome once filed; an exception (a fault) leaves it waiting.</summary>
    public async Task<SubmissionOutcome> ProcessAsync(ISubmissionStore store, StoredSubmission submission, CancellationToken cancellationToken)
    {
        var attempt = await store.RecordAttemptAsync(submission, cancellationToken);
        var origin = SubmissionOrigin.Central;
        SubmissionOutcome outcome;
        try
        {
            // Inside the attempt: reference data that cannot be read faults this attempt like any other fault.
            foreach (var check in _reference)
            {
                await check.EnsureCurrentAsync(cancellationToken);
            }

            origin = SubmissionOrigin.Of(submission.Name, _matcher.Register);
            if (origin.Refusal is { } refusal)
            {
                LogRefused(submission.Name, refusal.Code);
                outcome = await _ingestor.RefuseAsync(submission.Name, submission.ReceivedAt, refusal, cancellationToken);
            }
            else
            {
                await using var content = await store.OpenReadAsync(submission, cancellationToken);
                outcome = await _ingestor.IngestAsync(
                    new SubmissionInput(content, submission.Name, submission.ReceivedAt, submission.Submitter, origin.Council), cancellationToken);
            }
        }
        catch (Exception ex) when (attempt >= _options.MaxAttempts && ex is not OperationCanceledException)
        {
            LogGaveUp(ex, submission.Name, attempt);
            outcome = await _ingestor.GiveUpAsync(submission.Name, submission.ReceivedAt, attempt, ex, cancellationToken);
        }

        var shelf = outcome.Disposition == SubmissionDisposition.Rejected ? SubmissionShelf.Rejected : SubmissionShelf.Processed;
        var path = await FilingPathAsync(store, shelf, submission, origin.Council, outcome.SubmissionId, cancellationToken);
        await store.MoveAsync(submission, shelf, path, outcome.SubmissionId, cancellationToken);
        LogFiled(submission.Name, shelf, path, outcome.SubmissionId);
        return outcome;
    }

    /// <summary>
    /// <c>[council/]yyyy/MM/dd/name</c> by the day it was received, so every attempt files it in the same place; with the
    /// submission id added to the name when another submission's copy is already there.
    /// </summary>
    private static async Task<string> FilingPathAsync(
        ISubmissionStore store, SubmissionShelf shelf, StoredSubmission submission, SubmittingCouncil? council, string submissionId, CancellationToken cancellationToken)
    {
        var day = submission.ReceivedAt.UtcDateTime.ToString("yyyy'/'MM'/'dd", CultureInfo.InvariantCulture);
        var folder = council is null ? day : $"{council.Code}/{day}";
        var fileName = SafePath.FileName(submission.Name);
        var path = $"{folder}/{fileName}";
        var filed = await store.FiledSubmissionIdAsync(shelf, path, cancellationToken);
        return filed is null || string.Equals(filed, submissionId, StringComparison.Ordinal)
            ? path
            : $"{folder}/{Path.GetFileNameWithoutExtension(fileName)}-{submissionId}{Path.GetExtension(fileName)}";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Filed {Name} on {Shelf} as {Path} (submission {SubmissionId})")]
    private partial void LogFiled(string name, SubmissionShelf shelf, string path, string submissionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Name} unread: {ReasonCode}")]
    private partial void LogRefused(string name, string reasonCode);

    [LoggerMessage(Level = LogLevel.Error, Message = "Giving up on {Name} after {Attempts} attempts; filing it on rejected with a report")]
    private partial void LogGaveUp(Exception exception, string name, int attempts);
}
