using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SharedServicesPipeline.HostileFiles;
using SharedServicesPipeline.Pipeline.Reading;

namespace SharedServicesPipeline.Bench.Hostile;

/// <summary>
/// <c>hostile [--all] [--class a,b] [--hang s] [--rates [--probe file] | --no-rates] [--results file.md] [--work dir]</c>: the worst case of each class of hostile file (or every case
/// with <c>--all</c>) through a cold <c>ssp ingest</c> in a process of its own, printing its outcome, wall-clock and
/// processor time and peak working set against the bound (400 MB, 15 s on this machine when it is quiet). The files
/// come from the tests' generator (tests/HostileFiles), made at run time.
/// </summary>
public static partial class HostileBench
{
    public const string Command = "hostile";
    private const long PeakBound = 400L * 1024 * 1024;
    private static readonly TimeSpan TimeBound = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan DefaultHang = TimeSpan.FromMinutes(5);

    // The cell-counts case whose cells are the slowest to parse, and the size of its sheet.
    private const string SlowestPattern = "number-cells.xlsx";
    private const double SlowestPatternMegabytes = 120;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var all = args.Contains("--all");
        // A run over the bound is only outwaited this long (`--hang` seconds): the figures before a limit existed.
        var hang = Value("--hang") is { } hangSeconds ? TimeSpan.FromSeconds(double.Parse(hangSeconds, CultureInfo.InvariantCulture)) : DefaultHang;
        var work = Value("--work") ?? Path.Combine(Path.GetTempPath(), "ssp-hostile-" + Guid.NewGuid().ToString("N")[..8]);
        var results = Value("--results") ?? Path.Combine(RepositoryRoot.Find(), "bench", "results", "hostile.md");
        var ssp = Path.Combine(AppContext.BaseDirectory, "ssp.dll");
        Directory.CreateDirectory(work);

        var classes = Value("--class")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        // --rates: only the work budget's rates, measured again; --no-rates: only the cases.
        var ratesOnly = args.Contains("--rates");
        var cases = HostileCases.All.Where(c => !ratesOnly && (all || c.Worst) && (classes is null || classes.Contains(c.Class))).ToList();
        var report = new StringBuilder();
        var started = DateTimeOffset.UtcNow;
        report.AppendLine(CultureInfo.InvariantCulture, $"# Hostile files: {(all ? "every case" : "the worst case of each class")}");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Run {started:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores; load average before: {LoadAverage()}. Each file through a cold `ssp ingest` (a fresh process and mart), peak working set read from /proc (VmHWM). Bound: {PeakBound / (1024 * 1024)} MB and {TimeBound.TotalSeconds:N0} s.");
        report.AppendLine();
        report.AppendLine("| Class | Case | File | Outcome | Wall s | Processor s | Peak MB | Within bound |");
        report.AppendLine("|---|---|---:|---|---:|---:|---:|---|");
        output.WriteLine($"hostile: {cases.Count} cases in {work}");
        var failures = 0;
        double? slowest = null;
        foreach (var hostile in cases)
        {
            var folder = Path.Combine(work, hostile.FileName.Replace('.', '-'));
            Directory.CreateDirectory(folder);
            var file = Path.Combine(folder, hostile.FileName);
            var bytes = hostile.Build();
            await File.WriteAllBytesAsync(file, bytes);
            var run = await BoundedProcess.RunAsync(ssp, folder, hang, "ingest", file, "--db", Path.Combine(folder, "mart.db"), "--out", Path.Combine(folder, "out"));
            var outcome = run.TimedOut ? "hang" : FileError().Match(run.Output) is { Success: true } match ? match.Groups[1].Value : $"read (exit {run.ExitCode})";
            var expected = hostile.Code ?? $"read (exit {run.ExitCode})";
            var within = run.PeakWorkingSetBytes < PeakBound && run.Elapsed < TimeBound;
            var clear = outcome == expected || (hostile.Code is null && run.ExitCode is 0 or 1);
            failures += within && clear ? 0 : 1;
            var line = string.Create(CultureInfo.InvariantCulture,
                $"| {hostile.Class} | {hostile.Name} | {bytes.Length / 1024.0:N0} KB | {outcome}{(clear ? "" : $" (expected {expected})")} | {run.Elapsed.TotalSeconds:N1} | {run.ProcessorTime.TotalSeconds:N1} | {run.PeakWorkingSetBytes / (1024.0 * 1024):N0} | {(within ? "yes" : run.PeakWorkingSetBytes < PeakBound ? "memory yes, time no" : "no")} |");
            report.AppendLine(line);
            output.WriteLine(line);
            if (hostile.FileName == SlowestPattern)
            {
                slowest = run.ProcessorTime.TotalSeconds;
            }
        }

        if (slowest is { } seconds)
        {
            // The sheet is inflated twice by the reader (merge scan, rows) and once by the guard: charged as two budget bytes each.
            var rate = 2 * SlowestPatternMegabytes / Math.Max(0.1, seconds - ReadCost.ColdStartSeconds);
            report.AppendLine();
            report.AppendLine(CultureInfo.InvariantCulture, $"Slowest pattern ({SlowestPattern}, {SlowestPatternMegabytes:N0} MB of sheet): {rate:N0} MB of budget a processor second after the cold start; `ReadCost` assumes {ReadCost.WorstMegabytesPerSecond:N0} MB/s, so the default budget of {new Pipeline.IntakeOptions().MaxInflatedBytes / 1048576:N0} MB answers within {ReadCost.WorstSeconds(new Pipeline.IntakeOptions()):N1} s by that arithmetic (the whole ingest, rows validated and loaded, is the Processor s above).");
            output.WriteLine($"slowest pattern: {rate:N0} MB/s of budget (ReadCost assumes {ReadCost.WorstMegabytesPerSecond:N0})");
        }

        if (!args.Contains("--no-rates"))
        {
            await WorkRates.WriteAsync(ssp, work, report, output, Value("--probe"));
        }

        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Load average after: {LoadAverage()}. Wall-clock time on a shared machine is the least reliable figure; processor time is what the run itself cost.");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(results))!);
        await File.WriteAllTextAsync(results, report.ToString());
        output.WriteLine($"Wrote {results}");
        if (!args.Contains("--keep"))
        {
            Directory.Delete(work, recursive: true);
        }

        return failures == 0 ? 0 : 1;
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "unknown";
        }
    }

    // "FileError: [sheet …, ][row …: ]code: …"
    [GeneratedRegex(@"FileError: (?:[^\n]*?: )?(file\.[a-z.\-]+):")]
    private static partial Regex FileError();
}
