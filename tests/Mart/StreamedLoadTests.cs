using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharedServicesPipeline.DataMart;
using SharedServicesPipeline.DataMart.Quality;
using SharedServicesPipeline.Pipeline;
using SharedServicesPipeline.Pipeline.Submissions;
using SharedServicesPipeline.Tests.Support;
using static SharedServicesPipeline.Tests.Support.WorkbookBuilder;

namespace SharedServicesPipeline.Tests.Mart;

/// <summary>
/// The load takes a file's rows a slice at a time while the rest is still being read (here two rows a slice), inside one
/// transaction: what was written before a problem surfaced must go with the rest, whether the file turned out too long,
/// too much work (<see cref="IntakeOptions.MaxWorkSeconds"/>) or the mart faulted.
/// </summary>
public sealed class StreamedLoadTests
{
    // A few rows' work: each row is charged a row, two partner names and two bridge rows, the first ones two new names
    // too, so this runs out past the first slices of two rows and long before the twentieth row.
    private static readonly string FewRowsOfWork = ((((WorkCost.Row + (2 * WorkCost.BridgeRow)) * 6) + (3 * WorkCost.DistinctName)) / 1e9)
        .ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static object?[] Arrangement(int i) =>
        Row($"Shared service {i}", "Essex County Council; Braintree District Council", service: "ICT", start: "01/04/2012", annualSavings: 1000 * i);

    [Fact]
    public async Task A_file_found_too_long_part_way_loads_nothing_though_its_first_slices_were_written()
    {
        await using var mart = await TestMart.CreateAsync(settings: new Dictionary<string, string?> { ["Intake:SliceRows"] = "2", ["Intake:MaxRows"] = "5" });

        var outcome = await mart.IngestAsync(new MemoryStream(SubmissionCsv.Build([.. Enumerable.Range(1, 7).Select(Arrangement)])), "long.csv");

        Assert.Equal(SubmissionDisposition.Rejected, outcome.Disposition);
        Assert.Contains(outcome.Problems, p => p.Code == "file.too-many-rows");
        await AssertNothingLoadedButTheReportAsync(mart, outcome);
    }

    [Fact]
    public async Task A_fault_after_several_slices_were_written_leaves_nothing_and_the_next_attempt_loads_every_row()
    {
        // Saves: the submission, the released held rows, the first slice's new dimension members (later slices add none, and
        // new facts go in set-based, not through SaveChanges), then the submission's counts at the end: the 4th comes after
        // all five slices of facts were written.
        var fault = new FailingSaveInterceptor(4) { Armed = true };
        await using var mart = await TestMart.CreateAsync(
            services => services.ConfigureDbContext<SqliteMartDbContext>(options => options.AddInterceptors(fault)),
            new Dictionary<string, string?> { ["Intake:SliceRows"] = "2" });
        var file = SubmissionCsv.Build([.. Enumerable.Range(1, 9).Select(Arrangement)]);

        await Assert.ThrowsAsync<IOException>(() => mart.IngestAsync(new MemoryStream(file), "return.csv"));
        Assert.Equal(0, await mart.QueryAsync(db => db.Arrangements.CountAsync()));
        Assert.Equal(0, await mart.QueryAsync(db => db.Submissions.CountAsync(s => s.SubmissionKey > 0)));

        var retried = await mart.IngestAsync(new MemoryStream(file), "return.csv");
        Assert.Equal((SubmissionDisposition.Processed, 9, 9), (retried.Disposition, retried.RowsAccepted, retried.ArrangementsAdded));
        Assert.Equal(9, await mart.QueryAsync(db => db.Arrangements.CountAsync()));
        Assert.Empty(await mart.QueryAsync(db => MartDataTests.RunAsync(db, null, CancellationToken.None)));
    }

    [Fact]
    public async Task Ingest_refuses_a_file_whose_rows_cost_more_than_the_work_budget_and_loads_nothing()
    {
        await using var mart = await TestMart.CreateAsync(settings: new Dictionary<string, string?> { ["Intake:SliceRows"] = "2", ["Intake:MaxWorkSeconds"] = FewRowsOfWork });

        var outcome = await mart.IngestAsync(new MemoryStream(SubmissionCsv.Build([.. Enumerable.Range(1, 20).Select(Arrangement)])), "big-return.csv");

        Assert.Equal(SubmissionDisposition.Rejected, outcome.Disposition);
        var refusal = Assert.Single(outcome.Problems, p => p.Severity == ProblemSeverity.FileError);
        Assert.Equal(WorkBudget.TooMuchWork, refusal.Code);
        Assert.StartsWith("big-return.csv holds more than one submission may", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("Split the file into smaller returns", refusal.Message, StringComparison.Ordinal);
        // Refused part-way, after slices had gone to the load: "at row N of sheet …, after M rows".
        var rowsBefore = int.Parse(System.Text.RegularExpressions.Regex.Match(refusal.Message, @"after (\d+) rows").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(rowsBefore, 3, 19);
        await AssertNothingLoadedButTheReportAsync(mart, outcome);
    }

    [Fact]
    public async Task The_same_file_within_the_default_budget_loads_every_row()
    {
        await using var mart = await TestMart.CreateAsync(settings: new Dictionary<string, string?> { ["Intake:SliceRows"] = "2" });

        var outcome = await mart.IngestAsync(new MemoryStream(SubmissionCsv.Build([.. Enumerable.Range(1, 20).Select(Arrangement)])), "big-return.csv");

        Assert.Equal((SubmissionDisposition.Processed, 20, 20), (outcome.Disposition, outcome.RowsAccepted, outcome.ArrangementsAdded));
        Assert.DoesNotContain(outcome.Problems, p => p.Code == WorkBudget.TooMuchWork);
    }

    // Refused whole: no row, arrangement or submission in the mart, and the submitter's report written all the same.
    private static async Task AssertNothingLoadedButTheReportAsync(TestMart mart, SubmissionOutcome outcome)
    {
        Assert.Equal((0, 0), (outcome.RowsAccepted, outcome.ArrangementsAdded));
        Assert.Equal(0, await mart.QueryAsync(db => db.Arrangements.CountAsync()));
        Assert.Equal(0, await mart.QueryAsync(db => db.Submissions.CountAsync(s => s.SubmissionKey > 0)));
        Assert.True(File.Exists(Path.Combine(mart.ReportsPath, outcome.SubmissionId, "outcome.json")));
    }
}
