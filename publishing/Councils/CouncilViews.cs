using SharedServicesPipeline.Publishing;
using SharedServicesPipeline.Pipeline.Reference;

namespace SharedServicesPipeline.Publishing.Councils;

/// <summary>Serves council views from the mart as it is now (its tables and the comparison over them, computed as the refresh does).</summary>
public sealed class CouncilViews
{
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
        var tables = await _source.ReadTablesAsync(cancellationToken);
        var asOf = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        var comparison = CouncilComparison.Compute(tables, _boundaries, asOf);
        return CouncilViewBuilder.Build(tables, comparison, _register, code, asOf);
    }
}
