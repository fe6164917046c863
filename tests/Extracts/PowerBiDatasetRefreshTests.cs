using System.Collections.Concurrent;
using System.Text.Json;
using Azure.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SharedServicesPipeline.DataMart;
using SharedServicesPipeline.Functions.PowerBi;
using SharedServicesPipeline.Pipeline;
using SharedServicesPipeline.Publishing;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Extracts;

/// <summary>The Power BI dataset refresh against a real HTTP server on 127.0.0.1 standing in for the Power BI API.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PowerBiDatasetRefreshTests
{
    private const string Workspace = "0f8e7a3c-1111-4a6b-9c1e-2b3c4d5e6f70";
    private const string Dataset = "7d6c5b4a-2222-4c3d-8e9f-a0b1c2d3e4f5";

    [Fact]
    public async Task After_a_publish_Power_BI_is_asked_to_refresh_the_dataset_with_a_bearer_token()
    {
        await using var api = await FakePowerBiApi.StartAsync(StatusCodes.Status202Accepted);
        await using var host = await FunctionsHost.StartAsync(Enabled(api), s => s.AddKeyedSingleton<TokenCredential>(PowerBiDatasetRefresh.CredentialKey, new StaticToken("test-token-123")));
        await host.InScopeAsync(sp => ExtractsMartSeed.SeedAsync(sp.GetRequiredService<MartDbContext>()));

        var outcome = await host.InScopeAsync(sp => sp.GetRequiredService<ExtractRefresher>().RefreshAsync(CancellationToken.None));

        Assert.Equal(RefreshStatus.Succeeded, outcome.Status);
        var request = Assert.Single(api.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/v1.0/myorg/groups/{Workspace}/datasets/{Dataset}/refreshes", request.Path);
        Assert.Equal("Bearer test-token-123", request.Authorization);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("NoNotification", body.RootElement.GetProperty("notifyOption").GetString());
        var notice = Assert.Single(outcome.Notices);
        Assert.Contains($"Power BI dataset {Dataset} refresh requested", notice, StringComparison.Ordinal);
        Assert.Contains("req-42", notice, StringComparison.Ordinal);

        // Nothing changed, nothing published: Power BI is not asked again.
        var unchanged = await host.InScopeAsync(sp => sp.GetRequiredService<ExtractRefresher>().RefreshAsync(CancellationToken.None));
        Assert.Equal(RefreshStatus.NoChange, unchanged.Status);
        Assert.Single(api.Requests);
    }

    [Fact]
    public async Task Power_BI_is_off_by_default_and_never_called()
    {
        await using var api = await FakePowerBiApi.StartAsync(StatusCodes.Status202Accepted);
        await using var services = Compose(new Dictionary<string, string?> { ["PowerBI:ApiBaseAddress"] = api.BaseAddress.ToString() });

        var notice = await services.GetRequiredService<IPublishNotifier>().NotifyAsync(Manifest(), CancellationToken.None);

        Assert.Null(notice);
        Assert.Empty(api.Requests);
    }

    [Theory]
    [InlineData("false", Workspace, Dataset, false)]
    [InlineData(null, Workspace, Dataset, true)] // infra/ sets the ids, or leaves them empty for off
    [InlineData(null, "", "", false)]
    [InlineData("true", Workspace, Dataset, true)]
    public async Task Power_BI_is_called_only_when_switched_on_or_given_both_ids_without_a_switch(string? enabled, string workspace, string dataset, bool called)
    {
        await using var api = await FakePowerBiApi.StartAsync(StatusCodes.Status202Accepted);
        await using var services = Compose(new Dictionary<string, string?>
        {
            ["PowerBI:Enabled"] = enabled,
            ["PowerBI:WorkspaceId"] = workspace,
            ["PowerBI:DatasetId"] = dataset,
            ["PowerBI:ApiBaseAddress"] = api.BaseAddress.ToString(),
        });

        var notice = await services.GetRequiredService<IPublishNotifier>().NotifyAsync(Manifest(), CancellationToken.None);

        Assert.Equal(called, notice is not null);
        Assert.Equal(called ? 1 : 0, api.Requests.Count);
    }

    [Fact]
    public async Task A_refusal_from_Power_BI_is_reported_with_what_to_check_and_the_run_stays_published()
    {
        await using var api = await FakePowerBiApi.StartAsync(StatusCodes.Status403Forbidden);
        await using var host = await FunctionsHost.StartAsync(Enabled(api), s => s.AddKeyedSingleton<TokenCredential>(PowerBiDatasetRefresh.CredentialKey, new StaticToken("t")));
        await host.InScopeAsync(sp => ExtractsMartSeed.SeedAsync(sp.GetRequiredService<MartDbContext>()));

        var outcome = await host.InScopeAsync(sp => sp.GetRequiredService<ExtractRefresher>().RefreshAsync(CancellationToken.None));

        Assert.Equal(RefreshStatus.Succeeded, outcome.Status);
        Assert.Equal(outcome.RunId, outcome.LatestRunId);
        var notice = Assert.Single(outcome.Notices);
        Assert.Contains("403", notice, StringComparison.Ordinal);
        Assert.Contains("member of the workspace", notice, StringComparison.Ordinal);
        Assert.Single(api.Requests); // a refusal is not retried
        var record = await host.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<MartDbContext>().RefreshRuns.Single(r => r.RunId == outcome.RunId)));
        Assert.Contains("403", record.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Enabled_without_workspace_and_dataset_ids_fails_at_start_with_what_to_set()
    {
        using var services = Compose(new Dictionary<string, string?> { ["PowerBI:Enabled"] = "true" });

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => services.GetRequiredService<IPublishNotifier>());
        Assert.Contains("PowerBI:WorkspaceId", error.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Enabled(FakePowerBiApi api) => new()
    {
        ["PowerBI:Enabled"] = "true",
        ["PowerBI:WorkspaceId"] = Workspace,
        ["PowerBI:DatasetId"] = Dataset,
        ["PowerBI:ApiBaseAddress"] = api.BaseAddress.ToString(),
    };

    private static ServiceProvider Compose(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPowerBiDatasetRefresh(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddKeyedSingleton<TokenCredential>(PowerBiDatasetRefresh.CredentialKey, new StaticToken("t"));
        return services.BuildServiceProvider();
    }

    private static ExtractManifest Manifest() => new("1", "run-1", "runs/run-1/", DateTimeOffset.UtcNow, null, "test", []);

    private sealed class StaticToken(string token) : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            requestContext.Scopes.SequenceEqual(["https://analysis.windows.net/powerbi/api/.default"])
                ? new AccessToken(token, DateTimeOffset.UtcNow.AddHours(1))
                : throw new InvalidOperationException("Wrong scope: " + string.Join(' ', requestContext.Scopes));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }

    /// <summary>Kestrel on 127.0.0.1 and a free port, answering the refresh call with a fixed status and recording every request.</summary>
    private sealed class FakePowerBiApi : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private FakePowerBiApi(WebApplication app) => _app = app;

        public ConcurrentQueue<(string Method, string Path, string? Authorization, string Body)> Requests { get; } = new();

        public Uri BaseAddress => new(_app.Urls.First() + "/");

        public static async Task<FakePowerBiApi> StartAsync(int status)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var api = new FakePowerBiApi(app);
            app.Run(async context =>
            {
                using var reader = new StreamReader(context.Request.Body);
                api.Requests.Enqueue((context.Request.Method, context.Request.Path.Value ?? "", context.Request.Headers.Authorization.ToString(), await reader.ReadToEndAsync()));
                context.Response.StatusCode = status;
                context.Response.Headers["RequestId"] = "req-42";
                if (status >= 400)
                {
                    await context.Response.WriteAsJsonAsync(new { error = new { code = "PowerBINotAuthorizedException" } });
                }
            });
            await app.StartAsync();
            return api;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
