using SharedServicesPipeline.Publishing.Dashboard;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Dashboard;

/// <summary>A mart with no arrangements yet (a new deployment) still publishes a dashboard that opens cleanly.</summary>
public sealed class EmptyDashboardTests : IClassFixture<HeadlessChromium>
{
    private readonly HeadlessChromium _chromium;

    public EmptyDashboardTests(HeadlessChromium chromium) => _chromium = chromium;

    [Fact]
    public async Task Dashboard_of_an_empty_mart_opens_without_errors_and_says_nothing_is_loaded()
    {
        await using var mart = await TestMart.CreateAsync();
        await mart.RefreshAsync();

        await using var opened = await _chromium.OpenAsync(Path.Combine(mart.ExtractsPath, DashboardArtifact.FileName));

        Assert.Empty(opened.ConsoleErrors);
        Assert.Equal("0", await opened.Page.Locator("[data-figure='arrangements'] .value").TextContentAsync());
        Assert.Equal("–", await opened.Page.Locator("[data-figure='front-office-share'] .value").TextContentAsync());
        Assert.Equal("No arrangements have been loaded yet.", await opened.Page.Locator("#arrangements tbody tr").TextContentAsync());
    }
}
