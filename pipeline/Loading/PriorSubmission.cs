namespace SharedServicesPipeline.Pipeline.Loading;

/// <summary>A submission already in the mart, found by the SHA-256 of its bytes.</summary>
public sealed record PriorSubmission(string SubmissionId, string FileName, DateTimeOffset ReceivedAt, int RowsRead, int RowsAccepted, int RowsRejected, int RowsHeld);
