using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharedServicesPipeline.DataMart;
using SharedServicesPipeline.Functions.Functions;
using SharedServicesPipeline.Functions.Storage;
using SharedServicesPipeline.Pipeline.Intake;
using SharedServicesPipeline.Pipeline.Reporting;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Functions;

[Collection(AzuriteCollection.Name)]
public sealed class IngestSubmissionFunctionTests
{
    [Fact]
    public async Task A_workbook_dropped_in_incoming_is_loaded_and_moved_to_processed_with_its_report()
    {
        await using var host = await FunctionsHost.StartAsync();
        var bytes = await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.Samples, "lga-shared-services-2011.xlsx"));
        var blob = await host.DropAsync("lga-shared-services-2011.xlsx", bytes);

        await host.InScopeAsync(async sp =>
        {
            await new IngestSubmission(sp.GetRequiredService<SubmissionIntake>(), sp.GetRequiredService<BlobSubmissionStore>()).Run(blob, CancellationToken.None);
            return 0;
        });

        var arrangements = await host.InScopeAsync(sp => sp.GetRequiredService<MartDbContext>().Arrangements.CountAsync());
        Assert.Equal(32, arrangements);
        Assert.Empty(await host.ListAsync(host.Containers.Incoming));
        var processed = Assert.Single(await host.ListAsync(host.Containers.Processed));
        Assert.Matches(@"^\d{4}/\d{2}/\d{2}/lga-shared-services-2011\.xlsx$", processed);
        var moved = await host.Container(host.Containers.Processed).GetBlobClient(processed).DownloadContentAsync();
        Assert.Equal(bytes, moved.Value.Content.ToArray());
        var reports = await host.ListAsync(host.Containers.Reports);
        Assert.Contains(reports, r => r.EndsWith("/" + OutcomeReport.FileName, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_next_return_is_compared_with_the_snapshot_streamed_to_the_reports_container()
    {
        await using var host = await FunctionsHost.StartAsync();
        var first = await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.Samples, "county-return.csv"));
        // The same return a month later with one more line: a different file, compared with the first by its name.
        byte[] second = [.. first, .. "R-NEW-1,Shared payroll service,Kent County Council; Ashford Borough Council,,HR,,,,,,,,,,,\r\n"u8.ToArray()];
        async Task<Pipeline.Submissions.SubmissionOutcome> IngestAsync(byte[] bytes)
        {
            var blob = await host.DropAsync("county-return.csv", bytes);
            return (await host.InScopeAsync(sp => sp.GetRequiredService<SubmissionIntake>().ProcessAsync(sp.GetRequiredService<BlobSubmissionStore>(), blob.Name, CancellationToken.None)))!;
        }

        var earlier = await IngestAsync(first);
        var later = await IngestAsync(second);

        var reports = host.Container(host.Containers.Reports);
        var snapshot = (await reports.GetBlobClient($"{earlier.SubmissionId}/{ArrangementSnapshot.ReportName}").DownloadContentAsync()).Value.Content.ToString();
        Assert.StartsWith("{\"arrangements\":[", snapshot, StringComparison.Ordinal);
        var page = (await reports.GetBlobClient($"{later.SubmissionId}/{ReportPage.FileName}").DownloadContentAsync()).Value.Content.ToString();
        Assert.Contains("Since your last submission", page, StringComparison.Ordinal);
        Assert.Contains(earlier.SubmissionId, page, StringComparison.Ordinal);
        Assert.Contains("data-figure=\"added\"><dt>Arrangements added</dt><dd>1</dd>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_a_spreadsheet_is_moved_to_rejected_with_a_report_and_nothing_loaded()
    {
        await using var host = await FunctionsHost.StartAsync();
        var blob = await host.DropAsync("notes.xlsx", "this is not a workbook\u0000\u0001\u0002"u8.ToArray());

        var outcome = (await host.InScopeAsync(sp => sp.GetRequiredService<SubmissionIntake>().ProcessAsync(sp.GetRequiredService<BlobSubmissionStore>(), blob.Name, CancellationToken.None)))!;

        Assert.Equal(Pipeline.Submissions.SubmissionDisposition.Rejected, outcome.Disposition);
        Assert.Contains(outcome.Problems, p => p.Code == "file.not-a-spreadsheet");
        Assert.Empty(await host.ListAsync(host.Containers.Incoming));
        Assert.Single(await host.ListAsync(host.Containers.Rejected));
        Assert.Equal(0, await host.InScopeAsync(sp => sp.GetRequiredService<MartDbContext>().Arrangements.CountAsync()));
    }
}
