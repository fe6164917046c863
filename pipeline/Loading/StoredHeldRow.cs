using SharedServicesPipeline.Pipeline.Validation;

namespace SharedServicesPipeline.Pipeline.Loading;

/// <summary>A row still held in the mart, with the submission it came in (and the council that sent it, if from a council's folder).</summary>
public sealed record StoredHeldRow(int Id, string SubmissionId, DateTimeOffset ReceivedAt, HeldRow Row, string? SubmittingCouncil = null);
