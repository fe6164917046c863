using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SharedServicesPipeline.Bench.Measurement;
using SharedServicesPipeline.Pipeline;
using SharedServicesPipeline.Pipeline.Loading;
using SharedServicesPipeline.Pipeline.Reading;
using SharedServicesPipeline.Pipeline.Reference;
using SharedServicesPipeline.Pipeline.Reporting;
using SharedServicesPipeline.Pipeline.Submissions;
using SharedServicesPipeline.Pipeline.Validation;

namespace SharedServicesPipeline.Bench.Scenarios;

/// <summary>
/// Where an ingest's time goes: the reader, the validator (and within it the authority matcher), the loader and the
/// reports, each called directly as <see cref="SubmissionIngestor"/> calls them (rows streamed from the reader into
/// the validator), on the same file and a fresh mart. The file is read twice: first untimed, every row kept, for the load
/// (timed next); then, timed, streamed as the ingest streams it (rows let go of a few slices later) with a fresh matcher
/// and the match floor's lookups beside its calls. The only code here that knows the stages' signatures: when a stage
/// changes shape, this is the file to follow it.
/// </summary>
internal static class StageProfile
{
    // As StreamedSubmissionRows: the slices read ahead of the load.
    private const int InFlightSlices = 4;

    /// <returns>Each stage's time and the managed memory still live after it (what the next stages hold on to).</returns>
    public static async Task<IReadOnlyList<StageTime>> RunAsync(BenchMart freshMart, string path)
    {
        var services = freshMart.Services;
        var options = services.GetRequiredService<IOptions<IntakeOptions>>().Value;
        var stages = new List<StageTime>();
        var stopwatch = Stopwatch.StartNew();

        var bytes = await File.ReadAllBytesAsync(path);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        stages.Add(new("buffer and hash the file", Lap(stopwatch), Live(stopwatch)));

        // The library alone, as a second floor: what ExcelDataReader costs before any of our code runs.
        using (var library = ExcelDataReader.ExcelReaderFactory.CreateReader(new MemoryStream(bytes, writable: false)))
        {
            long cells = 0;
            while (library.Read())
            {
                for (var i = 0; i < library.FieldCount; i++)
                {
                    cells += library.GetValue(i) is null ? 0 : 1;
                }
            }

            stages.Add(new($"ExcelDataReader alone: every cell's value, nothing kept ({cells:N0} cells; not part of the total)", Lap(stopwatch), Live(stopwatch), InTotal: false));
        }

        // Untimed, first: every row kept, for the load, through the mart's own matcher; its questions, in order, are the
        // match floor's dictionary (what each string answers, ready-made).
        var recorder = new TimedMatcher(services.GetRequiredService<IAuthorityMatcher>());
        var kept = KeepAll(services, recorder, bytes, path);
        var floorAnswers = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var call in recorder.Calls)
        {
            floorAnswers.TryAdd(call.Text, call);
        }

        Live(stopwatch);

        // The read, validation and match are timed after the load (below) but listed before it, in the ingest's order.
        var streamedStagesAt = stages.Count;
        using var sql = new SqlCommandMeter();
        LoadResult load;
        double totalLoadMs;
        double loadCpuMs;
        await using (var scope = services.CreateAsyncScope())
        {
            var cpu = CpuClock.Start();
            var batch = new SubmissionBatch("profile-" + sha256[..12], Path.GetFileName(path), sha256, DateTimeOffset.UtcNow, null, kept.Read.RowsRead, kept.Rejected, kept.Accepted, kept.Held);
            load = await scope.ServiceProvider.GetRequiredService<ISubmissionLoader>().LoadAsync(batch, CancellationToken.None);
            var loadMs = Lap(stopwatch);
            loadCpuMs = cpu.ElapsedMs;

            // Measured while the scope (and the loader's DbContext with what it tracks) is still alive.
            stages.Add(new("load into the mart: the loader's own code, EF Core and the bulk inserts (raw ADO.NET commands, not counted in the next line)", loadMs - sql.Elapsed.TotalMilliseconds));
            stages.Add(new($"load into the mart: executing its {sql.Commands:N0} EF Core SQL commands", sql.Elapsed.TotalMilliseconds, Live(stopwatch)));
            stages.AddRange(sql.Slowest.Select(s => new StageTime($"  (of which one command: {s.Sql})", s.Ms, InTotal: false)));
            totalLoadMs = loadMs;
        }

        var (accepted, held, rejected) = (kept.Accepted.Count, kept.Held.Count, kept.Rejected);
        kept = null;
        Live(stopwatch);

