using System.Globalization;
using SharedServicesPipeline.Pipeline;
using SharedServicesPipeline.Pipeline.Intake;

namespace SharedServicesPipeline.Cli;

/// <summary>
/// Submissions as files, the local twin of the blob containers: waiting in <c>incoming/</c> (a council's in
/// <c>incoming/&lt;GSS code&gt;/</c>), filed in <c>processed/</c> or <c>rejected/</c> beside it. Attempts are counted in
/// <c>incoming/.ssp-attempts/</c> and a filed copy's submission id is kept in <c>&lt;shelf&gt;/.ssp-ids/&lt;path&gt;.id</c> (both
/// survive a restart). A file changed within the settle time may still be being written and is not listed yet.
/// </summary>
internal sealed class FolderSubmissionStore : ISubmissionStore
{
    private const string AttemptsFolder = ".ssp-attempts";
    private const string IdsFolder = ".ssp-ids";

    private readonly string _root;
    private readonly TimeSpan _settle;

    public FolderSubmissionStore(string incoming, TimeSpan settle)
    {
        Incoming = Path.GetFullPath(incoming);
        _root = Path.GetDirectoryName(Incoming) ?? Incoming;
        _settle = settle;
    }

    public string Incoming { get; }

    public Task<IReadOnlyList<StoredSubmission>> ListAsync(CancellationToken cancellationToken)
    {
        var now = DateTime.UtcNow;
        IReadOnlyList<StoredSubmission> waiting = [.. new DirectoryInfo(Incoming).EnumerateFiles("*", SearchOption.AllDirectories)
            .Where(f => !IsHidden(Path.GetRelativePath(Incoming, f.FullName)))
            .Where(f => now - f.LastWriteTimeUtc >= _settle)
            .Select(f => Stored(f, NameOf(f)))
            .OrderBy(s => s.ReceivedAt)
            .ThenBy(s => s.Name, StringComparer.Ordinal)];
        return Task.FromResult(waiting);
    }

    public Task<StoredSubmission?> FindAsync(string name, CancellationToken cancellationToken)
    {
        var file = new FileInfo(PathOf(name));
        return Task.FromResult(file.Exists ? Stored(file, name) : null);
    }

    public async Task<int> RecordAttemptAsync(StoredSubmission submission, CancellationToken cancellationToken)
    {
        var attempt = AttemptsOf(submission.Name) + 1;
        var path = AttemptsPath(submission.Name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, attempt.ToString(CultureInfo.InvariantCulture), cancellationToken);
        return attempt;
    }

    public Task<Stream> OpenReadAsync(StoredSubmission submission, CancellationToken cancellationToken) =>
        Task.FromResult<Stream>(File.OpenRead(PathOf(submission.Name)));

    public async Task<string?> FiledSubmissionIdAsync(SubmissionShelf shelf, string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(ShelfPath(shelf, path)))
        {
            return null;
        }

        var id = IdPath(shelf, path);
        return File.Exists(id) ? (await File.ReadAllTextAsync(id, cancellationToken)).Trim() : "";
    }

    public async Task MoveAsync(StoredSubmission submission, SubmissionShelf shelf, string path, string submissionId, CancellationToken cancellationToken)
    {
        // The id first: a copy that exists always has the id of the submission that wrote it.
        var id = IdPath(shelf, path);
        Directory.CreateDirectory(Path.GetDirectoryName(id)!);
        await File.WriteAllTextAsync(id, submissionId, cancellationToken);
        var target = ShelfPath(shelf, path);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(PathOf(submission.Name), target, overwrite: true);
        File.Delete(PathOf(submission.Name));
        File.Delete(AttemptsPath(submission.Name));
    }

    /// <summary>Attempts made on the submission of that name so far.</summary>
    public int AttemptsOf(string name) =>
        File.Exists(AttemptsPath(name)) && int.TryParse(File.ReadAllText(AttemptsPath(name)).Trim(), CultureInfo.InvariantCulture, out var n) ? n : 0;

    /// <summary>The name of a file in incoming/ as the policy sees it: its path below incoming/, '/' between folders.</summary>
    public string NameOf(FileInfo file) => Path.GetRelativePath(Incoming, file.FullName).Replace(Path.DirectorySeparatorChar, '/');

    // The file's creation time, not the clock: every attempt at it sees the same time of receipt.
    private StoredSubmission Stored(FileInfo file, string name) =>
        new(name, new DateTimeOffset(file.CreationTimeUtc, TimeSpan.Zero), AttemptsOf(name), Environment.UserName);

    // Dot files and folders are ours or the system's; "~$…" is Office's lock file for a workbook still open.
    private static bool IsHidden(string relative) =>
        relative.Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.'))
        || Path.GetFileName(relative).StartsWith("~$", StringComparison.Ordinal);

    private string PathOf(string name) => SafePath.Combine(Incoming, Parts(name));

    private string AttemptsPath(string name) => SafePath.Combine(Incoming, [AttemptsFolder, .. Parts(name)]);

    private string ShelfPath(SubmissionShelf shelf, string path) => SafePath.Combine(_root, [ShelfFolder(shelf), .. Parts(path)]);

    // "<name>.id", so that a search of the shelf for a file's name finds the file alone.
    private string IdPath(SubmissionShelf shelf, string path) => SafePath.Combine(_root, [ShelfFolder(shelf), IdsFolder, .. Parts(path + ".id")]);

    private static string ShelfFolder(SubmissionShelf shelf) => shelf == SubmissionShelf.Rejected ? "rejected" : "processed";

    private static string[] Parts(string name) => name.Split('/', StringSplitOptions.RemoveEmptyEntries);
}
