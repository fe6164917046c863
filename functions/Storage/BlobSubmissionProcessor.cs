using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SharedServicesPipeline.Pipeline;
using SharedServicesPipeline.Pipeline.Submissions;

namespace SharedServicesPipeline.Functions.Storage;

/// <summary>
/// Runs a blob dropped in <c>incoming/</c> through the pipeline, then moves it to <c>processed/{yyyy}/{MM}/{dd}/</c>
/// (or <c>rejected/…</c>): copied first, deleted only once the copy exists, so a fault never loses the original.
/// </summary>
public sealed partial class BlobSubmissionProcessor
{
    private readonly SubmissionIngestor _ingestor;
    private readonly BlobServiceClient _service;
    private readonly StorageOptions _containers;
    private readonly ILogger<BlobSubmissionProcessor> _logger;

    public BlobSubmissionProcessor(SubmissionIngestor ingestor, BlobServiceClient service, IOptions<StorageOptions> containers, ILogger<BlobSubmissionProcessor> logger)
    {
        _ingestor = ingestor;
        _service = service;
        _containers = containers.Value;
        _logger = logger;
    }

    public async Task<SubmissionOutcome> ProcessAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        var properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
        var submitter = properties.Metadata.TryGetValue("submitter", out var s) ? s : null;
        var receivedAt = properties.CreatedOn;

        SubmissionOutcome outcome;
        await using (var content = await blob.OpenReadAsync(new BlobOpenReadOptions(allowModifications: false), cancellationToken))
        {
            outcome = await _ingestor.IngestAsync(new SubmissionInput(content, blob.Name, receivedAt, submitter), cancellationToken);
        }

        var targetContainer = outcome.Disposition == SubmissionDisposition.Rejected ? _containers.Rejected : _containers.Processed;
        var target = _service.GetBlobContainerClient(targetContainer);
        await target.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var targetName = $"{receivedAt.UtcDateTime:yyyy/MM/dd}/{SafePath.FileName(blob.Name)}";
        var targetBlob = target.GetBlobClient(targetName);
        if (await targetBlob.ExistsAsync(cancellationToken)
            && (await targetBlob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value.Metadata.TryGetValue("submissionid", out var existingId) && existingId != outcome.SubmissionId)
        {
            // Another file of the same name arrived the same day: keep both.
            var fileName = SafePath.FileName(blob.Name);
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
        return outcome;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Moved {BlobName} to {Container}/{TargetName} (submission {SubmissionId})")]
    private partial void LogMoved(string blobName, string container, string targetName, string submissionId);
}
