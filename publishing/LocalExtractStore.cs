using SharedServicesPipeline.Pipeline;

namespace SharedServicesPipeline.Publishing;

/// <summary>
/// Extracts in a local folder: <c>runs/{runId}/</c> for each run and the latest run's files at the top level (so
/// <c>data/extracts/fact_arrangement.csv</c> is always the latest), each replaced by a rename, the manifest last.
/// The refresh lock is <c>.refresh.lock</c> in the folder, held open with no sharing.
/// </summary>
public sealed class LocalExtractStore : IExtractStore
{
    public const string LockFileName = ".refresh.lock";

    private readonly string _root;

    public LocalExtractStore(string root) => _root = Path.GetFullPath(root);

    public async Task WriteAsync(string runId, string fileName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var path = SafePath.Combine(_root, "runs", runId, fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, content, cancellationToken);
    }

    public Task PromoteAsync(RunPromotion promotion, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_root);
        // Each file is replaced by a rename, and the manifest last, so a reader never sees a half-written file.
        foreach (var name in promotion.FileNames.Append(promotion.ManifestName))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var source = SafePath.Combine(_root, "runs", promotion.RunId, name);
            var staging = SafePath.Combine(_root, "." + name + ".tmp");
            File.Copy(source, staging, overwrite: true);
            File.Move(staging, SafePath.Combine(_root, name), overwrite: true);
        }

        foreach (var retired in promotion.RetiredFileNames)
        {
            File.Delete(SafePath.Combine(_root, retired));
        }

        Prune(promotion.RunId, promotion.KeepRuns, promotion.ManifestName);
        return Task.CompletedTask;
    }

    public async Task<byte[]?> ReadLatestAsync(string fileName, CancellationToken cancellationToken)
    {
        var path = SafePath.Combine(_root, fileName);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, cancellationToken) : null;
    }

    public Task DeleteRunAsync(string runId, CancellationToken cancellationToken)
    {
        var folder = SafePath.Combine(_root, "runs", runId);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        return Task.CompletedTask;
    }

    public Task<IRefreshLock?> TryLockAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_root);
        try
        {
            // FileShare.None is an exclusive lock on every OS (.NET takes flock on Unix), held until disposed or the process ends.
            var stream = new FileStream(Path.Combine(_root, LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return Task.FromResult<IRefreshLock?>(new FileRefreshLock(stream));
        }
        catch (IOException ex) when (IsSharingViolation(ex))
        {
            return Task.FromResult<IRefreshLock?>(null);
        }
    }

    /// <summary>Keeps the newest <paramref name="keepRuns"/> runs (and always <paramref name="current"/>); older runs and unfinished ones go.</summary>
    private void Prune(string current, int keepRuns, string manifestName)
    {
        var runs = new DirectoryInfo(Path.Combine(_root, "runs")).GetDirectories()
            .Where(d => string.CompareOrdinal(d.Name, current) <= 0)
            .OrderByDescending(d => d.Name, StringComparer.Ordinal)
            .ToList();
        var kept = 0;
        foreach (var run in runs)
        {
            // A run without a manifest older than the current one was left by a crash: we hold the lock, so it is not in progress.
            var complete = File.Exists(Path.Combine(run.FullName, manifestName));
            if (run.Name == current || (complete && kept < Math.Max(1, keepRuns)))
            {
                kept++;
                continue;
            }

            run.Delete(recursive: true);
        }
    }

    // Windows reports ERROR_SHARING_VIOLATION (32) or ERROR_LOCK_VIOLATION (33); on Unix .NET reports flock's errno,
    // EWOULDBLOCK (11 on Linux, 35 on macOS).
    private static bool IsSharingViolation(IOException ex) =>
        OperatingSystem.IsWindows() ? (ex.HResult & 0xFFFF) is 32 or 33 : ex.HResult == (OperatingSystem.IsMacOS() ? 35 : 11);

    private sealed class FileRefreshLock(FileStream stream) : IRefreshLock
    {
        public CancellationToken Lost => CancellationToken.None;

        public ValueTask DisposeAsync() => stream.DisposeAsync();
    }
}
