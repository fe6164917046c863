using SharedServicesPipeline.Publishing;
using SharedServicesPipeline.Publishing.Dashboard;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Dashboard;

/// <summary>The test data loaded into a real SQLite mart, published once (extracts and dashboard.html), and Chromium to look at it.</summary>
public sealed class PublishedDashboard : IAsyncLifetime
{
    private TestMart? _mart;

    internal TestMart Mart => _mart ?? throw new InvalidOperationException("Not initialised.");

    public RefreshOutcome Refresh { get; private set; } = null!;

    public HeadlessChromium Chromium { get; } = new();

    public string Path => System.IO.Path.Combine(Mart.ExtractsPath, DashboardArtifact.FileName);

    public async Task InitializeAsync()
    {
        _mart = await DashboardTestData.CreateMartAsync();
        Refresh = await _mart.RefreshAsync();
        await Chromium.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Chromium.DisposeAsync();
        if (_mart is not null)
        {
            await _mart.DisposeAsync();
        }
    }
}
