using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace SharedServicesPipeline.Publishing.Councils;

/// <summary>
/// The refresh's step before publishing: computes the council comparison from the mart's tables and the shipped
/// boundaries, and stores it in the mart (replacing the last one), so the run publishes it from there.
/// </summary>
public sealed partial class CouncilComparisonRefresh
{
    private readonly IExtractSource _source;
    private readonly ICouncilComparisonStore _store;
    private readonly CouncilBoundaries _boundaries;
    private readonly ILogger<CouncilComparisonRefresh> _logger;

    public CouncilComparisonRefresh(IExtractSource source, ICouncilComparisonStore store, CouncilBoundaries boundaries, ILogger<CouncilComparisonRefresh> logger)
    {
        _source = source;
        _store = store;
        _boundaries = boundaries;
        _logger = logger;
    }

    /// <summary>
    /// Computes the comparison as of <paramref name="asOf"/> from <paramref name="tables"/> (the mart's, as just read)
    /// and stores it; the same mart, boundaries and day store the same rows. Returns <paramref name="tables"/> with the
    /// comparison's own as stored (read again from the mart: only they changed).
    /// </summary>
    public async Task<IReadOnlyList<ExtractTable>> RunAsync(DateOnly asOf, IReadOnlyList<ExtractTable> tables, CancellationToken cancellationToken)
    {
        await StoreAsync(asOf, tables, cancellationToken);
        var stored = await _source.ReadTablesAsync(CouncilComparisonTables.Names, cancellationToken);
        return [.. tables.Select(t => stored.FirstOrDefault(s => s.Name == t.Name) ?? t)];
    }

    private async Task<CouncilComparison> StoreAsync(DateOnly asOf, IReadOnlyList<ExtractTable> tables, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var comparison = CouncilComparison.Compute(tables, _boundaries, asOf);
        await _store.ReplaceAsync(comparison, cancellationToken);
        LogStored(comparison.Neighbours.Count, comparison.Peers.Count, comparison.Opportunities.Count, comparison.Councils.Count, stopwatch.Elapsed.TotalMilliseconds);
        return comparison;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Council comparison stored in the mart: {Neighbours} neighbours, {Peers} peers, {Opportunities} opportunities of {Councils} councils in {ElapsedMs:0} ms")]
    private partial void LogStored(int neighbours, int peers, int opportunities, int councils, double elapsedMs);
}
