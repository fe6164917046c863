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
