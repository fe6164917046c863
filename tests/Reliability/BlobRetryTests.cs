using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharedServicesPipeline.DataMart;
using SharedServicesPipeline.Functions.Functions;
using SharedServicesPipeline.Functions.Storage;
using SharedServicesPipeline.Pipeline.Intake;
using SharedServicesPipeline.Pipeline.Reporting;
using SharedServicesPipeline.Pipeline.Submissions;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Reliability;

/// <summary>Faults injected at the loader seam, with real Azurite and SQLite; deliveries are repeated as the host would.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BlobRetryTests
{
    private static async Task<Exception?> DeliverAsync(FunctionsHost host, string name) =>
        await Record.ExceptionAsync(() => host.InScopeAsync(async sp =>
        {
            var blob = host.Container(host.Containers.Incoming).GetBlobClient(name);
            await new IngestSubmission(sp.GetRequiredService<SubmissionIntake>(), sp.GetRequiredService<BlobSubmissionStore>()).Run(blob, CancellationToken.None);
            return 0;
        }));

    [Fact]
    public async Task A_load_that_fails_once_rolls_back_and_the_redelivery_loads_it_once()
    {
        var plan = new FaultPlan(1);
        await using var host = await FunctionsHost.StartAsync(configure: s => FaultyLoader.Install(s, plan));
        await host.DropAsync("county-return.csv", await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.Samples, "county-return.csv")));

        Assert.NotNull(await DeliverAsync(host, "county-return.csv"));
        Assert.Single(await host.ListAsync(host.Containers.Incoming)); // the original waits for the retry
        Assert.Equal(0, await host.InScopeAsync(sp => sp.GetRequiredService<MartDbContext>().Submissions.CountAsync(s => s.SubmissionKey > 0)));

        Assert.Null(await DeliverAsync(host, "county-return.csv"));
        Assert.Equal(1, await host.InScopeAsync(sp => sp.GetRequiredService<MartDbContext>().Submissions.CountAsync(s => s.SubmissionKey > 0)));
        Assert.Empty(await host.ListAsync(host.Containers.Incoming));
        Assert.Single(await host.ListAsync(host.Containers.Processed));
    }

    [Fact]
    public async Task A_submission_that_faults_on_every_attempt_ends_in_rejected_with_a_report_instead_of_looping()
    {
        var plan = new FaultPlan(int.MaxValue);
        await using var host = await FunctionsHost.StartAsync(
            settings: new Dictionary<string, string?> { ["Intake:MaxAttempts"] = "3" },
            configure: s => FaultyLoader.Install(s, plan));
        await host.DropAsync("county-return.csv", await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.Samples, "county-return.csv")));

        Assert.NotNull(await DeliverAsync(host, "county-return.csv"));
        Assert.NotNull(await DeliverAsync(host, "county-return.csv"));
        Assert.Null(await DeliverAsync(host, "county-return.csv")); // the third and last attempt gives up cleanly

        Assert.Empty(await host.ListAsync(host.Containers.Incoming));
        var rejected = Assert.Single(await host.ListAsync(host.Containers.Rejected));
        Assert.EndsWith("county-return.csv", rejected, StringComparison.Ordinal);
        var report = Assert.Single(await host.ListAsync(host.Containers.Reports), r => r.EndsWith(OutcomeReport.FileName, StringComparison.Ordinal));
        var outcome = OutcomeReport.Read((await host.Container(host.Containers.Reports).GetBlobClient(report).DownloadContentAsync()).Value.Content.ToArray())!;
        Assert.Equal(SubmissionDisposition.Rejected, outcome.Disposition);
        Assert.Contains(outcome.Problems, p => p.Code == "file.could-not-be-processed" && p.Message.Contains("3 attempts", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_redelivery_after_the_load_but_before_the_move_loads_nothing_twice_and_finishes_the_move()
    {
        await using var host = await FunctionsHost.StartAsync();
        var bytes = await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.Samples, "county-return.csv"));
        await host.DropAsync("county-return.csv", bytes);
        // The process "died" after loading: the load happened, the blob was neither moved nor deleted.
        await using (var content = new MemoryStream(bytes))
        {
            await host.InScopeAsync(sp => sp.GetRequiredService<SharedServicesPipeline.Pipeline.SubmissionIngestor>()
                .IngestAsync(new SubmissionInput(content, "county-return.csv", DateTimeOffset.UtcNow), CancellationToken.None));
        }

        var arrangementsBefore = await host.InScopeAsync(sp => sp.GetRequiredService<MartDbContext>().Arrangements.CountAsync());
        Assert.Null(await DeliverAsync(host, "county-return.csv"));

        Assert.Equal(arrangementsBefore, await host.InScopeAsync(sp => sp.GetRequiredService<MartDbContext>().Arrangements.CountAsync()));
        Assert.Equal(1, await host.InScopeAsync(sp => sp.GetRequiredService<MartDbContext>().Submissions.CountAsync(s => s.SubmissionKey > 0)));
        Assert.Empty(await host.ListAsync(host.Containers.Incoming));
        Assert.Single(await host.ListAsync(host.Containers.Processed));
        Assert.Contains(await host.ListAsync(host.Containers.Reports), r => r.EndsWith(OutcomeReport.FileName, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Attempts_are_counted_on_the_blob()
    {
        var plan = new FaultPlan(2);
        await using var host = await FunctionsHost.StartAsync(configure: s => FaultyLoader.Install(s, plan));
        await host.DropAsync("county-return.csv", await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.Samples, "county-return.csv")));

        await DeliverAsync(host, "county-return.csv");
        await DeliverAsync(host, "county-return.csv");

        var properties = await host.Container(host.Containers.Incoming).GetBlobClient("county-return.csv").GetPropertiesAsync();
        Assert.Equal("2", properties.Value.Metadata[BlobSubmissionStore.AttemptsKey]);
        Assert.Empty(await host.ListAsync(host.Containers.Processed));
    }
}
