using System.CommandLine;
using System.Text.Json;
using ClosedXML.Excel;
using SharedServicesPipeline.Cli;
using SharedServicesPipeline.Cli.Commands;
using SharedServicesPipeline.Publishing;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Extracts;

public sealed class DemoTests
{
    [Fact]
    public async Task Demo_publishes_the_compendium_workbook_the_map_and_parquet_beside_the_csvs_and_refresh_exits_by_outcome()
    {
        using var folder = new TempFolder("ssp-demo-");
        var extracts = folder.File("extracts");
        var root = new RootCommand { CommonOptions.Database, CommonOptions.Output, DemoCommand.Create(), RefreshCommand.Create() };

        var exit = await root.Parse(["demo", "--db", folder.File("mart.db"), "--out", extracts, "--samples", RepositoryPaths.Samples]).InvokeAsync();

        Assert.Equal(0, exit);
        var run = PublishedRun.Latest(extracts);
        Assert.Equal(Path.GetFileName(Directory.GetDirectories(Path.Combine(extracts, "runs")).Single()), run.Manifest.RunId);
        foreach (var table in new[] { "dim_authority", "dim_service_area", "dim_date", "dim_submission", "fact_arrangement", "bridge_arrangement_partner", "fact_arrangement_history" })
        {
            Assert.True(File.Exists(run.PathOf(table + ".csv")), table + ".csv");
            Assert.Equal(run.File(table + ".csv").Rows, run.File(table + ".parquet").Rows);
        }

        using (var workbook = new XLWorkbook(run.PathOf(CompendiumWorkbook.FileName)))
        {
            Assert.Equal(["Summary", "All arrangements"], workbook.Worksheets.Take(2).Select(w => w.Name));
            var arrangements = ExtractCsv.Read(run.PathOf("fact_arrangement.csv")).Count;
            Assert.Equal(arrangements, workbook.Worksheet("Summary").Cell(4, 2).GetValue<int>());
        }

        using (var geojson = JsonDocument.Parse(await File.ReadAllBytesAsync(run.PathOf(ArrangementsGeoJson.FileName))))
        {
            Assert.Equal("FeatureCollection", geojson.RootElement.GetProperty("type").GetString());
            Assert.Equal(run.Manifest.RunId, geojson.RootElement.GetProperty("run_id").GetString());
        }

        string[] refresh = ["refresh", "--db", folder.File("mart.db"), "--out", extracts];
        Assert.Equal(ExitCodes.Success, await root.Parse(refresh).InvokeAsync()); // no change: still a success
        Assert.Equal(run.Manifest.RunId, PublishedRun.Latest(extracts).Manifest.RunId);

        await using (await new LocalExtractStore(extracts).TryLockAsync(CancellationToken.None))
        {
            // The setting for that run only: the test process's environment is every other test's children's too.
            var (exitCode, _, _) = await SspProcess.RunAsync(folder.Path, new Dictionary<string, string> { ["SSP_Publish__LockWait"] = "00:00:00" }, refresh);
            Assert.Equal(ExitCodes.Busy, exitCode);
        }
    }
}
