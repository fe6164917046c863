using Microsoft.Extensions.DependencyInjection;
using SharedServicesPipeline.Publishing.Councils;
using SharedServicesPipeline.Publishing;
using SharedServicesPipeline.Tests.Dashboard;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Councils;

/// <summary>The dashboard's test mart (the built-in register and sixteen arrangements), its tables read back, and the comparison over them.</summary>
public sealed class ComparedMart : IAsyncLifetime
{
    public static readonly DateOnly AsOf = new(2026, 12, 1);

    private TestMart? _mart;

    internal TestMart Mart => _mart ?? throw new InvalidOperationException("Not initialised.");

    public IReadOnlyList<ExtractTable> Tables { get; private set; } = [];

    public CouncilComparison Comparison { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _mart = await DashboardTestData.CreateMartAsync();
        await using var scope = _mart.Services.CreateAsyncScope();
        Tables = await scope.ServiceProvider.GetRequiredService<IExtractSource>().ReadTablesAsync(CancellationToken.None);
        Comparison = CouncilComparison.Compute(Tables, CouncilBoundaries.BuiltIn, AsOf);
        await _mart.RefreshAsync();
    }

    public async Task DisposeAsync()
    {
        if (_mart is not null)
        {
            await _mart.DisposeAsync();
        }
    }
}
