using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using SharedServicesPipeline.Pipeline;
using SharedServicesPipeline.Pipeline.Reporting;

namespace SharedServicesPipeline.Functions.Storage;

/// <summary>Reports in the <c>reports</c> container under <c>{submission-id}/</c>.</summary>
public sealed class BlobReportSink : IReportSink
{
    private readonly BlobContainerClient _container;

    public BlobReportSink(BlobServiceClient service, IOptions<StorageOptions> options) =>
        _container = service.GetBlobContainerClient(options.Value.Reports);

    public async Task WriteAsync(string submissionId, string fileName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await _container.GetBlobClient(Name(submissionId, fileName)).UploadAsync(BinaryData.FromBytes(content), overwrite: true, cancellationToken);
    }

    public async Task<bool> WriteIfAbsentAsync(string submissionId, string fileName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        try
        {
            // If-None-Match: * makes "absent" and "write" one atomic step on the service.
            await _container.GetBlobClient(Name(submissionId, fileName)).UploadAsync(
                BinaryData.FromBytes(content), new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }

    public async Task WriteAsync(string submissionId, string fileName, Stream content, CancellationToken cancellationToken)
    {
        await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await _container.GetBlobClient(Name(submissionId, fileName)).UploadAsync(content, overwrite: true, cancellationToken);
    }

    public async Task<bool> WriteIfAbsentAsync(string submissionId, string fileName, Stream content, CancellationToken cancellationToken)
    {
        await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        try
        {
            await _container.GetBlobClient(Name(submissionId, fileName)).UploadAsync(
                content, new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }

    public async Task<Stream?> OpenReadAsync(string submissionId, string fileName, CancellationToken cancellationToken)
    {
        try
        {
            // Read in ranges as the caller goes: a 100k-row arrangements.json is compared without being held whole.
            return await _container.GetBlobClient(Name(submissionId, fileName)).OpenReadAsync(cancellationToken: cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task<byte[]?> ReadAsync(string submissionId, string fileName, CancellationToken cancellationToken)
    {
        try
        {
            var result = await _container.GetBlobClient(Name(submissionId, fileName)).DownloadContentAsync(cancellationToken);
            return result.Value.Content.ToArray();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    private static string Name(string submissionId, string fileName) => $"{SafePath.FileName(submissionId)}/{SafePath.FileName(fileName)}";
}
