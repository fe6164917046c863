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
/// the validator), on the same file and a fresh mart. The only code here that knows the stages' signatures: when a
/// stage changes shape, this is the file to follow it.
/// </summary>
internal static class StageProfile
{
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

        // A matcher of its own, fresh: its time is every name's first match as well as the repeats, as in a new process.
        var matcher = new TimedMatcher(new AuthorityMatcher(services.GetRequiredService<IAuthorityMatcher>().Register));
        var matcherTime = matcher;
        var validator = ActivatorUtilities.CreateInstance<ArrangementValidator>(services, matcher);
        var report = new ReportRowCollector(options);
        var accepted = new List<ArrangementRecord>();
        var held = new List<HeldRow>();
        var problems = new List<SubmissionProblem>();
        var rejected = 0;
        long validateTicks = 0;
        var read = services.GetRequiredService<SubmissionReader>().Read(new MemoryStream(bytes, writable: false), Path.GetFileName(path), row =>
        {
            var started = Stopwatch.GetTimestamp();
            var verdict = validator.Validate(row);
            problems.AddRange(verdict.Problems);
            switch (verdict.Outcome)
            {
                case RowOutcome.Accepted:
                    accepted.Add(verdict.Record!);
                    break;
                case RowOutcome.Held:
                    held.Add(verdict.Held!);
                    break;
                default:
                    rejected++;
                    break;
            }

            report.Add(row, verdict.Outcome, verdict.Problems);
            validateTicks += Stopwatch.GetTimestamp() - started;
        });
        var streamedMs = Lap(stopwatch);
        var validateMs = Stopwatch.GetElapsedTime(0, validateTicks).TotalMilliseconds;
        stages.Add(new($"read ({read.RowsRead:N0} rows, streamed into the validator)", streamedMs - validateMs));
        stages.Add(new($"validate, not counting the matcher ({accepted.Count:N0} accepted, {held.Count:N0} held, {rejected:N0} rejected; {problems.Count:N0} problems)", validateMs - matcherTime.Elapsed.TotalMilliseconds));
        var matchMs = matcherTime.Elapsed.TotalMilliseconds;
        stages.Add(new($"match authorities ({matcherTime.Calls.Count:N0} calls; of the time, {matcherTime.SplitElapsed.TotalMilliseconds:N0} ms splitting {matcherTime.SplitCalls:N0} partners cells)", matchMs, Live(stopwatch)));

        using var sql = new SqlCommandMeter();
        LoadResult load;
        double totalLoadMs;
        double loadCpuMs;
        await using (var scope = services.CreateAsyncScope())
        {
            var cpu = CpuClock.Start();
            var batch = new SubmissionBatch("profile-" + sha256[..12], Path.GetFileName(path), sha256, DateTimeOffset.UtcNow, null, read.RowsRead, rejected, accepted, held);
            load = await scope.ServiceProvider.GetRequiredService<ISubmissionLoader>().LoadAsync(batch, CancellationToken.None);
            var loadMs = Lap(stopwatch);
            loadCpuMs = cpu.ElapsedMs;

            // Measured while the scope (and the loader's DbContext with what it tracks) is still alive.
            stages.Add(new("load into the mart: the loader's own code, EF Core and the bulk inserts (raw ADO.NET commands, not counted in the next line)", loadMs - sql.Elapsed.TotalMilliseconds));
            stages.Add(new($"load into the mart: executing its {sql.Commands:N0} EF Core SQL commands", sql.Elapsed.TotalMilliseconds, Live(stopwatch)));
            stages.AddRange(sql.Slowest.Select(s => new StageTime($"  (of which one command: {s.Sql})", s.Ms, InTotal: false)));
            totalLoadMs = loadMs;
        }

        var outcome = new SubmissionOutcome
        {
            SubmissionId = "profile-" + sha256[..12],
            FileName = Path.GetFileName(path),
            Sha256 = sha256,
            ReceivedAt = DateTimeOffset.UtcNow,
            Disposition = SubmissionDisposition.Processed,
            RowsRead = read.RowsRead,
            RowsAccepted = accepted.Count,
            RowsRejected = rejected,
            RowsHeld = held.Count,
            ArrangementsAdded = load.Added,
            Problems = [.. read.Problems, .. problems],
            Reports = [OutcomeReport.FileName, ReportWorkbook.FileName],
        };
        using var workbook = new MemoryStream();
        ReportWorkbook.Write(workbook, outcome, read.Sheets, report, options);
        var json = OutcomeReport.Write(outcome);
        stages.Add(new($"write the reports (report.xlsx {workbook.Length / 1024:N0} KB with {report.Rows.Count:N0} rows, outcome.json {json.Length / 1024:N0} KB)", Lap(stopwatch), Live(stopwatch)));

        GC.KeepAlive(read);
        stages.AddRange(await FloorsAsync(freshMart, totalLoadMs, loadCpuMs, matcherTime));
        Live(stopwatch);
        return stages;
    }

    /// <summary>The load and the match beside their floors (<see cref="LoadFloor"/>, <see cref="MatchFloor"/>), measured
    /// after the stages, on what they wrote and were asked.</summary>
    private static async Task<IReadOnlyList<StageTime>> FloorsAsync(BenchMart loaded, double loadMs, double loadCpuMs, TimedMatcher matcher)
    {
        var (floorMs, distinctMs, distinct) = MatchFloor.Measure(matcher.Calls, matcher.Register);
        var matchMs = matcher.Elapsed.TotalMilliseconds;
        LoadFloor.Result loadFloor;
        await using (var fresh = await BenchMart.OpenAsync(loaded.Folder + "-floor", loaded.Services.GetService<AuthorityRegister>()))
        {
            loadFloor = await LoadFloor.MeasureAsync(loaded, fresh);
        }

        var allowance = (2 * floorMs) + distinctMs;
        return
        [
            new($"FLOOR load: the same {loadFloor.Rows:N0} rows ({string.Join(", ", loadFloor.Tables.Select(t => $"{t.Table} {t.Rows:N0}"))}), one prepared statement per table, one transaction ({loadFloor.CpuMs:N0} ms CPU); the load ({loadMs:N0} ms, {loadCpuMs:N0} ms CPU) is {loadMs / loadFloor.Ms:0.00}× it (CPU {loadCpuMs / loadFloor.CpuMs:0.00}×; target ≤ 2×)", loadFloor.Ms, InTotal: false),
            new($"FLOOR match: a dictionary lookup of each of the {matcher.Calls.Count:N0} cells and names as written; the match ({matchMs:N0} ms) is {matchMs / floorMs:0.0}× it", floorMs, InTotal: false),
            new($"FLOOR match: the {distinct:N0} distinct cells and names, once each in a fresh matcher; the match is {matchMs / allowance:0.00}× (2 × lookup floor + distinct) (target ≤ 1)", distinctMs, InTotal: false),
        ];
    }

    /// <summary>Managed bytes live now (after a compacting collection, not counted in the next stage's time).</summary>
    private static long Live(Stopwatch stopwatch)
    {
        var live = LiveMemory.Bytes();
        stopwatch.Restart();
        return live;
    }

    private static double Lap(Stopwatch stopwatch)
    {
        var ms = stopwatch.Elapsed.TotalMilliseconds;
        stopwatch.Restart();
        return ms;
    }
}
