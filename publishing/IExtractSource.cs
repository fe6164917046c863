namespace SharedServicesPipeline.Publishing;

/// <summary>The mart as the publisher sees it: the tables of the extract contract. Implemented by the data mart.</summary>
public interface IExtractSource
{
    Task<IReadOnlyList<ExtractTable>> ReadTablesAsync(CancellationToken cancellationToken);

    /// <summary>The id of the most recent submission loaded, or null for an empty mart.</summary>
    Task<string?> ReadWatermarkAsync(CancellationToken cancellationToken);
}
