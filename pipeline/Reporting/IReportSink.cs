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

    /// <summary>
    /// Writes a report read from <paramref name="content"/> (from its current position to its end; the caller keeps
    /// it), for reports too big to hold as bytes (a 100k-row return's arrangements.json). A sink that can should stream
    /// it; this default holds it whole, as the byte overload does.
    /// </summary>
    async Task WriteAsync(string submissionId, string fileName, Stream content, CancellationToken cancellationToken) =>
        await WriteAsync(submissionId, fileName, await BytesOfAsync(content, cancellationToken), cancellationToken);

    /// <summary>As <see cref="WriteIfAbsentAsync(string, string, ReadOnlyMemory{byte}, CancellationToken)"/>, from a stream.</summary>
    async Task<bool> WriteIfAbsentAsync(string submissionId, string fileName, Stream content, CancellationToken cancellationToken) =>
        await WriteIfAbsentAsync(submissionId, fileName, await BytesOfAsync(content, cancellationToken), cancellationToken);

    /// <summary>A report to read forward (the caller disposes it), or null when there is none.</summary>
    async Task<Stream?> OpenReadAsync(string submissionId, string fileName, CancellationToken cancellationToken) =>
        await ReadAsync(submissionId, fileName, cancellationToken) is { } bytes ? new MemoryStream(bytes, writable: false) : null;

    private static async Task<byte[]> BytesOfAsync(Stream content, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
