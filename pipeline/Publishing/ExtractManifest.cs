namespace SharedServicesPipeline.Pipeline.Publishing;

/// <summary>The manifest written last in every run: a reader that reads it first sees one complete run.</summary>
public sealed record ExtractManifest(
    string ContractVersion,
    string RunId,
    DateTimeOffset GeneratedAt,
    string? Watermark,
    IReadOnlyList<ExtractManifestFile> Files)
{
    public const string FileName = "manifest.json";
    public const string CurrentContractVersion = "1";
}

public sealed record ExtractManifestFile(string Name, string Table, long Rows, long Bytes, string Sha256, IReadOnlyList<ExtractManifestColumn> Columns);

public sealed record ExtractManifestColumn(string Name, string Type);
