namespace SharedServicesPipeline.Pipeline.Loading;

/// <summary>The mart as the ingest path sees it. Implemented by the data mart; the pipeline knows no database.</summary>
public interface ISubmissionLoader
{
    Task<PriorSubmission?> FindBySha256Async(string sha256, CancellationToken cancellationToken);

    /// <summary>Loads a submission in one transaction: all of it or none of it.</summary>
    Task<LoadResult> LoadAsync(SubmissionBatch batch, CancellationToken cancellationToken);
}
