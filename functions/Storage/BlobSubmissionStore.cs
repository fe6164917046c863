using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using SharedServicesPipeline.Pipeline.Intake;

namespace SharedServicesPipeline.Functions.Storage;

/// <summary>
/// Submissions as blobs: waiting in the incoming container, filed in the processed or rejected one. Attempts are
/// counted in the blob's metadata (conditional on its ETag); a filed copy carries its submission id in its metadata.
/// Moves are server-side copies within the account: the bytes are not downloaded again.
/// </summary>
public sealed class BlobSubmissionStore : ISubmissionStore
{
    public const string AttemptsKey = "attempts";
    public const string SubmissionIdKey = "submissionid";
    private const string SubmitterKey = "submitter";

    private readonly BlobServiceClient _service;
    private readonly StorageOptions _containers;

    public BlobSubmissionStore(BlobServiceClient service, IOptions<StorageOptions> containers)
    {
        _service = service;
        _containers = containers.Value;
    }

    private BlobContainerClient Incoming => _service.GetBlobContainerClient(_containers.Incoming);

    public async Task<IReadOnlyList<StoredSubmission>> ListAsync(CancellationToken cancellationToken)
    {
        var waiting = new List<StoredSubmission>();
        if (!await Incoming.ExistsAsync(cancellationToken))
        {
            return waiting;
        }

        await foreach (var item in Incoming.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata }, cancellationToken))
        {
            waiting.Add(Stored(item.Name, item.Properties.CreatedOn ?? DateTimeOffset.MinValue, item.Metadata, item.Properties.ETag ?? default));
        }

        return [.. waiting.OrderBy(s => s.ReceivedAt).ThenBy(s => s.Name, StringComparer.Ordinal)];
    }

    public async Task<StoredSubmission?> FindAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var properties = (await Incoming.GetBlobClient(name).GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            return Stored(name, properties.CreatedOn, properties.Metadata, properties.ETag);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task<int> RecordAttemptAsync(StoredSubmission submission, CancellationToken cancellationToken)
    {
        var blob = Incoming.GetBlobClient(submission.Name);
        var properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
        var attempt = AttemptsOf(properties.Metadata) + 1;
        var metadata = new Dictionary<string, string>(properties.Metadata) { [AttemptsKey] = attempt.ToString(CultureInfo.InvariantCulture) };
        try
        {
            // Conditional on the ETag the submission was found with: two deliveries of one event cannot both count as the first.
            await blob.SetMetadataAsync(metadata, new BlobRequestConditions { IfMatch = submission.Version is { } etag ? new ETag(etag) : properties.ETag }, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            throw new InvalidOperationException($"{submission.Name} changed while being picked up; the next delivery will take it.", ex);
        }

        return attempt;
    }

    public async Task<Stream> OpenReadAsync(StoredSubmission submission, CancellationToken cancellationToken) =>
        await Incoming.GetBlobClient(submission.Name).OpenReadAsync(new BlobOpenReadOptions(allowModifications: false), cancellationToken);

    public async Task<string?> FiledSubmissionIdAsync(SubmissionShelf shelf, string path, CancellationToken cancellationToken)
    {
        try
        {
            var properties = (await Shelf(shelf).GetBlobClient(path).GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            return properties.Metadata.TryGetValue(SubmissionIdKey, out var id) ? id : "";
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task MoveAsync(StoredSubmission submission, SubmissionShelf shelf, string path, string submissionId, CancellationToken cancellationToken)
    {
        var source = Incoming.GetBlobClient(submission.Name);
        var target = Shelf(shelf);
        await target.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var metadata = new Dictionary<string, string>
        {
            [SubmissionIdKey] = submissionId,
            ["disposition"] = shelf.ToString(),
        };
        if (submission.Submitter is { } submitter)
        {
            metadata[SubmitterKey] = submitter;
        }

        // A server-side copy within the account (content type and bytes kept); it replaces only a copy of this same
        // submission, left by an earlier attempt that stopped before the delete.
        var copy = await target.GetBlobClient(path).StartCopyFromUriAsync(source.Uri, new BlobCopyFromUriOptions { Metadata = metadata }, cancellationToken);
        await copy.WaitForCompletionAsync(cancellationToken);
        await source.DeleteIfExistsAsync(cancellationToken: cancellationToken);
    }

    private BlobContainerClient Shelf(SubmissionShelf shelf) =>
        _service.GetBlobContainerClient(shelf == SubmissionShelf.Rejected ? _containers.Rejected : _containers.Processed);

    private static StoredSubmission Stored(string name, DateTimeOffset createdOn, IDictionary<string, string> metadata, ETag etag) =>
        new(name, createdOn, AttemptsOf(metadata), metadata.TryGetValue(SubmitterKey, out var submitter) ? submitter : null, etag.ToString());

    private static int AttemptsOf(IDictionary<string, string> metadata) =>
        metadata.TryGetValue(AttemptsKey, out var text) && int.TryParse(text, CultureInfo.InvariantCulture, out var n) ? n : 0;
}
