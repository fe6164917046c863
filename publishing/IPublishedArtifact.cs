namespace SharedServicesPipeline.Publishing;

/// <summary>
/// Something published with every run besides the per-table CSVs: Parquet files, the compendium workbook, the map's
/// GeoJSON, the dashboard. Built from the same tables as the extracts, so every output agrees with the others.
/// </summary>
public interface IPublishedArtifact
{
    Task<IReadOnlyList<PublishedFile>> BuildAsync(IReadOnlyList<ExtractTable> tables, PublishContext context, CancellationToken cancellationToken);
}

/// <summary>A file of a run. <paramref name="Table"/> names the extract table it carries, if it is one.</summary>
public sealed record PublishedFile(string Name, ReadOnlyMemory<byte> Content, string? Table = null, long? Rows = null);

/// <summary>What an artifact may want to show: the run and when it was made.</summary>
public sealed record PublishContext(string RunId, DateTimeOffset GeneratedAt, string? Watermark);
