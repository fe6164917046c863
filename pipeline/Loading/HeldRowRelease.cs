namespace SharedServicesPipeline.Pipeline.Loading;

/// <summary>A held row settled by a later validation: loaded with the batch, or rejected with the reason.</summary>
public sealed record HeldRowRelease(int HeldRowId, bool Loaded, string? Reason = null);
