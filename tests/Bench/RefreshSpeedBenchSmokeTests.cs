using SharedServicesPipeline.Bench.RefreshSpeed;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Bench;

/// <summary>The refresh benchmark on tiny marts, so that it never rots: it builds its marts once, reuses them, and every run publishes. Timings are never asserted.</summary>
public sealed class RefreshSpeedBenchSmokeTests
{
    [Fact]
    public async Task Refresh_alone_builds_its_marts_once_then_reuses_them_and_every_run_publishes_every_extract()
    {
        using var folder = new TempFolder("ssp-refresh-bench-");
        string[] args = ["--sizes", "12,20", "--runs", "2", "--work", folder.File("work"), "--register", BenchRegister.WriteTo(folder.Path)];
        var first = new StringWriter();
        var again = new StringWriter();

        Assert.Equal(0, await RefreshSpeedBench.RunAsync(args, first));
        Assert.Equal(0, await RefreshSpeedBench.RunAsync(args, again));

        Assert.Contains("built the mart of", first.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("built the mart of", again.ToString(), StringComparison.Ordinal);
        Assert.Contains("reusing the mart of", again.ToString(), StringComparison.Ordinal);
        var runs = again.ToString().Split('\n').Where(l => l.StartsWith("run ", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, runs.Count); // 2 runs × 2 sizes
        // 11 tables (8 of the mart, 3 of the council comparison) as CSV and Parquet, the workbook, map, dashboard,
        // submission template and manifest, in the latest place and the run's folder, and the lock file.
        Assert.All(runs, r => Assert.Contains("55 files in the extracts folder", r, StringComparison.Ordinal));
        Assert.Contains("ParquetExtracts built 11 files", again.ToString(), StringComparison.Ordinal);
        Assert.Contains("refresh 20: ", again.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_kept_full_run_lends_its_marts_by_copy()
    {
        using var folder = new TempFolder("ssp-refresh-bench-from-");
        var register = BenchRegister.WriteTo(folder.Path);
        var built = new StringWriter();
        Assert.Equal(0, await RefreshSpeedBench.RunAsync(["--sizes", "12", "--runs", "1", "--work", folder.File("built"), "--register", register], built));
        var fullRun = folder.File("full-run");
        Directory.CreateDirectory(Path.Combine(fullRun, "e2e-12", "run1"));
        File.Copy(Path.Combine(folder.File("built"), "mart-12", "mart.db"), Path.Combine(fullRun, "e2e-12", "run1", "mart.db"));
        var kept = File.ReadAllBytes(Path.Combine(fullRun, "e2e-12", "run1", "mart.db"));
        var output = new StringWriter();

        Assert.Equal(0, await RefreshSpeedBench.RunAsync(["--sizes", "12", "--runs", "1", "--work", folder.File("work"), "--from", fullRun, "--register", register], output));

        Assert.Contains("copied the mart of 12 from", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("built the mart of", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(kept, File.ReadAllBytes(Path.Combine(fullRun, "e2e-12", "run1", "mart.db")));
        Assert.False(Directory.Exists(Path.Combine(fullRun, "e2e-12", "run1", "extracts")), "the full run's folder was refreshed in place");
    }
}
