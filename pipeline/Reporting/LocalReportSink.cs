namespace SharedServicesPipeline.Pipeline.Reporting;

/// <summary>Reports in a local folder, one sub-folder per submission.</summary>
public sealed class LocalReportSink : IReportSink
{
    private readonly string _root;

    public LocalReportSink(string root) => _root = Path.GetFullPath(root);

    public async Task WriteAsync(string submissionId, string fileName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var path = SafePath.Combine(_root, SafePath.FileName(submissionId), SafePath.FileName(fileName));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var staging = path + ".tmp";
        await File.WriteAllBytesAsync(staging, content, cancellationToken);
        File.Move(staging, path, overwrite: true);
    }

    public async Task<byte[]?> ReadAsync(string submissionId, string fileName, CancellationToken cancellationToken)
    {
        var path = SafePath.Combine(_root, SafePath.FileName(submissionId), SafePath.FileName(fileName));
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, cancellationToken) : null;
    }
}
