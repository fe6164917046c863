namespace SharedServicesPipeline.Publishing;

/// <summary>The mart as the publisher sees it: the tables of the extract contract. Implemented by the data mart.</summary>
public interface IExtractSource
{
    Task<IReadOnlyList<ExtractTable>> ReadTablesAsync(CancellationToken cancellationToken);

    /// <summary>Only the tables named, in the contract's order (a refresh reads again just what it has just written).</summary>
    async Task<IReadOnlyList<ExtractTable>> ReadTablesAsync(IReadOnlySet<string> names, CancellationToken cancellationToken) =>
        [.. (await ReadTablesAsync(cancellationToken)).Where(t => names.Contains(t.Name))];

    /// <summary>The id of the most recent submission loaded, or null for an empty mart.</summary>
    Task<string?> ReadWatermarkAsync(CancellationToken cancellationToken);
}
