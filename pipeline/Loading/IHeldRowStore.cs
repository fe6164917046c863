namespace SharedServicesPipeline.Pipeline.Loading;

/// <summary>Rows held for review, as the refresh sees them. Implemented by the data mart.</summary>
public interface IHeldRowStore
{
    /// <summary>The rows still held, oldest submission first.</summary>
    Task<IReadOnlyList<StoredHeldRow>> ListHeldAsync(CancellationToken cancellationToken);

    /// <summary>Brings the review list (names, occurrences, candidates) up to date with the held rows and the current matcher.</summary>
    Task RefreshReviewNamesAsync(CancellationToken cancellationToken);
}
