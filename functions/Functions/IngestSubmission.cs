using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using SharedServicesPipeline.Functions.Storage;

namespace SharedServicesPipeline.Functions.Functions;

/// <summary>A spreadsheet dropped into <c>incoming/</c> is ingested, reported on and moved. Event Grid delivers the blob event in Azure.</summary>
public sealed class IngestSubmission(BlobSubmissionProcessor processor)
{
    [Function(nameof(IngestSubmission))]
    public Task Run(
        [BlobTrigger("incoming/{name}", Connection = "Storage", Source = BlobTriggerSource.EventGrid)] BlobClient blob,
        CancellationToken cancellationToken) =>
        processor.ProcessAsync(blob, cancellationToken);
}
