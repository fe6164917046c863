using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharedServicesPipeline.DataMart;
using SharedServicesPipeline.Pipeline.Reporting;
using SharedServicesPipeline.Pipeline.Submissions;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Reliability;

/// <summary>
/// Storage fails at each step after the ingest (report, copy to processed/ or rejected/, delete from incoming/), before
/// the request or after it took effect; real Azurite and SQLite behind the fault, deliveries repeated as the host would.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StorageFaultTests
{
    public static TheoryData<string, FaultTiming, bool> Faults()
    {
        var data = new TheoryData<string, FaultTiming, bool>();
        foreach (var step in new[] { "report workbook", "report outcome", "copy", "delete" })
        {
            foreach (var timing in Enum.GetValues<FaultTiming>())
            {
                data.Add(step, timing, true);
                data.Add(step, timing, false);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Storage_fault_while_reporting_or_moving_loses_nothing_and_the_retry_completes(string step, FaultTiming timing, bool readable)
    {
        var (name, bytes) = readable
            ? ("county-return.csv", await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.Samples, "county-return.csv")))
            : ("broken.xlsx", "PK\u0003\u0004 this was a workbook once"u8.ToArray());
        var target = readable ? "processed" : "rejected";
        var fault = step switch
        {
            "report workbook" => new StorageFaultPolicy("PUT", "reports", b => b.EndsWith(ReportWorkbook.FileName, StringComparison.Ordinal), timing),
            "report outcome" => new StorageFaultPolicy("PUT", "reports", b => b.EndsWith(OutcomeReport.FileName, StringComparison.Ordinal), timing),
            "copy" => new StorageFaultPolicy("PUT", target, _ => true, timing),
            _ => new StorageFaultPolicy("DELETE", "incoming", _ => true, timing),
        };
        await using var host = await FunctionsHost.StartAsync(configure: fault.Install);
        await host.DropAsync(name, bytes);

        Assert.NotNull(await BlobDelivery.DeliverAsync(host, name));
        Assert.Empty(await BlobDelivery.DeliverUntilDoneAsync(host, name, maxDeliveries: 4));
        Assert.Equal(1, fault.Fired);

        // Nothing left behind, nothing lost, nothing twice.
        Assert.Empty(await host.ListAsync(host.Containers.Incoming));
        var moved = Assert.Single(await host.ListAsync(readable ? host.Containers.Processed : host.Containers.Rejected));
        Assert.Empty(await host.ListAsync(readable ? host.Containers.Rejected : host.Containers.Processed));
        var movedBlob = host.Container(readable ? host.Containers.Processed : host.Containers.Rejected).GetBlobClient(moved);
        Assert.Equal(bytes, (await movedBlob.DownloadContentAsync()).Value.Content.ToArray());
        var submissionId = (await movedBlob.GetPropertiesAsync()).Value.Metadata["submissionid"];

        var reports = await host.ListAsync(host.Containers.Reports);
        var outcome = OutcomeReport.Read((await host.Container(host.Containers.Reports).GetBlobClient($"{submissionId}/{OutcomeReport.FileName}").DownloadContentAsync()).Value.Content.ToArray())!;
        Assert.Contains(ReportWorkbook.FileName, outcome.Reports);
        Assert.Contains(ReportPage.FileName, outcome.Reports);
        Assert.Equal(outcome.Reports.Select(r => $"{submissionId}/{r}").Order(StringComparer.Ordinal), reports.Order(StringComparer.Ordinal));
        Assert.Equal(readable ? SubmissionDisposition.Processed : SubmissionDisposition.Rejected, outcome.Disposition);

        var (submissions, arrangements, versions) = await host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<MartDbContext>();
            return (await db.Submissions.CountAsync(s => s.SubmissionKey > 0), await db.Arrangements.CountAsync(), await db.ArrangementHistory.CountAsync());
        });
        Assert.Equal(readable ? 1 : 0, submissions);
        Assert.Equal(arrangements, versions); // each arrangement recorded once: nothing loaded twice
        Assert.Equal(readable ? outcome.RowsAccepted > 0 : false, arrangements > 0);
    }
}
