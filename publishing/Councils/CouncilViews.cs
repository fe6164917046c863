using SharedServicesPipeline.Publishing;
using SharedServicesPipeline.Pipeline.Reference;

namespace SharedServicesPipeline.Publishing.Councils;

/// <summary>
/// Serves council views from the mart as it is now: the tables a view shows (authorities, arrangements, partners and
/// the council comparison, not the history or dates) and the comparison as the last refresh stored it, read by
/// <see cref="CouncilComparisonRows"/> as the dashboard reads it; computed as the refresh does while none is stored.
/// </summary>
public sealed class CouncilViews
{
    private static readonly IReadOnlySet<string> Shown = new HashSet<string>(
        ["dim_authority", "dim_service_area", "fact_arrangement", "bridge_arrangement_partner", .. CouncilComparisonTables.Names], StringComparer.Ordinal);

    private readonly IExtractSource _source;
    private readonly CouncilBoundaries _boundaries;
    private readonly AuthorityRegister _register;
    private readonly TimeProvider _clock;

    public CouncilViews(IExtractSource source, CouncilBoundaries boundaries, AuthorityRegister register, TimeProvider clock)
    {
        _source = source;
        _boundaries = boundaries;
        _register = register;
        _clock = clock;
    }

    /// <summary>The view of the council with GSS code <paramref name="code"/>, or null when the mart has no such council.</summary>
    public async Task<CouncilView?> BuildAsync(string code, CancellationToken cancellationToken)
    {
        var tables = await _source.ReadTablesAsync(Shown, cancellationToken);
        var asOf = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        var stored = CouncilComparisonRows.Read(tables, _boundaries);
        var comparison = stored.Neighbours.Count > 0 || stored.Peers.Count > 0 ? stored : CouncilComparison.Compute(tables, _boundaries, asOf);
        return CouncilViewBuilder.Build(tables, comparison, _register, code, asOf);
    }
}
