using SharedServicesPipeline.Pipeline.Validation;

namespace SharedServicesPipeline.Pipeline.Loading;

/// <summary>Everything one submission contributes to the mart, loaded all or nothing.</summary>
public sealed record SubmissionBatch(
    string SubmissionId,
    string FileName,
    string Sha256,
    DateTimeOffset ReceivedAt,
    string? Submitter,
    int RowsRead,
    int RowsRejected,
    IReadOnlyList<ArrangementRecord> Arrangements,
    IReadOnlyList<HeldRow> Held)
{
    /// <summary>Rows held earlier that this batch settles (loaded or rejected), in the same transaction as its arrangements.</summary>
    public IReadOnlyList<HeldRowRelease> ReleasedHeldRows { get; init; } = [];
}
