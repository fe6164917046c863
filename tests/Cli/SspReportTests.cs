using ClosedXML.Excel;
using SharedServicesPipeline.Publishing;
using SharedServicesPipeline.Pipeline.Reporting;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Cli;

/// <summary>What `ssp` gives a submitter: the path of their report page, a way to open it, and the blank template.</summary>
public sealed class SspReportTests
{
    [Fact]
    public async Task Ingest_prints_the_path_of_each_report_page()
    {
        using var work = new TempFolder();

        var (exit, output, _) = await SspProcess.RunAsync(work.Path, "ingest", Path.Combine(RepositoryPaths.Samples, "messy-district-return.xlsx"), "--out", work.File("out"));

        Assert.Equal(1, exit);
        var line = Assert.Single(output.Split('\n'), l => l.Contains("Report page: ", StringComparison.Ordinal));
        var page = line[(line.IndexOf("Report page: ", StringComparison.Ordinal) + "Report page: ".Length)..].Trim();
        Assert.True(Path.IsPathFullyQualified(page), page);
        Assert.EndsWith(ReportPage.FileName, page, StringComparison.Ordinal);
        Assert.Contains("Partly loaded", await File.ReadAllTextAsync(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_open_without_a_program_to_open_the_page_says_so_and_still_finishes()
    {
        using var work = new TempFolder();
        // No xdg-open (nor anything else) on the PATH ssp sees: a server, a container.
        var environment = new Dictionary<string, string> { ["PATH"] = work.Path };

        var (exit, output, error) = await SspProcess.RunAsync(work.Path, environment, "ingest", "--open", Path.Combine(RepositoryPaths.Samples, "county-return.csv"), "--out", work.File("out"));

        Assert.Equal(0, exit);
        Assert.Contains("Report page: ", output, StringComparison.Ordinal);
        Assert.Contains("Could not open the report page", error, StringComparison.Ordinal);
        Assert.Contains(ReportPage.FileName, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Template_writes_the_blank_submission_workbook_to_the_file_named()
    {
        using var work = new TempFolder();
        var target = work.File("ours.xlsx");

        var (exit, output, _) = await SspProcess.RunAsync(work.Path, "template", "--out", target);

        Assert.Equal(0, exit);
        Assert.Contains(target, output, StringComparison.Ordinal);
        using var workbook = new XLWorkbook(target);
        Assert.Equal(SubmissionTemplate.DataSheet, workbook.Worksheets.First().Name);

        var (again, _, _) = await SspProcess.RunAsync(work.Path, "template");
        Assert.Equal(0, again);
        Assert.True(File.Exists(work.File(SubmissionTemplate.FileName)));
    }
}