        // Timed: a matcher of its own, fresh (its time is every name's first match as well as the repeats, as in a new
        // process), with the floor's lookup of each string beside each call, in the same pass.
        var matcher = new TimedMatcher(new AuthorityMatcher(services.GetRequiredService<IAuthorityMatcher>().Register), floorAnswers, record: false);
        var pass = Streamed(services, options, matcher, bytes, path);
        var validateMs = Stopwatch.GetElapsedTime(0, pass.ValidateTicks).TotalMilliseconds;
        var matchMs = matcher.Elapsed.TotalMilliseconds;
        var read = pass.Read;
        var report = pass.Report;
        stages.Insert(streamedStagesAt, new($"read ({read.RowsRead:N0} rows, streamed into the validator; rows let go of {InFlightSlices} slices of {options.SliceRows:N0} later, as the loader does)", Lap(stopwatch) - validateMs));
        stages.Insert(streamedStagesAt + 1, new($"validate, not counting the matcher ({accepted:N0} accepted, {held:N0} held, {rejected:N0} rejected; {pass.Problems.Count:N0} problems)", validateMs - matchMs));
        stages.Insert(streamedStagesAt + 2, new($"match authorities ({matcher.CallCount:N0} calls; of the time, {matcher.SplitElapsed.TotalMilliseconds:N0} ms splitting {matcher.SplitCalls:N0} partners cells, {matcher.GcPaused.TotalMilliseconds:N0} ms paused for garbage collections)", matchMs, Live(stopwatch)));

        var outcome = new SubmissionOutcome
        {
            SubmissionId = "profile-" + sha256[..12],
            FileName = Path.GetFileName(path),
            Sha256 = sha256,
            ReceivedAt = DateTimeOffset.UtcNow,
            Disposition = SubmissionDisposition.Processed,
            RowsRead = read.RowsRead,
            RowsAccepted = accepted,
            RowsRejected = rejected,
            RowsHeld = held,
            ArrangementsAdded = load.Added,
            Problems = [.. read.Problems, .. pass.Problems],
            Reports = [OutcomeReport.FileName, ReportWorkbook.FileName],
        };
        using var workbook = new MemoryStream();
        ReportWorkbook.Write(workbook, outcome, read.Sheets, report, options);
        var json = OutcomeReport.Write(outcome);
        stages.Add(new($"write the reports (report.xlsx {workbook.Length / 1024:N0} KB with {report.Rows.Count:N0} rows, outcome.json {json.Length / 1024:N0} KB)", Lap(stopwatch), Live(stopwatch)));

