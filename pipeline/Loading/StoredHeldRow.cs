using SharedServicesPipeline.Pipeline.Validation;

namespace SharedServicesPipeline.Pipeline.Loading;

/// <summary>A row still held in the mart, with the submission it came in.</summary>
public sealed record StoredHeldRow(int Id, string SubmissionId, DateTimeOffset ReceivedAt, HeldRow Row);
