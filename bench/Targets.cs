using System.Globalization;
using SharedServicesPipeline.Bench.Reporting;

namespace SharedServicesPipeline.Bench;

/// <summary>The targets, each figure set against its own; a miss is reported, never hidden.</summary>
internal static class Targets
{
    public const double EndToEndOverFloor = 3;
    public const double PeakMegabytes = 250;
    public const double NaiveOverOurs = 10;
    public const double LargeOverMedium = 11;
    public const double SmallIntoLargeMartMs = 300;
    public const double SmallLargeOverMedium = 1.5;
    public const double RefreshLargeMs = 10_000;
    public const double CliColdMs = 2_000;

    public static void Evaluate(BenchOptions options, BenchResults r, BenchReport report)
    {
        var (small, medium, large) = (options.Sizes[0], options.Medium, options.Large);
        string L(int rows) => BenchOptions.Label(rows);

        foreach (var rows in options.Sizes)
        {
            report.Add($"Floor (inflate + XmlReader), {L(rows)} rows", Ms(r.FloorMs[rows]), Ms(r.FloorCpuMs[rows]));
        }

        foreach (var rows in options.Sizes)
        {
            var ratio = r.EndToEndMs[rows] / r.FloorMs[rows];
            var cpuRatio = r.EndToEndCpuMs[rows] / r.FloorCpuMs[rows];
            report.Add($"Ingest end to end, {L(rows)} rows (× floor)", $"{Ms(r.EndToEndMs[rows])} ({ratio:0.0}×)", $"{Ms(r.EndToEndCpuMs[rows])} ({cpuRatio:0.0}×)",
                rows == large ? $"≤ {EndToEndOverFloor}× floor" : "", rows == large ? ratio <= EndToEndOverFloor : null);
        }

        var peakMb = r.PeakBytes[large] / (1024.0 * 1024);
        report.Add($"Peak working set, {L(large)}-row ingest (own process)", $"{peakMb:N0} MB", "", $"≤ {PeakMegabytes} MB", peakMb <= PeakMegabytes);

        var scale = r.EndToEndMs[large] / r.EndToEndMs[medium];
        report.Add($"Ingest {L(large)} ÷ ingest {L(medium)}", $"{scale:0.0}×", $"{r.EndToEndCpuMs[large] / r.EndToEndCpuMs[medium]:0.0}×", $"≤ {LargeOverMedium}×", scale <= LargeOverMedium);

        foreach (var rows in options.NaiveSizes)
        {
            var speedup = r.NaiveMs[rows] / r.EndToEndMs[rows];
            var extrapolated = r.NaiveStopped.ContainsKey(rows) ? ", extrapolated" : "";
            report.Add($"Naive (ClosedXML + SaveChanges per row), {L(rows)} rows (÷ ours{extrapolated})", $"{Ms(r.NaiveMs[rows])} ({speedup:0.0}× ours)",
                $"{Ms(r.NaiveCpuMs[rows])} ({r.NaiveCpuMs[rows] / r.EndToEndCpuMs[rows]:0.0}× ours)",
                rows == medium ? $"ours ≥ {NaiveOverOurs}× faster" : "", rows == medium ? speedup >= NaiveOverOurs : null);
        }

        foreach (var (rows, stopped) in r.NaiveStopped)
        {
            // The extrapolation is a model; the time it ran is a measurement, and already a lower bound for the whole file.
            report.Section("Notes").Add(string.Create(CultureInfo.InvariantCulture,
                $"- Without extrapolation: at {L(rows)} rows the naive way had read {stopped.Read:N0} of {stopped.Rows:N0} rows when it stopped at its budget after {Ms(stopped.Ms)}, already {stopped.Ms / r.EndToEndMs[rows]:0.0}× our time for the whole file."));
        }

        var growth = r.NaiveMs[medium] / r.NaiveMs[small];
        var linear = r.NaiveMs[medium] * large / medium;
        var observed = r.NaiveMs[medium] * Math.Pow(growth, Math.Log((double)large / medium) / Math.Log((double)medium / small));
        report.Add($"Naive, {L(large)} rows (not run: extrapolated)", $"{Ms(Math.Min(linear, observed))} to {Ms(Math.Max(linear, observed))}");
        report.Section("Notes").Add(string.Create(CultureInfo.InvariantCulture,
            $"- The naive way was not run at {L(large)} rows: it would take too long. From {L(small)} to {L(medium)} rows its time grew {growth:0.0}× for {medium / small}× the rows; extrapolated to {L(large)} rows: {Ms(linear)} if linear, {Ms(observed)} at the observed growth."));

        foreach (var rows in options.Sizes)
        {
            report.Add($"Refresh, mart of {r.MartArrangements[rows]:N0} arrangements ({r.RefreshFiles[rows]} files)", Ms(r.RefreshMs[rows]), Ms(r.RefreshCpuMs[rows]),
                rows == large ? $"≤ {RefreshLargeMs / 1000:0} s" : "", rows == large ? r.RefreshMs[rows] <= RefreshLargeMs : null);
        }

        report.Add($"{options.SmallRows} rows into a {L(medium)}-arrangement mart (warm, median)", Ms(r.SmallIntoMartMs[medium]), Ms(r.SmallIntoMartCpuMs[medium]));
        report.Add($"{options.SmallRows} rows into a {L(large)}-arrangement mart (warm, median)", Ms(r.SmallIntoMartMs[large]), Ms(r.SmallIntoMartCpuMs[large]),
            $"≤ {SmallIntoLargeMartMs} ms", r.SmallIntoMartMs[large] <= SmallIntoLargeMartMs);
        var growthWithMart = r.SmallIntoMartMs[large] / r.SmallIntoMartMs[medium];
        report.Add($"… {L(large)} mart ÷ {L(medium)} mart", $"{growthWithMart:0.00}×", $"{r.SmallIntoMartCpuMs[large] / r.SmallIntoMartCpuMs[medium]:0.00}×",
            $"≤ {SmallLargeOverMedium}×", growthWithMart <= SmallLargeOverMedium);

        AddCold(options, r, report);

        if (options.Mode != "full")
        {
            report.Section("Notes").Add($"- A {options.Mode} run: the sizes are not the targets' sizes, so PASS and MISS are indicative only.");
        }
    }

    /// <summary>The cold <c>ssp ingest</c> alone (<c>--cold</c>).</summary>
    public static void EvaluateCold(BenchOptions options, BenchResults r, BenchReport report)
    {
        AddCold(options, r, report);
        report.Section("Notes").Add($"- A cold run: only the cold `ssp ingest`, into a mart of {r.MartArrangements[options.Medium]:N0} arrangements.");
    }

    private static void AddCold(BenchOptions options, BenchResults r, BenchReport report) =>
        report.Add($"`ssp ingest` of {options.SmallRows} rows, cold process (median)", Ms(r.CliMs), double.IsNaN(r.CliCpuMs) ? "" : Ms(r.CliCpuMs),
            $"≤ {CliColdMs / 1000:0} s", r.CliMs <= CliColdMs);

    private static string Ms(double ms) => ms >= 10_000
        ? (ms / 1000).ToString("N1", CultureInfo.InvariantCulture) + " s"
        : ms.ToString("N0", CultureInfo.InvariantCulture) + " ms";
}
