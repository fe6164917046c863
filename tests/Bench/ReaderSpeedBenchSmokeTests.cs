using SharedServicesPipeline.Bench.ReaderSpeed;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Bench;

/// <summary>The reader benchmark on a tiny file, so that it never rots: every variant reads every row. Timings are never asserted.</summary>
public sealed class ReaderSpeedBenchSmokeTests
{
    [Fact]
    public async Task Every_reader_variant_reads_the_generated_file_and_the_figures_are_printed()
    {
        using var folder = new TempFolder("ssp-reader-bench-");
        var output = new StringWriter();

        var exit = await ReaderSpeedBench.RunAsync(["--rows", "25", "--runs", "1", "--work", folder.Path, "--register", BenchRegister.WriteTo(folder.Path), "--no-peaks"], output);

        var lines = output.ToString();
        Assert.Equal(0, exit);
        Assert.Contains("SubmissionReader over ExcelDataReader (no-op onRow)", lines, StringComparison.Ordinal);
        Assert.Equal(2, lines.Split('\n').Count(l => l.StartsWith("SubmissionReader over", StringComparison.Ordinal) && l.TrimEnd().EndsWith("(25)", StringComparison.Ordinal)));
        Assert.Equal(3, lines.Split('\n').Count(l => l.TrimEnd().EndsWith("(416)", StringComparison.Ordinal))); // 26 rows × 16 cells: floor and both readers
        Assert.Contains("managed memory live half-way through", lines, StringComparison.Ordinal);
    }
}
