using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharedServicesPipeline.DataMart;
using SharedServicesPipeline.Functions.Storage;
using SharedServicesPipeline.Pipeline.Reporting;
using SharedServicesPipeline.Pipeline.Submissions;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Intake;

/// <summary>Every malformed file gets a clear file-level outcome with its reason code, never an exception, and is kept.</summary>
public sealed class MalformedCorpusTests
{
    public static TheoryData<string> Corpus => new(MalformedCorpus.All.Select(c => c.Name));

    [Fact]
    public void The_corpus_has_at_least_15_committed_files_and_every_one_is_used()
    {
        var committed = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestData", "intake", "malformed")).Select(Path.GetFileName).Order().ToList();

        Assert.True(committed.Count >= 15, $"{committed.Count} committed files");
        Assert.Equal(committed, MalformedCorpus.All.Select(c => c.Name).Where(n => committed.Contains(n)).Order());
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task A_malformed_file_gets_a_file_level_outcome_with_its_reason_code_and_a_report(string name)
    {
        var malformed = MalformedCorpus.Named(name);
        await using var mart = await TestMart.CreateAsync(IntakeRegister.Use, malformed.Settings);

        var outcome = await mart.IngestAsync(new MemoryStream(malformed.Bytes()), malformed.Name);

        Assert.Equal(malformed.Disposition, outcome.Disposition);
        var problem = Assert.Single(outcome.Problems, p => p.Severity != ProblemSeverity.Warning);
        Assert.Equal(malformed.Code, problem.Code);
        Assert.True(problem.Message.Length > 40, problem.Message);
        Assert.Equal(0, await mart.QueryAsync(db => db.Arrangements.CountAsync()));
        Assert.True(File.Exists(Path.Combine(mart.ReportsPath, outcome.SubmissionId, ReportWorkbook.FileName)));
        Assert.True(File.Exists(Path.Combine(mart.ReportsPath, outcome.SubmissionId, OutcomeReport.FileName)));
    }

    [Fact]
    public async Task A_million_blank_rows_are_not_read_to_the_end_and_the_outcome_says_where_reading_stopped()
    {
        await using var mart = await TestMart.CreateAsync(IntakeRegister.Use);

        var outcome = await mart.IngestAsync(new MemoryStream(MalformedCorpus.Named("million-blank-rows.xlsx").Bytes()), "blank.xlsx");

        var stopped = Assert.Single(outcome.Problems, p => p.Code == "sheet.reading-stopped");
        Assert.Equal(10_001, stopped.Row);
    }

    [Fact]
    public async Task A_zip_whose_directory_lies_about_a_part_is_refused_as_soon_as_the_part_outgrows_its_declared_size()
    {
        await using var mart = await TestMart.CreateAsync(IntakeRegister.Use);

        var outcome = await mart.IngestAsync(new MemoryStream(MalformedCorpus.Named("zip-bomb-lying-directory.xlsx").Bytes()), "bomb.xlsx");

        var problem = Assert.Single(outcome.Problems);
        Assert.Contains("inflates past the 1,000 bytes its directory declares", problem.Message, StringComparison.Ordinal);
    }
}

/// <summary>The blob path: whatever the file, the original ends in rejected/ (or processed/) unchanged, next to its report.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class MalformedCorpusBlobTests
{
    [Fact]
    public async Task Every_malformed_file_dropped_in_incoming_is_kept_byte_for_byte_and_gets_its_reports()
    {
        await using var host = await FunctionsHost.StartAsync();
        foreach (var malformed in MalformedCorpus.All.Where(c => c.Settings is null))
        {
            var bytes = malformed.Bytes();
            var blob = await host.DropAsync(malformed.Name, bytes);

            var outcome = (await host.InScopeAsync(sp => sp.GetRequiredService<SharedServicesPipeline.Pipeline.Intake.SubmissionIntake>().ProcessAsync(sp.GetRequiredService<BlobSubmissionStore>(), blob.Name, CancellationToken.None)))!;

            Assert.True(malformed.Code == outcome.Problems.FirstOrDefault(p => p.Severity != ProblemSeverity.Warning)?.Code, $"{malformed.Name}: {outcome.Summary}");
            var container = outcome.Disposition == SubmissionDisposition.Rejected ? host.Containers.Rejected : host.Containers.Processed;
            var kept = Assert.Single(await host.ListAsync(container), n => n.EndsWith("/" + malformed.Name, StringComparison.Ordinal));
            var content = await host.Container(container).GetBlobClient(kept).DownloadContentAsync();
            Assert.True(bytes.AsSpan().SequenceEqual(content.Value.Content.ToMemory().Span), $"{malformed.Name} was not kept unchanged");
            var reports = await host.ListAsync(host.Containers.Reports);
            Assert.Contains($"{outcome.SubmissionId}/{ReportWorkbook.FileName}", reports);
            Assert.Contains($"{outcome.SubmissionId}/{OutcomeReport.FileName}", reports);
        }

        Assert.Empty(await host.ListAsync(host.Containers.Incoming));
        Assert.Equal(0, await host.InScopeAsync(sp => sp.GetRequiredService<MartDbContext>().Arrangements.CountAsync()));
    }
}
