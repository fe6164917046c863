using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using SharedServicesPipeline.DataMart;
using SharedServicesPipeline.Functions.Functions;
using SharedServicesPipeline.Publishing.Councils;
using SharedServicesPipeline.Tests.Extracts;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Councils;

/// <summary><c>ssp council</c> (a separate process over the demo's mart) and <c>GET /api/councils/{code}</c> (over Azurite and SQLite).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CouncilCommandAndApiTests
{
    [Fact]
    public async Task Ssp_council_resolves_a_messy_name_as_the_code_does_reports_ambiguity_and_demo_says_how_to_open_a_view()
    {
        using var work = new TempFolder();
        var demo = await SspProcess.RunAsync(work.Path, "demo", "--samples", RepositoryPaths.Samples);
        Assert.True(demo.ExitCode == 0, demo.Error);
        Assert.Contains("#council=E10000012", demo.Output, StringComparison.Ordinal);

        var byName = await SspProcess.RunAsync(work.Path, "council", "Kent CC", "--json");
        var byCode = await SspProcess.RunAsync(work.Path, "council", "E10000016", "--json");
        var text = await SspProcess.RunAsync(work.Path, "council", "Kent", "County", "Council");
        var ambiguous = await SspProcess.RunAsync(work.Path, "council", "Richmond");
        var unknown = await SspProcess.RunAsync(work.Path, "council", "Gondor DC");

        Assert.True(byName.ExitCode == 0, byName.Error);
        Assert.Equal(byCode.Output, byName.Output);
        using var json = JsonDocument.Parse(byName.Output);
        var view = json.RootElement;
        Assert.Equal("E10000016", view.GetProperty("code").GetString());
        Assert.Contains(view.GetProperty("currentArrangements").EnumerateArray(), a => a.GetProperty("title").GetString() == "Kent Waste Partnership");
        Assert.Contains(view.GetProperty("neighbours").EnumerateArray(), n => n.GetProperty("code").GetString() == "E10000011" && n.GetProperty("sharesBoundary").GetBoolean()); // East Sussex
        Assert.Equal(CouncilPeers.Count, view.GetProperty("peers").GetArrayLength());
        Assert.Equal("dashboard.html#council=E10000016", view.GetProperty("dashboardLink").GetString());
        Assert.Equal(0, text.ExitCode);
        Assert.StartsWith("Kent County Council (E10000016)", text.Output, StringComparison.Ordinal);
        Assert.Contains("Neighbours:", text.Output, StringComparison.Ordinal);
        Assert.Contains("Councils like it:", text.Output, StringComparison.Ordinal);
        Assert.Equal(5, ambiguous.ExitCode);
        Assert.Contains("E09000027", ambiguous.Error, StringComparison.Ordinal);
        Assert.Contains("E07000166", ambiguous.Error, StringComparison.Ordinal);
        Assert.Equal(5, unknown.ExitCode);
        Assert.Contains("No council is known by 'Gondor DC'", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_council_returns_the_view_as_json_and_not_found_for_an_unknown_code()
    {
        await using var host = await FunctionsHost.StartAsync();
        await host.InScopeAsync(sp => ExtractsMartSeed.SeedAsync(sp.GetRequiredService<MartDbContext>()));

        var found = await host.InScopeAsync(sp => new GetCouncil(sp.GetRequiredService<CouncilViews>()).Run(new DefaultHttpContext().Request, "E07000143", CancellationToken.None));
        var missing = await host.InScopeAsync(sp => new GetCouncil(sp.GetRequiredService<CouncilViews>()).Run(new DefaultHttpContext().Request, "E99999999", CancellationToken.None));

        var file = Assert.IsType<FileContentResult>(found);
        Assert.Equal("application/json", file.ContentType);
        var view = JsonSerializer.Deserialize<CouncilView>(file.FileContents, CouncilViewJson.Options)!;
        Assert.Equal("Breckland District Council", view.Name);
        Assert.Equal([ExtractsMartSeed.PlusTitle, "Breckland and South Holland shared chief executive", "Powys and Breckland ICT"], view.CurrentArrangements.Select(a => a.Title).Order(StringComparer.Ordinal));
        Assert.Equal(595_000.50m, view.Savings.CurrentAnnualGbp);
        Assert.Contains(view.Neighbours, n => n.Name == "King's Lynn and West Norfolk Borough Council" || n.Code == "E07000146");
        Assert.IsType<NotFoundObjectResult>(missing);
    }
}
