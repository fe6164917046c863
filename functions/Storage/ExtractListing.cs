namespace SharedServicesPipeline.Functions.Storage;

/// <summary>The answer of <c>GET /api/extracts</c>: the latest run's manifest with a read link per file.</summary>
public sealed record ExtractListing(
    string ContractVersion,
    string RunId,
    string RunPath,
    DateTimeOffset GeneratedAt,
    string? Watermark,
    DateTimeOffset LinksExpireAt,
    string LinkKind,
    Uri Manifest,
    IReadOnlyList<ExtractLink> Files);

/// <summary>A file of the run with a short-lived read link to its immutable copy under <c>runs/{runId}/</c>.</summary>
public sealed record ExtractLink(string Name, string Table, long Rows, long Bytes, string Sha256, Uri Url);
