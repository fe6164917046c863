namespace SharedServicesPipeline.Publishing;

/// <summary>
/// Where extracts are published: a local folder or a blob container. A run is written aside under
/// <c>runs/{runId}/</c> and never changed again; promoting it copies its files to the latest place, manifest last.
/// </summary>
public interface IExtractStore
{
    /// <summary>Writes one file of a run (under <c>runs/{runId}/</c>).</summary>
    Task WriteAsync(string runId, string fileName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>Makes a complete run the latest (its manifest last), removes retired latest files, then prunes old runs.</summary>
    Task PromoteAsync(RunPromotion promotion, CancellationToken cancellationToken);

    /// <summary>Reads a file of the latest run, or null if none has been published.</summary>
    Task<byte[]?> ReadLatestAsync(string fileName, CancellationToken cancellationToken);

    /// <summary>Deletes what a failed run wrote; the latest run is untouched.</summary>
    Task DeleteRunAsync(string runId, CancellationToken cancellationToken);

    /// <summary>Takes the store's refresh lock, or returns null at once if another refresh holds it. Dispose to release.</summary>
    Task<IRefreshLock?> TryLockAsync(CancellationToken cancellationToken);
}