        GC.KeepAlive(read);
        stages.AddRange(await FloorsAsync(freshMart, totalLoadMs, loadCpuMs, matcher, recorder.Calls, matchMs));
        Live(stopwatch);
        return stages;
    }

    /// <summary>Every row read, validated and kept, untimed: what the load is given.</summary>
    private static KeptRows KeepAll(IServiceProvider services, IAuthorityMatcher matcher, byte[] bytes, string path)
    {
        var validator = ActivatorUtilities.CreateInstance<ArrangementValidator>(services, matcher);
        var kept = new KeptRows();
        kept.Read = services.GetRequiredService<SubmissionReader>().Read(new MemoryStream(bytes, writable: false), Path.GetFileName(path), row =>
        {
            var verdict = validator.Validate(row);
            switch (verdict.Outcome)
            {
                case RowOutcome.Accepted:
                    kept.Accepted.Add(verdict.Record!);
                    break;
                case RowOutcome.Held:
                    kept.Held.Add(verdict.Held!);
                    break;
                default:
                    kept.Rejected++;
                    break;
            }
        });
        return kept;
    }

    /// <summary>
    /// The timed pass, holding what the ingest holds: the ingest hands each slice of rows to the loader and lets go of it
    /// once loaded, a few slices in flight (<see cref="StreamedSubmissionRows"/>), so the rows here are let go of as many
    /// slices later. Holding all 100,000 rows instead made every collection during the pass carry them, and charged that
    /// to whichever stage was allocating: mostly the matcher.
    /// </summary>
    private static StreamedPass Streamed(IServiceProvider services, IntakeOptions options, IAuthorityMatcher matcher, byte[] bytes, string path)
    {
        var validator = ActivatorUtilities.CreateInstance<ArrangementValidator>(services, matcher);
        var pass = new StreamedPass(new ReportRowCollector(options));
        var inFlight = new Queue<List<object>>();
        var slice = new List<object>(options.SliceRows);
        pass.Read = services.GetRequiredService<SubmissionReader>().Read(new MemoryStream(bytes, writable: false), Path.GetFileName(path), row =>
        {
            var started = Stopwatch.GetTimestamp();
            var verdict = validator.Validate(row);
            pass.Problems.AddRange(verdict.Problems);
            if (((object?)verdict.Record ?? verdict.Held) is { } kept)
            {
                slice.Add(kept);
                if (slice.Count == options.SliceRows)
                {
                    inFlight.Enqueue(slice);
                    slice = new List<object>(options.SliceRows);
                    if (inFlight.Count > InFlightSlices)
                    {
                        inFlight.Dequeue();
                    }
                }
            }

            pass.Report.Add(row, verdict.Outcome, verdict.Problems);
            pass.ValidateTicks += Stopwatch.GetTimestamp() - started;
        });
        return pass;
    }

    /// <summary>The load and the match beside their floors (<see cref="LoadFloor"/>, <see cref="MatchFloor"/>), measured
    /// after the stages, on what they wrote and were asked.</summary>
    private static async Task<IReadOnlyList<StageTime>> FloorsAsync(BenchMart loaded, double loadMs, double loadCpuMs, TimedMatcher matcher, IReadOnlyList<MatcherCall> calls, double matchMs)
    {
        // The questions as the untimed pass recorded them: the same rows through the same validator, so the same questions.
        if (calls.Count != matcher.CallCount)
        {
            throw new InvalidOperationException($"The timed pass asked the matcher {matcher.CallCount:N0} questions, the recorded pass {calls.Count:N0}.");
        }

        var (floorMs, distinctMs, distinct) = MatchFloor.Measure(calls, matcher.Register);
        var inPassMs = matcher.FloorElapsed.TotalMilliseconds;
        var inPassAllowance = (2 * inPassMs) + distinctMs;
        LoadFloor.Result loadFloor;
        await using (var fresh = await BenchMart.OpenAsync(loaded.Folder + "-floor", loaded.Services.GetService<AuthorityRegister>()))
        {
            loadFloor = await LoadFloor.MeasureAsync(loaded, fresh);
        }

        var allowance = (2 * floorMs) + distinctMs;
        return
        [
            new($"FLOOR load: the same {loadFloor.Rows:N0} rows ({string.Join(", ", loadFloor.Tables.Select(t => $"{t.Table} {t.Rows:N0}"))}), one prepared statement per table, one transaction ({loadFloor.CpuMs:N0} ms CPU); the load ({loadMs:N0} ms, {loadCpuMs:N0} ms CPU) is {loadMs / loadFloor.Ms:0.00}× it (CPU {loadCpuMs / loadFloor.CpuMs:0.00}×; target ≤ 2×)", loadFloor.Ms, InTotal: false),
            new($"FLOOR match: a dictionary lookup of each of the {calls.Count:N0} cells and names as written, in a loop of their own; the match ({matchMs:N0} ms) is {matchMs / floorMs:0.0}× it", floorMs, InTotal: false),
            new($"FLOOR match: the same lookups, each beside the matcher's call in the timed pass, timed alike; the match is {matchMs / inPassMs:0.0}× it", inPassMs, InTotal: false),
            new($"FLOOR match: the {distinct:N0} distinct cells and names, once each in a fresh matcher; the match is {matchMs / inPassAllowance:0.00}× (2 × lookup floor in the pass + distinct) (target ≤ 1), {matchMs / allowance:0.00}× (2 × lookup floor in a loop + distinct)", distinctMs, InTotal: false),
        ];
    }

    /// <summary>Managed bytes live now (after a compacting collection, not counted in the next stage's time).</summary>
    private static long Live(Stopwatch stopwatch)
    {
        var live = LiveMemory.Bytes();
        stopwatch.Restart();
        return live;
    }

    private sealed class KeptRows
    {
        public SubmissionReadResult Read { get; set; } = null!;

        public List<ArrangementRecord> Accepted { get; } = [];

        public List<HeldRow> Held { get; } = [];

        public int Rejected { get; set; }
    }

    private sealed class StreamedPass(ReportRowCollector report)
    {
        public SubmissionReadResult Read { get; set; } = null!;

        public ReportRowCollector Report => report;

        public List<SubmissionProblem> Problems { get; } = [];

        public long ValidateTicks { get; set; }
    }

    private static double Lap(Stopwatch stopwatch)
    {
        var ms = stopwatch.Elapsed.TotalMilliseconds;
        stopwatch.Restart();
        return ms;
    }
}
