using SharedServicesPipeline.Bench;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Bench;

/// <summary>
/// The whole benchmark on tiny inputs, so that its code paths never rot: every scenario runs (child processes and
/// the real ssp included) and its results are checked for correctness. Timings are printed by the bench, never asserted.
/// </summary>
public sealed class BenchSmokeTests
{
    [Fact]
    public async Task Every_scenario_runs_on_tiny_inputs_and_the_report_is_written()
    {
        using var folder = new TempFolder("ssp-bench-smoke-");
        var options = new BenchOptions
        {
            Mode = "smoke",
            Sizes = [12, 20, 30],
            SmallRows = 5,
            SmallRuns = 1,
            FloorRuns = 1,
            EndToEndRepeats = 1,
            CliRuns = 1,
            RegisterPath = BenchRegister.WriteTo(folder.Path),
            WorkFolder = folder.File("work"),
            ResultsPath = folder.File("results.md"),
        };
        var runner = new BenchRunner(options, TextWriter.Null);

        var report = await runner.RunAsync();

        var results = runner.Results;
        foreach (var rows in options.Sizes)
        {
            Assert.Equal(rows, results.EndToEndRowsRead[rows]);
            Assert.True(results.FloorMs[rows] > 0);
            Assert.InRange(results.MartArrangements[rows], rows * 8 / 10, rows);
            Assert.True(results.RefreshFiles[rows] > 0, $"no extracts written for the mart of {rows}");
        }

        foreach (var rows in options.NaiveSizes)
        {
            Assert.Equal(results.EndToEndArrangements[rows], results.NaiveLoaded[rows]);
        }

        Assert.All(results.CliExitCodes, code => Assert.Contains(code, new[] { 0, 1 }));
        Assert.Contains(results.Stages, s => s.Stage.StartsWith("read", StringComparison.Ordinal));
        Assert.Equal(8, report.Figures.Count(f => f.Pass is not null));
        var markdown = await File.ReadAllTextAsync(options.ResultsPath);
        Assert.Contains("| Measure | Figure (wall clock) | CPU time | Target | Result |", markdown, StringComparison.Ordinal);
        Assert.False(Directory.Exists(options.WorkFolder), "the working folder is left behind");
    }

    [Fact]
    public async Task The_cold_start_alone_builds_its_mart_once_and_reuses_it()
    {
        using var folder = new TempFolder("ssp-bench-cold-");
        var options = new BenchOptions
        {
            Mode = "cold",
            ColdOnly = true,
            Sizes = [12, 20, 30],
            SmallRows = 5,
            CliRuns = 1,
            RegisterPath = BenchRegister.WriteTo(folder.Path),
            WorkFolder = folder.File("work"),
            ResultsPath = folder.File("cold.md"),
            KeepWork = true,
        };
        var first = new StringWriter();
        var again = new StringWriter();

        await new BenchRunner(options, first).RunAsync();
        var runner = new BenchRunner(options, again);
        var report = await runner.RunAsync();

        Assert.Contains("built the mart of", first.ToString(), StringComparison.Ordinal);
        Assert.Contains("reusing the mart of", again.ToString(), StringComparison.Ordinal);
        Assert.InRange(runner.Results.MartArrangements[20], 16, 20);
        Assert.All(runner.Results.CliExitCodes, code => Assert.Contains(code, new[] { 0, 1 }));
        Assert.Single(report.Figures, f => f.Pass is not null);
        Assert.Contains("phase ingest", again.ToString(), StringComparison.Ordinal);
        Assert.Contains("cold process (median)", await File.ReadAllTextAsync(options.ResultsPath), StringComparison.Ordinal);
    }
}
