namespace SharedServicesPipeline.Publishing.Councils;

/// <summary>
/// Where the refresh keeps the council comparison (the mart's council_neighbour, council_peer and council_opportunity),
/// so that the extracts and Power BI read it as they read every other table.
/// </summary>
public interface ICouncilComparisonStore
{
    /// <summary>Replaces the stored comparison with <paramref name="comparison"/> in one transaction: readers see the old rows or the new, never a mix.</summary>
    Task ReplaceAsync(CouncilComparison comparison, CancellationToken cancellationToken);
}
