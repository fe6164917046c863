using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using SharedServicesPipeline.DataMart;
using SharedServicesPipeline.Functions.Functions;
using SharedServicesPipeline.Functions.Reference;
using SharedServicesPipeline.Functions.Storage;
using SharedServicesPipeline.Pipeline;
using SharedServicesPipeline.Publishing;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Extracts;

/// <summary>The HTTP functions of the extracts over real Azurite: <c>POST /api/refresh</c> and <c>GET /api/extracts</c>.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ListExtractsFunctionTests
{
    [Fact]
    public async Task Extracts_listing_gives_short_lived_links_that_download_the_latest_runs_files()
    {
        await using var host = await FunctionsHost.StartAsync();
        await host.InScopeAsync(sp => ExtractsMartSeed.SeedAsync(sp.GetRequiredService<MartDbContext>()));
        var refresh = await host.InScopeAsync(sp => sp.GetRequiredService<ExtractRefresher>().RefreshAsync(CancellationToken.None));

        var result = await host.InScopeAsync(sp => new ListExtracts(sp.GetRequiredService<ExtractLinks>()).Run(new DefaultHttpContext().Request, CancellationToken.None));

        var listing = Assert.IsType<ExtractListing>(Assert.IsType<JsonResult>(result).Value);
        Assert.Equal(refresh.RunId, listing.RunId);
        Assert.Equal("service-sas", listing.LinkKind); // Azurite's connection string has a key; Azure uses user-delegation SAS
        Assert.InRange(listing.LinksExpireAt - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(16));
        Assert.Equal(refresh.Files.Select(f => f.Name), listing.Files.Select(f => f.Name));
        Assert.Contains(listing.Files, f => f.Name == CompendiumWorkbook.FileName);
        using var http = new HttpClient();
        foreach (var file in listing.Files)
        {
            Assert.StartsWith($"/devstoreaccount1/{host.Containers.Extracts}/runs/{refresh.RunId}/", file.Url.AbsolutePath, StringComparison.Ordinal);
            Assert.Contains("sig=", file.Url.Query, StringComparison.Ordinal);
            var content = await http.GetByteArrayAsync(file.Url);
            Assert.Equal(file.Sha256, Convert.ToHexStringLower(SHA256.HashData(content)));
        }

        var manifest = JsonSerializer.Deserialize<ExtractManifest>(await http.GetByteArrayAsync(listing.Manifest), PublishedJson.Options)!;
        Assert.Equal(refresh.RunId, manifest.RunId);

        // The links read, and nothing more: the same link cannot write.
        using var write = await http.PutAsync(listing.Files[0].Url, new ByteArrayContent([1, 2, 3]) { Headers = { { "x-ms-blob-type", "BlockBlob" } } });
        Assert.False(write.IsSuccessStatusCode);
        var unsigned = new UriBuilder(listing.Files[0].Url) { Query = "" }.Uri;
        using var anonymous = await http.GetAsync(unsigned);
        Assert.False(anonymous.IsSuccessStatusCode);
    }

    [Fact]
    public async Task Extracts_listing_is_not_found_before_the_first_refresh()
    {
        await using var host = await FunctionsHost.StartAsync();

        var result = await host.InScopeAsync(sp => new ListExtracts(sp.GetRequiredService<ExtractLinks>()).Run(new DefaultHttpContext().Request, CancellationToken.None));

        Assert.IsType<NotFoundObjectResult>(result);
    }

    [Fact]
    public async Task Refresh_over_http_returns_the_run_record_and_409_while_another_refresh_runs()
    {
        await using var host = await FunctionsHost.StartAsync(new Dictionary<string, string?> { ["Publish:LockWait"] = "00:00:00" });
        await host.InScopeAsync(sp => ExtractsMartSeed.SeedAsync(sp.GetRequiredService<MartDbContext>()));

        var ok = Assert.IsType<JsonResult>(await host.InScopeAsync(sp => new RefreshNow(sp.GetRequiredService<ExtractRefresher>()).Run(Post(), CancellationToken.None)));
        Assert.Equal(StatusCodes.Status200OK, ok.StatusCode);
        using var record = JsonDocument.Parse(JsonSerializer.Serialize(ok.Value, PublishedJson.Options));
        Assert.Equal("succeeded", record.RootElement.GetProperty("outcome").GetString());
        var runId = record.RootElement.GetProperty("run_id").GetString();
        Assert.Equal(runId, record.RootElement.GetProperty("latest_run_id").GetString());
        Assert.True(record.RootElement.GetProperty("duration_ms").GetDouble() >= 0);
        Assert.True(record.RootElement.GetProperty("rows").GetInt64() > 0);
        Assert.False(record.RootElement.GetProperty("no_change").GetBoolean());
        Assert.Contains(record.RootElement.GetProperty("files").EnumerateArray(), f => f.GetProperty("name").GetString() == "fact_arrangement.parquet");

        var again = Assert.IsType<JsonResult>(await host.InScopeAsync(sp => new RefreshNow(sp.GetRequiredService<ExtractRefresher>()).Run(Post(), CancellationToken.None)));
        Assert.Equal(StatusCodes.Status200OK, again.StatusCode);
        Assert.True(Assert.IsType<RefreshOutcome>(again.Value).NoChange);

        await using (await host.Services.GetRequiredService<IExtractStore>().TryLockAsync(CancellationToken.None))
        {
            var busy = Assert.IsType<JsonResult>(await host.InScopeAsync(sp => new RefreshNow(sp.GetRequiredService<ExtractRefresher>()).Run(Post(), CancellationToken.None)));
            Assert.Equal(StatusCodes.Status409Conflict, busy.StatusCode);
            Assert.Equal(RefreshStatus.Busy, Assert.IsType<RefreshOutcome>(busy.Value).Status);
        }
    }

    private static HttpRequest Post()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        return context.Request;
    }
}
