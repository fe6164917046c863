namespace SharedServicesPipeline.Publishing;

/// <summary>Every extract table as <c>{table}.parquet</c> beside its CSV.</summary>
public sealed class ParquetExtracts : IPublishedArtifact
{
    public async Task<IReadOnlyList<PublishedFile>> BuildAsync(IReadOnlyList<ExtractTable> tables, PublishContext context, CancellationToken cancellationToken)
    {
        var files = new List<PublishedFile>(tables.Count);
        foreach (var table in tables)
        {
            files.Add(new PublishedFile(table.Name + ".parquet", await ParquetExtractWriter.WriteAsync(table, cancellationToken), table.Name, table.RowCount));
        }

        return files;
    }
}
