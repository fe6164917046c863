using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using SharedServicesPipeline.Pipeline.Reporting;
using SharedServicesPipeline.Pipeline.Submissions;
using SharedServicesPipeline.Tests.Support;
using Xunit.Abstractions;
using static SharedServicesPipeline.Tests.Support.WorkbookBuilder;

namespace SharedServicesPipeline.Tests.Reliability;

/// <summary>
/// A long run of small submissions through SubmissionIngestor on a real SQLite mart and a real reports folder. The
/// ingestor is the whole path the blob function wraps. Through Azurite each delivery took about 230 ms here against
/// about 80 ms (a thousand would take about four minutes on this two-core machine); the blob steps around the ingestor
/// are covered by the fault and concurrency tests.
/// </summary>
[Collection(MeasuredAloneCollection.Name)]
public sealed class SustainedIntakeTests(ITestOutputHelper output)
{
    private const int Submissions = 1000;
    private const int Baseline = 100;

    private static readonly string[] Partners =
    [
        "Breckland District Council; South Holland District Council", "Essex County Council; Brentwood Borough Council",
        "Norfolk County Council; Breckland District Council", "Cambridgeshire County Council; Rutland County Council",
    ];

    [Fact]
    public async Task A_thousand_small_submissions_in_sequence_are_each_accounted_for_with_a_report_and_memory_stays_flat()
    {
        await using var mart = await TestMart.CreateAsync();
        var random = new Random(20261128);
        var dispositions = new Dictionary<SubmissionDisposition, int>();
        var withRowErrors = 0;
        long workingSetAtBaseline = 0;
        var clock = Stopwatch.StartNew();
        TimeSpan baselineAt = default;
        for (var i = 1; i <= Submissions; i++)
        {
            var (name, bytes) = Submission(i, random);
            var outcome = await mart.IngestAsync(new MemoryStream(bytes), name);

            // Accounted for: processed or rejected, never lost or a duplicate (every file differs), each with its reports.
            Assert.True(outcome.Disposition is SubmissionDisposition.Processed or SubmissionDisposition.Rejected, $"{name}: {outcome.Disposition}");
            Assert.True(File.Exists(Path.Combine(mart.ReportsPath, outcome.SubmissionId, OutcomeReport.FileName)), $"{name}: no outcome.json");
            Assert.True(File.Exists(Path.Combine(mart.ReportsPath, outcome.SubmissionId, ReportWorkbook.FileName)), $"{name}: no report.xlsx");
            dispositions[outcome.Disposition] = dispositions.GetValueOrDefault(outcome.Disposition) + 1;
            withRowErrors += outcome.RowsRejected > 0 ? 1 : 0;
            if (i == Baseline)
            {
                workingSetAtBaseline = SettledWorkingSet();
                baselineAt = clock.Elapsed;
            }
        }

        var workingSetAtEnd = SettledWorkingSet();
        output.WriteLine($"{Submissions} submissions in {clock.Elapsed.TotalSeconds:0.0} s (first {Baseline} in {baselineAt.TotalSeconds:0.0} s); " +
            $"{dispositions.GetValueOrDefault(SubmissionDisposition.Processed)} processed ({withRowErrors} with rejected rows), {dispositions.GetValueOrDefault(SubmissionDisposition.Rejected)} rejected whole");
        output.WriteLine($"working set after GC: {workingSetAtBaseline / 1048576.0:0.0} MB after {Baseline}, {workingSetAtEnd / 1048576.0:0.0} MB after {Submissions} ({(double)workingSetAtEnd / workingSetAtBaseline:0.00}x)");

        Assert.Equal(Submissions, dispositions.Values.Sum());
        Assert.InRange(dispositions.GetValueOrDefault(SubmissionDisposition.Rejected), 50, 150);
        Assert.InRange(withRowErrors, 50, 150);
        Assert.Equal(dispositions[SubmissionDisposition.Processed], await mart.QueryAsync(db => db.Submissions.CountAsync(s => s.SubmissionKey > 0)));
        Assert.Equal(Submissions, Directory.GetDirectories(mart.ReportsPath).Length);
        Assert.True(workingSetAtEnd <= workingSetAtBaseline * 1.2,
            $"the working set grew from {workingSetAtBaseline / 1048576.0:0.0} MB to {workingSetAtEnd / 1048576.0:0.0} MB");
    }

    /// <summary>Mostly good files of one to three rows; about one in ten with a row that fails, one in ten unreadable.</summary>
    private static (string Name, byte[] Bytes) Submission(int i, Random random)
    {
        var kind = random.Next(10);
        if (kind == 0)
        {
            var junk = new byte[random.Next(64, 2048)];
            random.NextBytes(junk);
            return random.Next(2) == 0 ? ($"return-{i}.xlsx", [(byte)'P', (byte)'K', 3, 4, .. junk]) : ($"return-{i}.csv", junk);
        }

        var rows = Enumerable.Range(1, random.Next(1, 4))
            .Select(r => Row($"Shared service {i}.{r}", Partners[(i + r) % Partners.Length], service: r % 2 == 0 ? "Legal" : "Waste collection", start: $"01/04/{2000 + (i % 20)}", annualSavings: 1000 * r))
            .ToList();
        if (kind == 1)
        {
            rows.Add(Row($"Shared mistake {i}", Partners[i % Partners.Length], start: "31/02/2015"));
        }

        return ($"return-{i}.csv", SubmissionCsv.Build([.. rows]));
    }

    private static long SettledWorkingSet()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }
}
