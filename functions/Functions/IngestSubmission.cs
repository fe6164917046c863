using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using SharedServicesPipeline.Functions.Storage;
using SharedServicesPipeline.Pipeline.Intake;

namespace SharedServicesPipeline.Functions.Functions;

/// <summary>
/// A spreadsheet dropped into <c>incoming/</c> (or a council's <c>incoming/&lt;GSS code&gt;/</c>) is ingested, reported on
/// and filed, by the policy <c>ssp watch</c> shares (<see cref="SubmissionIntake"/>). Event Grid delivers the blob event in Azure.
/// </summary>
public sealed class IngestSubmission(SubmissionIntake intake, BlobSubmissionStore store)
{
    [Function(nameof(IngestSubmission))]
    public Task Run(
        [BlobTrigger("incoming/{name}", Connection = "Storage", Source = BlobTriggerSource.EventGrid)] BlobClient blob,
        CancellationToken cancellationToken) =>
        intake.ProcessAsync(store, blob.Name, cancellationToken);
}
