using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using SharedServicesPipeline.Bench.Measurement;
using SharedServicesPipeline.Pipeline.Loading;
using SharedServicesPipeline.Pipeline.Reading;
using SharedServicesPipeline.Pipeline.Reference;
using SharedServicesPipeline.Pipeline.Submissions;
using SharedServicesPipeline.Pipeline.Validation;

namespace SharedServicesPipeline.Bench.Scenarios;

/// <summary>
/// Where an ingest's time goes: the reader, the validator (and within it the authority matcher) and the loader, each
/// called directly as the ingestor calls them, on the same file and a fresh mart. The only code here that knows the
/// stages' signatures: when a stage changes shape, this is the file to follow it.
/// </summary>
internal static class StageProfile
{
    /// <returns>Each stage's time and the managed memory still live after it (what the next stages hold on to).</returns>
    public static async Task<IReadOnlyList<StageTime>> RunAsync(BenchMart freshMart, string path)
    {
        var services = freshMart.Services;
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

        var read = services.GetRequiredService<SubmissionReader>().Read(new MemoryStream(bytes, writable: false), Path.GetFileName(path));
        stages.Add(new($"read ({read.Rows.Count:N0} rows)", Lap(stopwatch), Live(stopwatch)));

        var (matcher, matcherTime) = TimingProxy<IAuthorityMatcher>.Wrap(services.GetRequiredService<IAuthorityMatcher>());
        var validator = ActivatorUtilities.CreateInstance<ArrangementValidator>(services, matcher);
        var accepted = new List<ArrangementRecord>();
        var held = new List<HeldRow>();
        List<SubmissionProblem>? problems = [.. read.Problems];
        var rejected = 0;
        foreach (var row in read.Rows)
        {
            var verdict = validator.Validate(row);
            problems.AddRange(verdict.Problems); // kept for the report, as the ingestor keeps them
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
        }

        var validateMs = Lap(stopwatch);
        stages.Add(new($"validate, not counting the matcher ({accepted.Count:N0} accepted, {held.Count:N0} held, {rejected:N0} rejected; {problems.Count:N0} problems)", validateMs - matcherTime.Elapsed.TotalMilliseconds));
        stages.Add(new($"match authorities ({matcherTime.Calls:N0} calls)", matcherTime.Elapsed.TotalMilliseconds, Live(stopwatch)));

        using var sql = new SqlCommandMeter();
        await using (var scope = services.CreateAsyncScope())
        {
            var batch = new SubmissionBatch("profile-" + sha256[..12], Path.GetFileName(path), sha256, DateTimeOffset.UtcNow, null, read.Rows.Count, rejected, accepted, held);
            await scope.ServiceProvider.GetRequiredService<ISubmissionLoader>().LoadAsync(batch, CancellationToken.None);
            var loadMs = Lap(stopwatch);

            // Measured while the scope (and the loader's DbContext with what it tracks) is still alive.
            stages.Add(new("load into the mart: EF Core and the loader's own code", loadMs - sql.Elapsed.TotalMilliseconds));
            stages.Add(new($"load into the mart: executing its {sql.Commands:N0} SQL commands", sql.Elapsed.TotalMilliseconds, Live(stopwatch)));
        }

        // What the problems alone hold: the ingestor keeps them all for the submitter's report.
        GC.KeepAlive(read);
        var withProblems = LiveMemory.Bytes();
        var problemCount = problems.Count;
        problems = null;
        stages.Add(new($"memory: the {problemCount:N0} problems kept for the report (not a stage)", 0, withProblems - LiveMemory.Bytes(), InTotal: false));
        return stages;
    }

    /// <summary>Managed bytes live now (after a full collection, not counted in the next stage's time).</summary>
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
