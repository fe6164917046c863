using SharedServicesPipeline.Pipeline.Loading;

namespace SharedServicesPipeline.Bench.Intake;

/// <summary>Stands in for the mart: the batch is built and held as for a real load, then only counted.</summary>
internal sealed class CountingLoader : ISubmissionLoader
{
    public Task<PriorSubmission?> FindBySha256Async(string sha256, CancellationToken cancellationToken) => Task.FromResult<PriorSubmission?>(null);

    public Task<LoadResult> LoadAsync(SubmissionBatch batch, CancellationToken cancellationToken) =>
        Task.FromResult(new LoadResult(batch.Arrangements.Count, 0, 0));
}
