using SharedServicesPipeline.Publishing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SharedServicesPipeline.Functions.Functions;
using SharedServicesPipeline.Functions.Reference;
using SharedServicesPipeline.Functions.Storage;
using SharedServicesPipeline.Pipeline;
using SharedServicesPipeline.Publishing.Dashboard;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Dashboard;

/// <summary>In Azure every refresh also puts dashboard.html on the static website ($web), over real Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class StaticWebsiteTests
{
    [Fact]
    public async Task Refresh_copies_the_latest_dashboard_to_the_static_website()
    {
        var website = "t" + Guid.NewGuid().ToString("N")[..10] + "-web";
        await using var host = await FunctionsHost.StartAsync(new Dictionary<string, string?> { ["Containers:Website"] = website });
        var container = host.Container(website);
        await container.CreateIfNotExistsAsync(); // what turning on the static website does
        try
        {
            await host.InScopeAsync(sp => RefreshNowAsync(sp));

            var page = await container.GetBlobClient(DashboardArtifact.FileName).DownloadContentAsync();
            var latest = await host.Container(host.Containers.Extracts).GetBlobClient("latest/" + DashboardArtifact.FileName).DownloadContentAsync();
            Assert.Equal(latest.Value.Content.ToArray(), page.Value.Content.ToArray());
            Assert.Equal("text/html; charset=utf-8", page.Value.Details.ContentType);
            Assert.Contains("<title>Shared services in local government</title>", page.Value.Content.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            await container.DeleteIfExistsAsync();
        }
    }

    [Fact]
    public async Task Refresh_without_a_static_website_still_publishes_the_extracts()
    {
        var website = "t" + Guid.NewGuid().ToString("N")[..10] + "-web";
        await using var host = await FunctionsHost.StartAsync(new Dictionary<string, string?> { ["Containers:Website"] = website });

        await host.InScopeAsync(sp => RefreshNowAsync(sp));

        Assert.Contains("latest/" + DashboardArtifact.FileName, await host.ListAsync(host.Containers.Extracts));
        Assert.False(await host.Container(website).ExistsAsync());
    }

    private static async Task<int> RefreshNowAsync(IServiceProvider services)
    {
        var function = new RefreshNow(services.GetRequiredService<ExtractRefresher>());
        await function.Run(new DefaultHttpContext().Request, CancellationToken.None);
        return 0;
    }
}
