using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SharedServicesPipeline.Pipeline;
using SharedServicesPipeline.Pipeline.Reading;
using SharedServicesPipeline.Pipeline.Reference;
using SharedServicesPipeline.Pipeline.Validation;

namespace SharedServicesPipeline.Bench.Intake;

/// <summary>
/// Peak memory of reading a 100,000-row submission. Run each step in its own process (peak working set only grows):
/// <c>generate</c> writes the inputs, <c>read</c> streams the rows through the reader, <c>ingest</c> runs the whole
/// intake (read, validate, report workbook, outcome) with a loader that only counts, so the figure excludes the database.
/// </summary>
public static class IntakeMemoryBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "generate" when args.Length > 1:
                Directory.CreateDirectory(args[1]);
                var rows = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100_000;
                SubmissionGenerator.WriteXlsx(Path.Combine(args[1], "submission-100k.xlsx"), rows);
                SubmissionGenerator.WriteCsv(Path.Combine(args[1], "submission-100k.csv"), rows);
                SubmissionGenerator.BadEvery = 1;
                SubmissionGenerator.WriteCsv(Path.Combine(args[1], "submission-100k-every-row-bad.csv"), rows);
                return 0;
            case "read" when args.Length > 1:
                return Measure("read", args[1], () =>
                {
                    var count = 0;
                    using var content = File.OpenRead(args[1]);
                    var result = new SubmissionReader(Scenarios.BenchMart.Options, HeaderSynonyms.BuiltIn).Read(content, Path.GetFileName(args[1]), _ => count++);
                    return Task.FromResult($"{result.RowsRead:N0} rows read, {result.Problems.Count} problems");
                });
            case "ingest" when args.Length > 1:
                return Measure("ingest", args[1], async () =>
                {
                    var reports = new CountingReportSink();
                    using var logging = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Debug));
                    var ingestor = new SubmissionIngestor(
                        new SubmissionReader(Scenarios.BenchMart.Options, HeaderSynonyms.BuiltIn),
                        new ArrangementValidator(new AuthorityMatcher(SubmissionGenerator.Register), ServiceAreaTaxonomy.BuiltIn),
                        new CountingLoader(),
                        reports,
                        Options.Create(Scenarios.BenchMart.Options),
                        logging.CreateLogger<SubmissionIngestor>());
                    await using var content = File.OpenRead(args[1]);
                    var outcome = await ingestor.IngestAsync(
                        new Pipeline.Submissions.SubmissionInput(content, Path.GetFileName(args[1]), DateTimeOffset.UtcNow), CancellationToken.None);
                    return $"{outcome.Summary} report.xlsx {reports.Bytes["report.xlsx"]:N0} bytes, outcome.json {reports.Bytes["outcome.json"]:N0} bytes";
                });
            default:
                Console.Error.WriteLine("intake-memory (generate <folder> [rows] | read <file> | ingest <file>)");
                return 2;
        }
    }

    private static int Measure(string step, string path, Func<Task<string>> run)
    {
        var stopwatch = Stopwatch.StartNew();
        using var sampler = Environment.GetEnvironmentVariable("INTAKE_BENCH_TRACE") is null ? null : new Timer(_ =>
        {
            using var p = Process.GetCurrentProcess();
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {stopwatch.Elapsed.TotalSeconds,6:0.0} s: working set {p.WorkingSet64 / 1048576.0:0} MB, GC heap {GC.GetTotalMemory(false) / 1048576.0:0} MB"));
        }, null, 0, 500);
        var what = run().GetAwaiter().GetResult();
        stopwatch.Stop();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var gc = GC.GetGCMemoryInfo(GCKind.Any);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{step} {Path.GetFileName(path)} ({new FileInfo(path).Length / 1048576.0:0.0} MB): {what}\n" +
            $"  elapsed {stopwatch.Elapsed.TotalSeconds:0.00} s; peak working set {process.PeakWorkingSet64 / 1048576.0:0} MB; " +
            $"GC heap now {GC.GetTotalMemory(false) / 1048576.0:0} MB, largest heap seen {gc.HeapSizeBytes / 1048576.0:0} MB; " +
            $"allocated {GC.GetTotalAllocatedBytes() / 1048576.0:0} MB; gen0/1/2 collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}"));
        return 0;
    }
}
