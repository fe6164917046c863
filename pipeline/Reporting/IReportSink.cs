namespace SharedServicesPipeline.Pipeline.Reporting;

/// <summary>Where the feedback for a submitter goes: <c>reports/{submission-id}/</c> in blob storage or a local folder.</summary>
public interface IReportSink
{
    Task WriteAsync(string submissionId, string fileName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    Task<byte[]?> ReadAsync(string submissionId, string fileName, CancellationToken cancellationToken);
}
