using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharedServicesPipeline.DataMart;
using SharedServicesPipeline.Pipeline.Reporting;
using SharedServicesPipeline.Pipeline.Submissions;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Reliability;

/// <summary>A submission loaded but never reported on (the process died in between) is finished by its re-delivery; real Azurite and SQLite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class LostReportTests
{
    private static readonly byte[] CountyReturn = File.ReadAllBytes(Path.Combine(RepositoryPaths.Samples, "county-return.csv"));

    [Fact]
    public async Task A_crash_after_the_load_before_the_report_is_finished_by_the_redelivery_which_writes_the_report_and_loads_nothing_twice()
    {
        // The first report write fails: the process "dies" with the rows loaded and the blob still in incoming/.
        var crash = new StorageFaultPolicy("PUT", "reports", _ => true, FaultTiming.BeforeRequest);
        await using var host = await FunctionsHost.StartAsync(configure: crash.Install);
        await host.DropAsync("county-return.csv", CountyReturn);

        Assert.NotNull(await BlobDelivery.DeliverAsync(host, "county-return.csv"));
        Assert.Equal(1, crash.Fired);
        var loaded = await host.InScopeAsync(sp => sp.GetRequiredService<MartDbContext>().Submissions.AsNoTracking().SingleAsync(s => s.SubmissionKey > 0));
        var arrangements = await host.InScopeAsync(sp => sp.GetRequiredService<MartDbContext>().Arrangements.CountAsync());
        Assert.Empty(await host.ListAsync(host.Containers.Reports));
        Assert.Single(await host.ListAsync(host.Containers.Incoming));

        Assert.Null(await BlobDelivery.DeliverAsync(host, "county-return.csv"));

        Assert.Equal(1, await host.InScopeAsync(sp => sp.GetRequiredService<MartDbContext>().Submissions.CountAsync(s => s.SubmissionKey > 0)));
        Assert.Equal(arrangements, await host.InScopeAsync(sp => sp.GetRequiredService<MartDbContext>().Arrangements.CountAsync()));
        Assert.Equal(arrangements, await host.InScopeAsync(sp => sp.GetRequiredService<MartDbContext>().ArrangementHistory.CountAsync()));
        Assert.Empty(await host.ListAsync(host.Containers.Incoming));
        var moved = Assert.Single(await host.ListAsync(host.Containers.Processed));
        var metadata = (await host.Container(host.Containers.Processed).GetBlobClient(moved).GetPropertiesAsync()).Value.Metadata;
        Assert.Equal(loaded.SubmissionId, metadata["submissionid"]);

        // The report is the loaded submission's, under its id, with its rows and problems.
        var outcome = await ReadOutcomeAsync(host, loaded.SubmissionId);
        Assert.Equal((SubmissionDisposition.Processed, "county-return.csv", loaded.ReceivedAt), (outcome.Disposition, outcome.FileName, outcome.ReceivedAt));
        Assert.Equal((loaded.RowsRead, loaded.RowsAccepted, loaded.RowsRejected, loaded.RowsHeld), (outcome.RowsRead, outcome.RowsAccepted, outcome.RowsRejected, outcome.RowsHeld));
        Assert.Contains(outcome.Problems, p => p.Code == "report.rebuilt");
        using var workbook = new XLWorkbook(new MemoryStream(await DownloadAsync(host, $"{loaded.SubmissionId}/{ReportWorkbook.FileName}")));
        Assert.Contains(workbook.Worksheets, w => w.Name != "Summary" && w.Name != "Problems" && w.RowsUsed().Count() > loaded.RowsRead);
    }

    [Fact]
    public async Task A_byte_identical_file_under_another_name_gets_a_report_of_its_own_naming_the_submission_it_duplicates()
    {
        await using var host = await FunctionsHost.StartAsync();
        await host.DropAsync("county-return.csv", CountyReturn);
        Assert.Null(await BlobDelivery.DeliverAsync(host, "county-return.csv"));
        var loaded = await host.InScopeAsync(sp => sp.GetRequiredService<MartDbContext>().Submissions.AsNoTracking().SingleAsync(s => s.SubmissionKey > 0));
        var original = await DownloadAsync(host, $"{loaded.SubmissionId}/{OutcomeReport.FileName}");

        await host.DropAsync("county-return (final).csv", CountyReturn);
        Assert.Null(await BlobDelivery.DeliverAsync(host, "county-return (final).csv"));

        Assert.Equal(1, await host.InScopeAsync(sp => sp.GetRequiredService<MartDbContext>().Submissions.CountAsync(s => s.SubmissionKey > 0)));
        var processed = await host.ListAsync(host.Containers.Processed);
        Assert.Equal(2, processed.Count);
        var copy = Assert.Single(processed, p => p.EndsWith("county-return (final).csv", StringComparison.Ordinal));
        var copyId = (await host.Container(host.Containers.Processed).GetBlobClient(copy).GetPropertiesAsync()).Value.Metadata["submissionid"];
        Assert.NotEqual(loaded.SubmissionId, copyId);

        var duplicate = await ReadOutcomeAsync(host, copyId);
        Assert.Equal((SubmissionDisposition.Duplicate, loaded.SubmissionId, "county-return (final).csv"), (duplicate.Disposition, duplicate.DuplicateOf, duplicate.FileName));
        Assert.Contains(loaded.SubmissionId, duplicate.Summary, StringComparison.Ordinal);
        using var workbook = new XLWorkbook(new MemoryStream(await DownloadAsync(host, $"{copyId}/{ReportWorkbook.FileName}")));
        Assert.Contains(workbook.Worksheet("Summary").CellsUsed(), c => c.GetString().Contains($"Duplicate of {loaded.SubmissionId}", StringComparison.Ordinal));
        // The original's report is left as it was.
        Assert.Equal(original, await DownloadAsync(host, $"{loaded.SubmissionId}/{OutcomeReport.FileName}"));
    }

    private static async Task<SubmissionOutcome> ReadOutcomeAsync(FunctionsHost host, string submissionId) =>
        OutcomeReport.Read(await DownloadAsync(host, $"{submissionId}/{OutcomeReport.FileName}"))!;

    private static async Task<byte[]> DownloadAsync(FunctionsHost host, string name) =>
        (await host.Container(host.Containers.Reports).GetBlobClient(name).DownloadContentAsync()).Value.Content.ToArray();
}
