using SharedServicesPipeline.Pipeline;
using SharedServicesPipeline.Pipeline.Submissions;

namespace SharedServicesPipeline.Cli;

/// <summary>
/// The local twin of the blob function: a file in <c>incoming/</c> is ingested, then moved to
/// <c>processed/{yyyy}/{MM}/{dd}/</c> or <c>rejected/…</c> beside it — copied first, removed after.
/// </summary>
internal sealed class FolderSubmissionProcessor
{
    private readonly string _root;
    private readonly PipelineRunner _runner;

    public FolderSubmissionProcessor(string incoming, PipelineRunner runner)
    {
        Incoming = Path.GetFullPath(incoming);
        _root = Path.GetDirectoryName(Incoming) ?? Incoming;
        _runner = runner;
    }

    public string Incoming { get; }

    /// <summary>Files waiting, oldest first; files changed within <paramref name="settle"/> may still be being written and wait.</summary>
    public IReadOnlyList<FileInfo> Waiting(TimeSpan settle) =>
        [.. new DirectoryInfo(Incoming).EnumerateFiles()
            .Where(f => !f.Name.StartsWith('.') && !f.Name.StartsWith("~$", StringComparison.Ordinal))
            .Where(f => DateTime.UtcNow - f.LastWriteTimeUtc >= settle)
            .OrderBy(f => f.LastWriteTimeUtc)];

    public async Task<SubmissionOutcome> ProcessAsync(FileInfo file, CancellationToken cancellationToken)
    {
        var outcome = await _runner.IngestAsync(file.FullName, cancellationToken);
        var folder = outcome.Disposition == SubmissionDisposition.Rejected ? "rejected" : "processed";
        var received = DateTime.UtcNow;
        var targetDir = SafePath.Combine(_root, folder, received.ToString("yyyy", System.Globalization.CultureInfo.InvariantCulture),
            received.ToString("MM", System.Globalization.CultureInfo.InvariantCulture), received.ToString("dd", System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(targetDir);
        var target = Path.Combine(targetDir, SafePath.FileName(file.Name));
        if (File.Exists(target))
        {
            target = Path.Combine(targetDir, $"{Path.GetFileNameWithoutExtension(file.Name)}-{outcome.SubmissionId}{Path.GetExtension(file.Name)}");
        }

        File.Copy(file.FullName, target, overwrite: true);
        file.Delete();
        return outcome;
    }
}
