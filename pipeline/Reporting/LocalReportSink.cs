namespace SharedServicesPipeline.Pipeline.Reporting;

/// <summary>Reports in a local folder, one sub-folder per submission.</summary>
public sealed class LocalReportSink : IReportSink
{
    private readonly string _root;

    public LocalReportSink(string root) => _root = Path.GetFullPath(root);

    public Task WriteAsync(string submissionId, string fileName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
        ReplaceAsync(submissionId, fileName, staging => File.WriteAllBytesAsync(staging, content, cancellationToken));

    public Task<bool> WriteIfAbsentAsync(string submissionId, string fileName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
        AddAsync(submissionId, fileName, staging => File.WriteAllBytesAsync(staging, content, cancellationToken));

    public Task WriteAsync(string submissionId, string fileName, Stream content, CancellationToken cancellationToken) =>
        ReplaceAsync(submissionId, fileName, staging => CopyToFileAsync(content, staging, cancellationToken));

    public Task<bool> WriteIfAbsentAsync(string submissionId, string fileName, Stream content, CancellationToken cancellationToken) =>
        AddAsync(submissionId, fileName, staging => CopyToFileAsync(content, staging, cancellationToken));

    public async Task<byte[]?> ReadAsync(string submissionId, string fileName, CancellationToken cancellationToken)
    {
        var path = PathOf(submissionId, fileName);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, cancellationToken) : null;
    }

    public Task<Stream?> OpenReadAsync(string submissionId, string fileName, CancellationToken cancellationToken)
    {
        var path = PathOf(submissionId, fileName);
        return Task.FromResult<Stream?>(File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan) : null);
    }

    private string PathOf(string submissionId, string fileName) => SafePath.Combine(_root, SafePath.FileName(submissionId), SafePath.FileName(fileName));

    private async Task ReplaceAsync(string submissionId, string fileName, Func<string, Task> write)
    {
        var path = PathOf(submissionId, fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var staging = path + ".tmp";
        await write(staging);
        File.Move(staging, path, overwrite: true);
    }

    private async Task<bool> AddAsync(string submissionId, string fileName, Func<string, Task> write)
    {
        var path = PathOf(submissionId, fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // A staging name of its own: the original's writer may be using path + ".tmp" at this very moment.
        var staging = $"{path}.{Guid.NewGuid():N}.tmp";
        await write(staging);
        try
        {
            File.Move(staging, path, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(staging);
            return false;
        }
    }

    private static async Task CopyToFileAsync(Stream content, string path, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
        await content.CopyToAsync(file, cancellationToken);
    }
}
