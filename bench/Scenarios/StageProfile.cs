using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using SharedServicesPipeline.Pipeline.Loading;
using SharedServicesPipeline.Pipeline.Reading;
using SharedServicesPipeline.Pipeline.Reference;
using SharedServicesPipeline.Pipeline.Validation;

namespace SharedServicesPipeline.Bench.Scenarios;

/// <summary>
/// Where an ingest's time goes: the reader, the validator (and within it the authority matcher) and the loader, each
/// called directly as the ingestor calls them, on the same file and a fresh mart. The only code here that knows the
/// stages' signatures: when a stage changes shape, this is the file to follow it.
/// </summary>
internal static class StageProfile
{
    public static async Task<IReadOnlyList<(string Stage, double Ms)>> RunAsync(BenchMart freshMart, string path)
    {
        var services = freshMart.Services;
        var stages = new List<(string, double)>();
        var stopwatch = Stopwatch.StartNew();

        var bytes = await File.ReadAllBytesAsync(path);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        stages.Add(("buffer and hash the file", Lap(stopwatch)));

        var read = services.GetRequiredService<SubmissionReader>().Read(new MemoryStream(bytes, writable: false), Path.GetFileName(path));
        stages.Add(($"read ({read.Rows.Count:N0} rows)", Lap(stopwatch)));

        var (matcher, matcherTime) = TimingProxy<IAuthorityMatcher>.Wrap(services.GetRequiredService<IAuthorityMatcher>());
        var validator = ActivatorUtilities.CreateInstance<ArrangementValidator>(services, matcher);
        var accepted = new List<ArrangementRecord>();
        var held = new List<HeldRow>();
        var rejected = 0;
        foreach (var row in read.Rows)
        {
            var verdict = validator.Validate(row, c => c.ToString());
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
        stages.Add(($"validate, not counting the matcher ({accepted.Count:N0} accepted, {held.Count:N0} held, {rejected:N0} rejected)", validateMs - matcherTime.Elapsed.TotalMilliseconds));
        stages.Add(($"match authorities ({matcherTime.Calls:N0} calls)", matcherTime.Elapsed.TotalMilliseconds));

        using var sql = new SqlCommandMeter();
        await using (var scope = services.CreateAsyncScope())
        {
            var batch = new SubmissionBatch("profile-" + sha256[..12], Path.GetFileName(path), sha256, DateTimeOffset.UtcNow, null, read.Rows.Count, rejected, accepted, held);
            await scope.ServiceProvider.GetRequiredService<ISubmissionLoader>().LoadAsync(batch, CancellationToken.None);
        }

        var loadMs = Lap(stopwatch);
        stages.Add(("load into the mart: EF Core and the loader's own code", loadMs - sql.Elapsed.TotalMilliseconds));
        stages.Add(($"load into the mart: executing its {sql.Commands:N0} SQL commands", sql.Elapsed.TotalMilliseconds));
        return stages;
    }

    private static double Lap(Stopwatch stopwatch)
    {
        var ms = stopwatch.Elapsed.TotalMilliseconds;
        stopwatch.Restart();
        return ms;
    }
}
