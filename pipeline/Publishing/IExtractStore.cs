namespace SharedServicesPipeline.Pipeline.Publishing;

/// <summary>Where extracts are published: a local folder or a blob container. A run is written aside and then made latest.</summary>
public interface IExtractStore
{
    /// <summary>Writes one file of a run (under <c>runs/{runId}/</c>).</summary>
    Task WriteAsync(string runId, string fileName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>Makes a complete run the latest: copies its files to <c>latest/</c>, the manifest last, then prunes old runs.</summary>
    Task PromoteAsync(string runId, IReadOnlyList<string> fileNames, string manifestName, int keepRuns, CancellationToken cancellationToken);

    /// <summary>Reads a file of the latest run, or null if none has been published.</summary>
    Task<byte[]?> ReadLatestAsync(string fileName, CancellationToken cancellationToken);
}
