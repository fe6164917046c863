using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharedServicesPipeline.DataMart;
using SharedServicesPipeline.Pipeline;
using SharedServicesPipeline.Pipeline.Intake;
using SharedServicesPipeline.Pipeline.Reporting;
using SharedServicesPipeline.Pipeline.Submissions;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Intake.Stores;

/// <summary>
/// The drop-folder policy (<see cref="SubmissionIntake"/>), specified once and run against every store: the blob
/// store in the Functions app and the folder store of <c>ssp watch</c>. Each host gets the same outcome from the same file.
/// </summary>
public abstract class SubmissionStorePolicyTests
{
    private static readonly byte[] CountyReturn = File.ReadAllBytes(Path.Combine(RepositoryPaths.Samples, "county-return.csv"));

    protected abstract Task<StoreUnderTest> StartAsync(Action<IServiceCollection>? configure = null);

    [Fact]
    public async Task A_file_is_ingested_and_filed_on_processed_under_the_day_it_was_received_with_its_report()
    {
        await using var store = await StartAsync();
        await store.DropAsync("county-return.csv", CountyReturn);
        var waiting = Assert.Single(await store.Store.ListAsync(CancellationToken.None));

        var outcome = await store.ProcessAsync("county-return.csv");

        Assert.Equal(SubmissionDisposition.Processed, outcome!.Disposition);
        Assert.Equal(waiting.ReceivedAt, outcome.ReceivedAt);
        Assert.Empty(await store.Store.ListAsync(CancellationToken.None));
        var filed = Assert.Single(await store.FiledAsync(SubmissionShelf.Processed));
        Assert.Equal($"{waiting.ReceivedAt.UtcDateTime:yyyy'/'MM'/'dd}/county-return.csv", filed);
        Assert.Equal(CountyReturn, await store.ReadFiledAsync(SubmissionShelf.Processed, filed));
        Assert.NotNull(await ReportAsync(store, outcome.SubmissionId));
    }

    [Fact]
    public async Task A_file_that_is_not_a_spreadsheet_is_filed_on_rejected_and_nothing_is_loaded()
    {
        await using var store = await StartAsync();
        await store.DropAsync("notes.xlsx", "this is not a workbook\u0000\u0001\u0002"u8.ToArray());

        var outcome = await store.ProcessAsync("notes.xlsx");

        Assert.Equal(SubmissionDisposition.Rejected, outcome!.Disposition);
        Assert.Contains(outcome.Problems, p => p.Code == "file.not-a-spreadsheet");
        Assert.Single(await store.FiledAsync(SubmissionShelf.Rejected));
        Assert.Empty(await store.FiledAsync(SubmissionShelf.Processed));
        Assert.Equal(0, await store.InScopeAsync(sp => sp.GetRequiredService<MartDbContext>().Arrangements.CountAsync()));
    }

    [Fact]
    public async Task A_file_that_faults_on_every_attempt_waits_with_its_attempts_counted_then_is_rejected_with_a_report()
    {
        await using var store = await StartAsync(s => FaultyLoader.Install(s, new FaultPlan(int.MaxValue)));
        await store.DropAsync("county-return.csv", CountyReturn);
        var maxAttempts = store.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<IntakeOptions>>().Value.MaxAttempts;

        for (var attempt = 1; attempt < maxAttempts; attempt++)
        {
            await Assert.ThrowsAnyAsync<Exception>(() => store.ProcessAsync("county-return.csv"));
            var waiting = Assert.Single(await store.Store.ListAsync(CancellationToken.None));
            Assert.Equal(attempt, waiting.Attempts);
        }

        var outcome = await store.ProcessAsync("county-return.csv");

        Assert.Equal(SubmissionDisposition.Rejected, outcome!.Disposition);
        var problem = Assert.Single(outcome.Problems);
        Assert.Equal("file.could-not-be-processed", problem.Code);
        Assert.Contains($"after {maxAttempts} attempts", problem.Message, StringComparison.Ordinal);
        Assert.Empty(await store.Store.ListAsync(CancellationToken.None));
        Assert.EndsWith("/county-return.csv", Assert.Single(await store.FiledAsync(SubmissionShelf.Rejected)), StringComparison.Ordinal);
        Assert.Equal(SubmissionDisposition.Rejected, (await ReportAsync(store, outcome.SubmissionId))!.Disposition);
    }

    [Fact]
    public async Task A_second_file_of_the_same_name_is_filed_beside_the_first_under_its_own_id()
    {
        await using var store = await StartAsync();
        await store.DropAsync("county-return.csv", CountyReturn);
        var first = await store.ProcessAsync("county-return.csv");
        await store.DropAsync("county-return.csv", SubmissionCsv.Build(WorkbookBuilder.Row("Shared legal service", "Adur District Council; Worthing Borough Council")));
        var second = await store.ProcessAsync("county-return.csv");

        var filed = await store.FiledAsync(SubmissionShelf.Processed);

        Assert.Equal(2, filed.Count);
        Assert.Contains(filed, f => f.EndsWith("/county-return.csv", StringComparison.Ordinal));
        var renamed = Assert.Single(filed, f => f.EndsWith($"/county-return-{second!.SubmissionId}.csv", StringComparison.Ordinal));
        Assert.NotEqual(first!.SubmissionId, second!.SubmissionId);
        Assert.NotEqual(CountyReturn, await store.ReadFiledAsync(SubmissionShelf.Processed, renamed));
    }

    [Fact]
    public async Task A_retry_after_a_crash_between_the_load_and_the_report_gets_the_original_outcome_not_a_duplicate()
    {
        await using var store = await StartAsync(s => FailingReportSink.Install(s, new FaultPlan(1)));
        await store.DropAsync("county-return.csv", CountyReturn);
        await Assert.ThrowsAnyAsync<IOException>(() => store.ProcessAsync("county-return.csv"));
        var loaded = await store.InScopeAsync(sp => sp.GetRequiredService<MartDbContext>().Submissions.Where(s => s.SubmissionKey > 0).Select(s => s.SubmissionId).ToListAsync());

        var outcome = await store.ProcessAsync("county-return.csv");

        Assert.Equal(SubmissionDisposition.Processed, outcome!.Disposition);
        Assert.Null(outcome.DuplicateOf);
        Assert.Equal(Assert.Single(loaded), outcome.SubmissionId);
        Assert.Contains(outcome.Problems, p => p.Code == "report.rebuilt");
        Assert.Single(await store.FiledAsync(SubmissionShelf.Processed));
        Assert.NotNull(await ReportAsync(store, outcome.SubmissionId));
    }

    private static Task<SubmissionOutcome?> ReportAsync(StoreUnderTest store, string submissionId) =>
        store.InScopeAsync(async sp => await sp.GetRequiredService<IReportSink>().ReadAsync(submissionId, OutcomeReport.FileName, CancellationToken.None) is { } json
            ? OutcomeReport.Read(json)
            : null);
}
