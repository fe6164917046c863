using System.Globalization;
using SharedServicesPipeline.Bench.Generation;
using SharedServicesPipeline.Bench.Measurement;
using SharedServicesPipeline.Bench.Scenarios;
using SharedServicesPipeline.Pipeline.Reference;

namespace SharedServicesPipeline.Bench.RefreshSpeed;

/// <summary>
/// Refresh alone (<c>ExtractRefresher.RefreshAsync</c>, every extract) on marts of the given sizes, in a warm process:
/// wall and processor time of each run, the publisher's own phase timings (reading the mart, the CSVs, each artifact,
/// the promotion), then the medians. The marts are built once in the work folder (or copied from a kept full run)
/// and reused, so runs before and after a change measure the same data.
/// </summary>
internal static class RefreshSpeedBench
{
    public const string Command = "refresh";

    /// <summary><c>refresh [--sizes 10000,100000] [--runs R] [--work DIR] [--from DIR] [--register CSV]</c>.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var sizes = (Value("--sizes") ?? "10000,100000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var runs = int.Parse(Value("--runs") ?? "3", CultureInfo.InvariantCulture);
        var work = Value("--work") ?? Path.Combine(Path.GetTempPath(), "ssp-refresh-bench");
        var from = Value("--from");
        var registerOverride = RegisterSource.Override(Value("--register"));
        var register = registerOverride ?? AuthorityRegister.BuiltIn;
        Directory.CreateDirectory(work);

        var marts = new Dictionary<int, string>();
        foreach (var rows in sizes.Prepend(WarmupRows(sizes)).Distinct())
        {
            marts[rows] = await PrepareAsync(work, rows, from, register, registerOverride, output);
        }

        // One untimed refresh first, so the measured ones run past tier-0 JIT as a long-lived host's would.
        await using (var warm = await BenchMart.OpenAsync(marts[WarmupRows(sizes)], registerOverride))
        {
            DeleteExtracts(warm);
            await warm.RefreshAsync();
        }

        var wall = sizes.ToDictionary(s => s, _ => new List<double>());
        var cpu = sizes.ToDictionary(s => s, _ => new List<double>());
        var peak = sizes.ToDictionary(s => s, _ => new List<double>());
        for (var run = 1; run <= runs; run++)
        {
            foreach (var rows in sizes)
            {
                await using var mart = await BenchMart.OpenAsync(marts[rows], registerOverride);
                var arrangements = await mart.CountArrangementsAsync();
                DeleteExtracts(mart);
                GC.Collect();
                GC.WaitForPendingFinalizers();
                mart.Log.Clear();
                var allocated = GC.GetTotalAllocatedBytes(precise: true);
                var cpuAtStart = ProcessCpuMs();
                Timed<int> timed;
                double peakMb;
                using (var sampler = PeakWorkingSet.Start())
                {
                    timed = await Timing.TimeAsync(mart.RefreshAsync);
                    peakMb = sampler.Bytes / 1048576.0;
                }

                peak[rows].Add(peakMb);
                allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
                wall[rows].Add(timed.Ms);
                cpu[rows].Add(timed.CpuMs);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"run {run}, mart of {arrangements:N0} arrangements: {timed.Ms:N0} ms wall, {timed.CpuMs:N0} ms CPU, {allocated / 1048576.0:N0} MB allocated, {peakMb:N0} MB peak working set, {timed.Result} files in the extracts folder"));
                // Processor time since the previous message: the phases before the artifacts run one after another.
                var previous = cpuAtStart;
                foreach (var (message, cpuMs) in mart.Log.MessagesWithCpu)
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    [+{cpuMs - previous,6:N0} ms CPU] {message}"));
                    previous = cpuMs;
                }
            }
        }

        output.WriteLine();
        foreach (var rows in sizes)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"refresh {BenchOptions.Label(rows)}: {Timing.Median(wall[rows]):N0} ms wall, {Timing.Median(cpu[rows]):N0} ms CPU, {Timing.Median(peak[rows]):N0} MB peak working set (median of {runs}; wall [{Runs(wall[rows])}], CPU [{Runs(cpu[rows])}], peak MB [{Runs(peak[rows])}])"));
        }

        return 0;
    }

    private static int WarmupRows(IReadOnlyList<int> sizes) => Math.Min(1_000, sizes.Min());

    /// <summary>The mart of <paramref name="rows"/> in the work folder: reused, else copied from a kept full run, else built.</summary>
    private static async Task<string> PrepareAsync(string work, int rows, string? from, AuthorityRegister register, AuthorityRegister? registerOverride, TextWriter output)
    {
        var folder = Path.Combine(work, $"mart-{rows}");
        var path = BenchMart.MartPath(folder);
        if (!File.Exists(path) && from is not null && FullRunMart(from, rows) is { } kept)
        {
            // Copied, never used in place: the full run's folder stays as it left it.
            Directory.CreateDirectory(folder);
            File.Copy(kept, path);
            output.WriteLine($"copied the mart of {BenchOptions.Label(rows)} from {kept}");
        }

        await using var mart = await BenchMart.OpenAsync(folder, registerOverride);
        var arrangements = await mart.CountArrangementsAsync();
        if (arrangements == 0)
        {
            // Official partner names, so (nearly) every row loads; a second file tops up what the validator rejected.
            var files = Path.Combine(work, "files");
            Directory.CreateDirectory(files);
            var file = Path.Combine(files, $"refresh-{rows}.xlsx");
            new SubmissionGenerator(register.Authorities, seed: 2_000 + rows, messyShare: 0).WriteXlsx(file, rows);
            arrangements = (await mart.IngestAsync(file, DateTimeOffset.UtcNow)).RowsAccepted;
            if (rows - arrangements > rows / 50)
            {
                var topUp = Path.Combine(files, $"refresh-top-up-{rows}.xlsx");
                new SubmissionGenerator(register.Authorities, seed: 3_000 + rows, messyShare: 0).WriteXlsx(topUp, (rows - arrangements) * 26 / 25);
                await mart.IngestAsync(topUp, DateTimeOffset.UtcNow);
            }

            output.WriteLine($"built the mart of {await mart.CountArrangementsAsync():N0} arrangements in {folder}");
        }
        else
        {
            output.WriteLine($"reusing the mart of {arrangements:N0} arrangements in {folder}");
        }

        return folder;
    }

    /// <summary>A kept full run's mart for <paramref name="rows"/>: its last end-to-end run, which the full run topped up and refreshed.</summary>
    private static string? FullRunMart(string from, int rows)
    {
        var e2e = Path.Combine(from, $"e2e-{rows}");
        return Directory.Exists(e2e)
            ? Directory.GetDirectories(e2e, "run*").OrderBy(d => d, StringComparer.Ordinal).Select(BenchMart.MartPath).LastOrDefault(File.Exists)
            : null;
    }

    private static void DeleteExtracts(BenchMart mart)
    {
        // Every run publishes from nothing, as the full run's refresh does: with the last run's manifest it would find no change.
        if (Directory.Exists(mart.ExtractsPath))
        {
            Directory.Delete(mart.ExtractsPath, recursive: true);
        }
    }

    private static double ProcessCpuMs()
    {
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        return self.TotalProcessorTime.TotalMilliseconds;
    }

    private static string Runs(IEnumerable<double> values) => string.Join(", ", values.Select(v => v.ToString("N0", CultureInfo.InvariantCulture)));
}
