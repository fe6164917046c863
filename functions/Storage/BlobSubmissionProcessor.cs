using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SharedServicesPipeline.Functions.Reference;
using SharedServicesPipeline.Pipeline;
using SharedServicesPipeline.Pipeline.Reporting;
using SharedServicesPipeline.Pipeline.Submissions;

namespace SharedServicesPipeline.Functions.Storage;

/// <summary>
/// Runs a blob dropped in <c>incoming/</c> through the pipeline, then moves it to <c>processed/{yyyy}/{MM}/{dd}/</c>
/// (or <c>rejected/…</c>): copied first, deleted only once the copy exists, so a fault never loses the original.
/// Attempts are counted on the blob itself; the last allowed attempt that faults sends the file to <c>rejected/</c>
/// with a report, instead of leaving it to loop or to sit unexplained behind the host's poison queue.
/// </summary>
public sealed partial class BlobSubmissionProcessor
{
    internal const string AttemptsKey = "attempts";

    private readonly SubmissionIngestor _ingestor;
    private readonly ReferenceSync _reference;
    private readonly BlobServiceClient _service;
    private readonly StorageOptions _containers;
    private readonly IntakeOptions _intake;
    private readonly ILogger<BlobSubmissionProcessor> _logger;

    public BlobSubmissionProcessor(
        SubmissionIngestor ingestor,
        ReferenceSync reference,
        BlobServiceClient service,
        IOptions<StorageOptions> containers,
        IOptions<IntakeOptions> intake,
        ILogger<BlobSubmissionProcessor> logger)
    {
        _ingestor = ingestor;
        _reference = reference;
        _service = service;
        _containers = containers.Value;
        _intake = intake.Value;
        _logger = logger;
    }

    public async Task<SubmissionOutcome> ProcessAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        var properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
        var attempt = await CountAttemptAsync(blob, properties, cancellationToken);
        var submitter = properties.Metadata.TryGetValue("submitter", out var s) ? s : null;
        var receivedAt = properties.CreatedOn;

        SubmissionOutcome outcome;
        try
        {
            // Inside the attempt: a reference container that cannot be read faults this attempt like any other fault.
            await _reference.EnsureCurrentAsync(cancellationToken);
            await using var content = await blob.OpenReadAsync(new BlobOpenReadOptions(allowModifications: false), cancellationToken);
            outcome = await _ingestor.IngestAsync(new SubmissionInput(content, blob.Name, receivedAt, submitter), cancellationToken);
        }
        catch (Exception ex) when (attempt >= _intake.MaxAttempts && ex is not OperationCanceledException)
        {
            LogGaveUp(ex, blob.Name, attempt);
            outcome = await _ingestor.GiveUpAsync(blob.Name, receivedAt, attempt, ex, cancellationToken);
        }

        await MoveAsync(blob, properties, outcome, cancellationToken);
        return outcome;
    }

    private async Task<int> CountAttemptAsync(BlobClient blob, BlobProperties properties, CancellationToken cancellationToken)
    {
        var attempt = (properties.Metadata.TryGetValue(AttemptsKey, out var text) && int.TryParse(text, CultureInfo.InvariantCulture, out var n) ? n : 0) + 1;
        var metadata = new Dictionary<string, string>(properties.Metadata) { [AttemptsKey] = attempt.ToString(CultureInfo.InvariantCulture) };
        try
        {
            // Conditional on the ETag: two deliveries of the same event cannot both count as the first.
            await blob.SetMetadataAsync(metadata, new BlobRequestConditions { IfMatch = properties.ETag }, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            throw new InvalidOperationException($"{blob.Name} changed while being picked up; the next delivery will take it.", ex);
        }

        return attempt;
    }

    private async Task MoveAsync(BlobClient blob, BlobProperties properties, SubmissionOutcome outcome, CancellationToken cancellationToken)
    {
        var receivedAt = properties.CreatedOn;
        var targetContainer = outcome.Disposition == SubmissionDisposition.Rejected ? _containers.Rejected : _containers.Processed;
        var target = _service.GetBlobContainerClient(targetContainer);
        await target.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var fileName = SafePath.FileName(blob.Name);
        var targetName = $"{receivedAt.UtcDateTime:yyyy/MM/dd}/{fileName}";
        var targetBlob = target.GetBlobClient(targetName);
        if (await targetBlob.ExistsAsync(cancellationToken)
            && (await targetBlob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value.Metadata.TryGetValue("submissionid", out var existingId)
            && existingId != outcome.SubmissionId)
        {
            // Another file of the same name arrived the same day: keep both.
            targetName = $"{receivedAt.UtcDateTime:yyyy/MM/dd}/{Path.GetFileNameWithoutExtension(fileName)}-{outcome.SubmissionId}{Path.GetExtension(fileName)}";
            targetBlob = target.GetBlobClient(targetName);
        }

        await using (var source = await blob.OpenReadAsync(new BlobOpenReadOptions(allowModifications: false), cancellationToken))
        {
            // Overwrites only a copy of this same submission, left by an earlier attempt that failed before the delete.
            await targetBlob.UploadAsync(source, new BlobUploadOptions
            {
                Metadata = new Dictionary<string, string>
                {
                    ["submissionid"] = outcome.SubmissionId,
                    ["disposition"] = outcome.Disposition.ToString(),
                },
                HttpHeaders = new BlobHttpHeaders { ContentType = properties.ContentType },
            }, cancellationToken);
        }

        await blob.DeleteIfExistsAsync(cancellationToken: cancellationToken);
        LogMoved(blob.Name, targetContainer, targetName, outcome.SubmissionId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Moved {BlobName} to {Container}/{TargetName} (submission {SubmissionId})")]
    private partial void LogMoved(string blobName, string container, string targetName, string submissionId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Giving up on {BlobName} after {Attempts} attempts; moving it to rejected with a report")]
    private partial void LogGaveUp(Exception exception, string blobName, int attempts);
}
