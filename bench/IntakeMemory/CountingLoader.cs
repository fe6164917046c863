using SharedServicesPipeline.Pipeline.Loading;

namespace SharedServicesPipeline.Bench.Intake;

/// <summary>Stands in for the mart: takes the rows slice by slice as a real load does, and only counts them.</summary>
internal sealed class CountingLoader : ISubmissionLoader
{
    public Task<PriorSubmission?> FindBySha256Async(string sha256, CancellationToken cancellationToken) => Task.FromResult<PriorSubmission?>(null);

    public async Task<LoadResult> LoadAsync(SubmissionBatch batch, CancellationToken cancellationToken)
    {
        var arrangements = 0;
        await foreach (var slice in batch.Rows.ReadAsync(cancellationToken))
        {
            arrangements += slice.Arrangements.Count;
        }

        return new LoadResult(arrangements, 0, 0);
    }
}
