namespace SharedServicesPipeline.Pipeline.Publishing;

/// <summary>Extracts in a local folder: <c>runs/{runId}/</c> for each run and the latest run's files at the top level.</summary>
public sealed class LocalExtractStore : IExtractStore
{
    private readonly string _root;

    public LocalExtractStore(string root) => _root = Path.GetFullPath(root);

    public async Task WriteAsync(string runId, string fileName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var path = SafePath.Combine(_root, "runs", runId, fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, content, cancellationToken);
    }

    public Task PromoteAsync(string runId, IReadOnlyList<string> fileNames, string manifestName, int keepRuns, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_root);
        // Each file is replaced by a rename, and the manifest last, so a reader never sees a half-written file.
        foreach (var name in fileNames.Append(manifestName))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var source = SafePath.Combine(_root, "runs", runId, name);
            var staging = SafePath.Combine(_root, "." + name + ".tmp");
            File.Copy(source, staging, overwrite: true);
            File.Move(staging, SafePath.Combine(_root, name), overwrite: true);
        }

        var runs = new DirectoryInfo(Path.Combine(_root, "runs")).GetDirectories().OrderByDescending(d => d.Name, StringComparer.Ordinal).ToList();
        foreach (var old in runs.Skip(Math.Max(1, keepRuns)))
        {
            old.Delete(recursive: true);
        }

        return Task.CompletedTask;
    }

    public async Task<byte[]?> ReadLatestAsync(string fileName, CancellationToken cancellationToken)
    {
        var path = SafePath.Combine(_root, fileName);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, cancellationToken) : null;
    }
}
