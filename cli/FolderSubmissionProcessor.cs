using SharedServicesPipeline.Pipeline;
using SharedServicesPipeline.Pipeline.Submissions;

namespace SharedServicesPipeline.Cli;

/// <summary>
/// The local twin of the blob function: a file in <c>incoming/</c> is ingested, then moved to
/// <c>processed/{yyyy}/{MM}/{dd}/</c> or <c>rejected/…</c> beside it — copied first, removed after. Attempts are counted
/// in <c>incoming/.ssp-attempts/</c> (surviving a restart); a file that faults on the last allowed attempt goes to
/// <c>rejected/</c> with a report, as the blob trigger does, instead of being tried for ever.
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

    /// <summary>Attempts made on <paramref name="file"/> so far (its last one included).</summary>
    public int AttemptsOf(FileInfo file) =>
        File.Exists(AttemptsPath(file)) && int.TryParse(File.ReadAllText(AttemptsPath(file)).Trim(), System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;

    public async Task<SubmissionOutcome> ProcessAsync(FileInfo file, CancellationToken cancellationToken)
    {
        var attempt = AttemptsOf(file) + 1;
        Directory.CreateDirectory(Path.GetDirectoryName(AttemptsPath(file))!);
        await File.WriteAllTextAsync(AttemptsPath(file), attempt.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
        SubmissionOutcome outcome;
        try
        {
            outcome = await _runner.IngestAsync(file.FullName, cancellationToken);
        }
        catch (Exception ex) when (attempt >= _runner.MaxAttempts && ex is not OperationCanceledException)
        {
            outcome = await _runner.GiveUpAsync(file.FullName, attempt, ex, cancellationToken);
        }

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
        File.Delete(AttemptsPath(file));
        return outcome;
    }

    private string AttemptsPath(FileInfo file) => Path.Combine(Incoming, ".ssp-attempts", SafePath.FileName(file.Name));
}
