namespace SharedServicesPipeline.Pipeline.Publishing;

/// <summary>What a refresh did: returned by <c>ssp refresh</c> and <c>POST /api/refresh</c>.</summary>
public sealed record RefreshOutcome(
    string RunId,
    DateTimeOffset StartedAt,
    TimeSpan Duration,
    string? Watermark,
    IReadOnlyList<ExtractManifestFile> Files,
    string Message);
