using SharedServicesPipeline.Pipeline.Reporting;

namespace SharedServicesPipeline.Bench.Intake;

/// <summary>Keeps only the size of each report written.</summary>
internal sealed class CountingReportSink : IReportSink
{
    public Dictionary<string, int> Bytes { get; } = [];

    public Task WriteAsync(string submissionId, string fileName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        Bytes[fileName] = content.Length;
        return Task.CompletedTask;
    }

    public Task<bool> WriteIfAbsentAsync(string submissionId, string fileName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
        Task.FromResult(Bytes.TryAdd(fileName, content.Length));

    public Task WriteAsync(string submissionId, string fileName, Stream content, CancellationToken cancellationToken)
    {
        Bytes[fileName] = (int)(content.Length - content.Position);
        return Task.CompletedTask;
    }

    public Task<byte[]?> ReadAsync(string submissionId, string fileName, CancellationToken cancellationToken) => Task.FromResult<byte[]?>(null);
}
