namespace SharedServicesPipeline.Pipeline.Intake;

/// <summary>
/// Where submissions wait and are filed: a blob container or a local folder. Storage only; what to do with a file
/// (attempts, giving up, where it is filed, collisions) is <see cref="SubmissionIntake"/>'s, the same for every store.
/// Names are relative to the incoming area, with '/' between folders (<c>E07000223/return.xlsx</c>).
/// </summary>
public interface ISubmissionStore
{
    /// <summary>The submissions waiting, oldest first.</summary>
    Task<IReadOnlyList<StoredSubmission>> ListAsync(CancellationToken cancellationToken);

    /// <summary>The submission of that name, or null when it is no longer waiting (moved by an earlier delivery).</summary>
    Task<StoredSubmission?> FindAsync(string name, CancellationToken cancellationToken);

    /// <summary>Counts one more attempt on the submission, durably; returns that attempt's number (1 for the first).</summary>
    Task<int> RecordAttemptAsync(StoredSubmission submission, CancellationToken cancellationToken);

    Task<Stream> OpenReadAsync(StoredSubmission submission, CancellationToken cancellationToken);

    /// <summary>
    /// The submission id recorded on the copy filed at <paramref name="path"/> on <paramref name="shelf"/>: null when
    /// there is none, "" when there is one without an id.
    /// </summary>
    Task<string?> FiledSubmissionIdAsync(SubmissionShelf shelf, string path, CancellationToken cancellationToken);

    /// <summary>
    /// Files the submission at <paramref name="path"/> on <paramref name="shelf"/> with its id, then removes it from the
    /// incoming area (and its attempts): copied first, removed only once the copy exists, so a fault never loses it. A copy
    /// already at the path is replaced (the policy only lets that happen for the same submission).
    /// </summary>
    Task MoveAsync(StoredSubmission submission, SubmissionShelf shelf, string path, string submissionId, CancellationToken cancellationToken);
}
