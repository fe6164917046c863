namespace SharedServicesPipeline.Publishing;

/// <summary>
/// The manifest written last in every run, and the contract for readers: it names the immutable run folder
/// (<see cref="RunPath"/>) that holds exactly the files it lists, with their sizes and SHA-256.
/// </summary>
public sealed record ExtractManifest(
    string ContractVersion,
    string RunId,
    string RunPath,
    DateTimeOffset GeneratedAt,
    string? Watermark,
    string Generator,
    IReadOnlyList<ExtractManifestFile> Files)
{
    public const string FileName = "manifest.json";
    public const string CurrentContractVersion = "1";

    /// <summary>The folder of a run, relative to the extracts root (local folder or container).</summary>
    public static string RunPathOf(string runId) => $"runs/{runId}/";

    /// <summary>Rows of the extract tables (a table published as CSV and Parquet counts once).</summary>
    public long TableRows => Files.Where(f => f.Table.Length > 0).GroupBy(f => f.Table, StringComparer.Ordinal).Sum(g => g.First().Rows);
}

public sealed record ExtractManifestFile(string Name, string Table, long Rows, long Bytes, string Sha256, IReadOnlyList<ExtractManifestColumn> Columns);

public sealed record ExtractManifestColumn(string Name, string Type);
