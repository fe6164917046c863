using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Cli;

/// <summary>The `ssp` verbs, run as a separate process on SQLite and local folders.</summary>
public sealed class SspCommandTests
{
    [Fact]
    public async Task Demo_builds_a_fresh_mart_from_the_samples_and_publishes_the_extracts()
    {
        using var work = new TempFolder();

        var (exit, output, error) = await SspProcess.RunAsync(work.Path, "demo", "--samples", RepositoryPaths.Samples);

        Assert.True(exit == 0, $"exit {exit}\n{output}\n{error}");
        var facts = ExtractCsv.Read(Path.Combine(work.Path, "data", "extracts", "fact_arrangement.csv"));
        var bridge = ExtractCsv.Read(Path.Combine(work.Path, "data", "extracts", "bridge_arrangement_partner.csv"));
        Assert.Equal(47, facts.Count);
        Assert.All(facts, f => Assert.Contains(bridge, b => b["arrangement_key"] == f["arrangement_key"]));
        Assert.True(File.Exists(Path.Combine(work.Path, "data", "sharedservices.db")));
        Assert.Contains("Demo done", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_honours_db_and_out_and_exits_1_when_rows_are_sent_back()
    {
        using var work = new TempFolder();
        var db = Path.Combine(work.Path, "elsewhere", "mart.db");
        var outDir = Path.Combine(work.Path, "published");

        var (exit, output, _) = await SspProcess.RunAsync(work.Path, "ingest", Path.Combine(RepositoryPaths.Samples, "messy-district-return.xlsx"), "--db", db, "--out", outDir);

        Assert.Equal(1, exit);
        Assert.Contains("2 rejected", output, StringComparison.Ordinal);
        Assert.True(File.Exists(db));
        Assert.NotEmpty(Directory.EnumerateFiles(Path.Combine(outDir, "reports"), "outcome.json", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Ingest_exits_2_for_a_file_that_is_not_a_spreadsheet()
    {
        using var work = new TempFolder();
        var junk = work.File("minutes.xlsx");
        await File.WriteAllBytesAsync(junk, [0x00, 0x01, 0x02, 0x03, 0xFF, 0xFE]);

        var (exit, output, _) = await SspProcess.RunAsync(work.Path, "ingest", junk);

        Assert.Equal(2, exit);
        Assert.Contains("minutes.xlsx: rejected:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_once_ingests_waiting_files_and_moves_them_to_processed()
    {
        using var work = new TempFolder();
        var incoming = Directory.CreateDirectory(work.File("incoming")).FullName;
        File.Copy(Path.Combine(RepositoryPaths.Samples, "county-return.csv"), Path.Combine(incoming, "county-return.csv"));

        var (exit, output, error) = await SspProcess.RunAsync(work.Path, "watch", incoming, "--once");

        Assert.True(exit == 0, $"exit {exit}\n{output}\n{error}");
        Assert.Empty(Directory.EnumerateFiles(incoming));
        Assert.Single(Directory.EnumerateFiles(work.File("processed"), "county-return.csv", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Watch_reads_a_council_folder_as_that_council_and_holds_a_row_for_another_council_s_arrangement()
    {
        using var work = new TempFolder();
        var incoming = Directory.CreateDirectory(work.File("incoming")).FullName;
        // Mid Sussex (E07000228) sends Adur and Worthing's arrangement, which it is not part of.
        var midSussex = Directory.CreateDirectory(Path.Combine(incoming, "E07000228")).FullName;
        await File.WriteAllBytesAsync(Path.Combine(midSussex, "legal.csv"), SubmissionCsv.Build(WorkbookBuilder.Row(
            "Adur and Worthing shared legal service", "Adur District Council; Worthing Borough Council", reference: "AW-LEGAL-01", lead: "Adur District Council")));

        var (exit, output, error) = await SspProcess.RunAsync(work.Path, "watch", incoming, "--once");

        Assert.True(exit == 1, $"exit {exit}\n{output}\n{error}");
        Assert.Contains("0 accepted, 0 rejected, 1 held for review", output, StringComparison.Ordinal);
        Assert.Contains("submission.not-a-party", output, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(midSussex));
        Assert.Single(Directory.EnumerateFiles(Path.Combine(work.File("processed"), "E07000228"), "legal.csv", SearchOption.AllDirectories));
        var report = Pipeline.Reporting.OutcomeReport.Read(await File.ReadAllBytesAsync(
            Assert.Single(Directory.GetFiles(work.File("data/extracts/reports"), Pipeline.Reporting.OutcomeReport.FileName, SearchOption.AllDirectories))))!;
        Assert.Equal("E07000228", report.SubmittingCouncil);
        Assert.Contains(report.Problems, p => p.Code == "submission.not-a-party" && p.Message.Contains("Mid Sussex District Council", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unknown_verb_is_a_usage_error()
    {
        using var work = new TempFolder();
        var (exit, _, _) = await SspProcess.RunAsync(work.Path, "frobnicate");
        Assert.Equal(64, exit);
    }

    [Fact]
    public async Task Normalise_prints_csv_and_an_operator_alias_in_the_reference_folder_is_used()
    {
        using var work = new TempFolder();
        var reference = Directory.CreateDirectory(Path.Combine(work.Path, "data", "reference")).FullName;
        await File.WriteAllTextAsync(Path.Combine(reference, "aliases.csv"), "alias,codes,kind,note\nBorsetshire Shared Services,E10000012;E07000066,group,test alias\n");

        var (exit, output, error) = await SspProcess.RunAsync(work.Path, "normalise", "Essex CC", "Borsetshire Shared Services", "Essex Police", "Ambridge DC");

        Assert.True(exit == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("input,status,authority_code,authority_name,sector,confidence", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("Essex CC,matched,E10000012,Essex County Council,council,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Borsetshire Shared Services,matched,E07000066,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Essex Police,body,", StringComparison.Ordinal) && l.Contains(",police,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Ambridge DC,unmatched,", StringComparison.Ordinal));
    }
}
