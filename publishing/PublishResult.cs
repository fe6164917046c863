namespace SharedServicesPipeline.Publishing;

/// <summary>What a publish did: a new run made latest, or nothing because the latest run already holds the same data.</summary>
public sealed record PublishResult(bool Published, ExtractManifest Manifest);
