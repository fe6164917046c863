using SharedServicesPipeline.Pipeline.Validation;

namespace SharedServicesPipeline.Pipeline.Loading;

/// <summary>Everything one submission contributes to the mart, loaded all or nothing: who sent what, and its rows.</summary>
public sealed record SubmissionBatch(
    string SubmissionId,
    string FileName,
    string Sha256,
    DateTimeOffset ReceivedAt,
    string? Submitter,
    ISubmissionRows Rows)
{
    /// <summary>A batch whose rows are already in memory (held rows released at a refresh, tests).</summary>
    public SubmissionBatch(
        string submissionId,
        string fileName,
        string sha256,
        DateTimeOffset receivedAt,
        string? submitter,
        int rowsRead,
        int rowsRejected,
        IReadOnlyList<ArrangementRecord> arrangements,
        IReadOnlyList<HeldRow> held)
        : this(submissionId, fileName, sha256, receivedAt, submitter, new InMemorySubmissionRows(rowsRead, rowsRejected, arrangements, held))
    {
    }

    /// <summary>Rows held earlier that this batch settles (loaded or rejected), in the same transaction as its arrangements.</summary>
    public IReadOnlyList<HeldRowRelease> ReleasedHeldRows { get; init; } = [];

    /// <summary>The GSS code of the council that submitted it from its own folder (dim_submission.submitting_council); null for the programme team.</summary>
    public string? SubmittingCouncil { get; init; }
}
