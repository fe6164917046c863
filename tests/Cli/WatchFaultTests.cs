using Microsoft.Data.Sqlite;
using SharedServicesPipeline.Cli;
using SharedServicesPipeline.Pipeline.Reporting;
using SharedServicesPipeline.Pipeline.Submissions;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Cli;

/// <summary><c>ssp watch</c> counts attempts as the blob trigger does: a file that always faults ends in rejected/ with a report.</summary>
public sealed class WatchFaultTests
{
    [Fact]
    public async Task Watch_rejects_a_file_that_faults_on_every_attempt_with_a_report_instead_of_trying_it_for_ever()
    {
        using var folder = new TempFolder("ssp-watch-fault-");
        var incoming = Directory.CreateDirectory(folder.File("incoming"));
        var paths = new LocalPaths(folder.File("mart/sharedservices.db"), folder.File("extracts"));
        await using var runner = await PipelineRunner.StartAsync(paths, verbose: false, CancellationToken.None);
        var store = new FolderSubmissionStore(incoming.FullName, TimeSpan.Zero);
        var file = new FileInfo(Path.Combine(incoming.FullName, "county-return.csv"));
        File.Copy(Path.Combine(RepositoryPaths.Samples, "county-return.csv"), file.FullName);

        // The mart becomes unreachable after start (its file replaced by a folder): every attempt faults.
        SqliteConnection.ClearAllPools();
        File.Delete(paths.Database);
        Directory.CreateDirectory(paths.Database);

        for (var attempt = 1; attempt < runner.MaxAttempts; attempt++)
        {
            await Assert.ThrowsAnyAsync<Exception>(async () => await runner.ProcessAsync(store, (await store.FindAsync(file.Name, CancellationToken.None))!, CancellationToken.None));
            Assert.True(file.Exists, $"after attempt {attempt} the file waits in incoming/");
            Assert.Equal(attempt, store.AttemptsOf(file.Name));
        }

        var outcome = await runner.ProcessAsync(store, (await store.FindAsync(file.Name, CancellationToken.None))!, CancellationToken.None);

        Assert.Equal(SubmissionDisposition.Rejected, outcome.Disposition);
        var problem = Assert.Single(outcome.Problems);
        Assert.Equal("file.could-not-be-processed", problem.Code);
        Assert.Contains($"after {runner.MaxAttempts} attempts", problem.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(file.FullName));
        Assert.Single(Directory.GetFiles(folder.File("rejected"), "county-return.csv", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFiles(incoming.FullName, "*", SearchOption.AllDirectories));
        var report = OutcomeReport.Read(await File.ReadAllBytesAsync(Path.Combine(paths.Reports, outcome.SubmissionId, OutcomeReport.FileName)));
        Assert.Equal(SubmissionDisposition.Rejected, report!.Disposition);
    }

    [Fact]
    public void The_CLI_gives_up_after_as_many_attempts_as_the_blob_trigger()
    {
        var hostJson = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "functions", "host.json")))!;
        var threshold = hostJson["extensions"]!["blobs"]!["poisonBlobThreshold"]!.GetValue<int>();

        Assert.Equal(threshold, new SharedServicesPipeline.Pipeline.IntakeOptions().MaxAttempts);
    }
}
