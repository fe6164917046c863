namespace SharedServicesPipeline.Pipeline.Loading;

/// <summary>What re-resolving the held rows did: loaded now, rejected now, still held; <see cref="SubmissionId"/> is the batch that loaded them.</summary>
public sealed record HeldRowResolution(int Loaded, int Rejected, int StillHeld, string? SubmissionId = null, string? Error = null)
{
    public static HeldRowResolution None { get; } = new(0, 0, 0);
}
