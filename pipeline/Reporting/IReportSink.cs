namespace SharedServicesPipeline.Pipeline.Reporting;

/// <summary>Where the feedback for a submitter goes: <c>reports/{submission-id}/</c> in blob storage or a local folder.</summary>
public interface IReportSink
{
    Task WriteAsync(string submissionId, string fileName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the file only if none of that name is there yet; false if one was. A report rebuilt after a crash goes
    /// through this, so it can never overwrite the original that a worker still running may have written meanwhile.
    /// </summary>
    Task<bool> WriteIfAbsentAsync(string submissionId, string fileName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    Task<byte[]?> ReadAsync(string submissionId, string fileName, CancellationToken cancellationToken);
}
