using System.Text;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using SharedServicesPipeline.Pipeline.Reporting;
using SharedServicesPipeline.Pipeline.Submissions;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Intake;

/// <summary>Every bad row goes back to the submitter with a reason they can act on; the good rows load.</summary>
public sealed class IngestFeedbackTests
{
    private const string Good = "Essex County Council; Slough Borough Council";

    private static byte[] WorkbookWithEveryRowError() => new WorkbookBuilder().TemplateSheet("Arrangements",
        WorkbookBuilder.Row("Shared legal service", Good, reference: "R02", contactName: "Ada Lovelace", contactEmail: "ada@example.gov.uk"),
        WorkbookBuilder.Row("", Good, reference: "R03"),
        WorkbookBuilder.Row("Essex alone", "Essex County Council", reference: "R04"),
        WorkbookBuilder.Row("Blue lights", "Essex Police; Essex County Fire and Rescue Service", reference: "R05"),
        WorkbookBuilder.Row("Borsetshire legal", "Essex County Council; Borsetshire County Council", reference: "R06"),
        WorkbookBuilder.Row("Tyneside audit", "Essex County Council\nNewcastle", reference: "R07"),
        WorkbookBuilder.Row("Money back", Good, reference: "R08", annualSavings: "-5000"),
        WorkbookBuilder.Row("Leap year", Good, reference: "R09", start: "31/02/2011"),
        WorkbookBuilder.Row("Backwards", Good, reference: "R10", start: new DateTime(2012, 4, 1), end: new DateTime(2011, 4, 1)),
        WorkbookBuilder.Row("Shared beekeeping", Good, service: "Municipal beekeeping", reference: "R11")).Build();

    [Fact]
    public async Task Ingest_loads_the_good_rows_and_reports_each_bad_row_with_sheet_row_column_value_and_reason()
    {
        await using var mart = await TestMart.CreateAsync(IntakeRegister.Use);

        var outcome = await mart.IngestAsync(new MemoryStream(WorkbookWithEveryRowError()), "return.xlsx");

        Assert.Equal(SubmissionDisposition.Processed, outcome.Disposition);
        Assert.Equal((10, 2, 6, 2), (outcome.RowsRead, outcome.RowsAccepted, outcome.RowsRejected, outcome.RowsHeld));
        Assert.Equal(2, await mart.QueryAsync(db => db.Arrangements.CountAsync()));
        var errors = outcome.Problems.Where(p => p.Severity == ProblemSeverity.RowError)
            .Select(p => (p.Row, p.Code, p.Column, p.Value)).ToList();
        Assert.Equal(
            [
                (3, "title.missing", "Arrangement", null),
                (4, "partners.too-few", "Partners", "Essex County Council"),
                (5, "partners.no-council", "Partners", "Essex Police; Essex County Fire and Rescue Service"),
                (6, "partner.unknown", "Partners", "Borsetshire County Council"),
                (7, "partner.ambiguous", "Partners", "Newcastle"),
                (8, "savings.negative", "Annual savings (£)", "-5000"),
                (9, "date.invalid", "Start date", "31/02/2011"),
                (10, "date.end-before-start", "End date", "01/04/2011"),
            ],
            errors);
        Assert.All(outcome.Problems.Where(p => p.Row is > 1), p => Assert.Equal("Arrangements", p.Sheet));
        Assert.All(outcome.Problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Message)));
        Assert.Contains(outcome.Problems, p => p is { Severity: ProblemSeverity.Warning, Code: "service-area.unrecognised", Row: 11 });
    }

    [Fact]
    public async Task Ingest_loads_a_row_whose_dates_are_a_range_in_one_cell_and_warns_which_end_was_read()
    {
        await using var mart = await TestMart.CreateAsync(IntakeRegister.Use);
        var workbook = new WorkbookBuilder().TemplateSheet("Arrangements",
            WorkbookBuilder.Row("Shared legal service", Good, reference: "R02", start: "01/04/2011 to 31/03/2014", end: "April 2011 - March 2014")).Build();

        var outcome = await mart.IngestAsync(new MemoryStream(workbook), "return.xlsx");

        Assert.Equal(1, outcome.RowsAccepted);
        var fact = await mart.QueryAsync(db => db.Arrangements.SingleAsync());
        Assert.Equal((20110401, 20140301), (fact.StartDateKey, fact.EndDateKey));
        Assert.Contains(outcome.Problems, p => p is { Severity: ProblemSeverity.Warning, Code: "date.range", Column: "Start date", Row: 2 });
        Assert.Contains(outcome.Problems, p => p is { Severity: ProblemSeverity.Warning, Code: "date.range", Column: "End date", Row: 2 });
    }

    [Fact]
    public async Task Report_workbook_has_the_summary_first_then_the_rows_with_offending_cells_highlighted_then_every_problem()
    {
        await using var mart = await TestMart.CreateAsync(IntakeRegister.Use);
        var outcome = await mart.IngestAsync(new MemoryStream(WorkbookWithEveryRowError()), "return.xlsx");

        Assert.Equal([OutcomeReport.FileName, ReportPage.FileName, ReportWorkbook.FileName, ArrangementSnapshot.ReportName], outcome.Reports);
        using var report = new XLWorkbook(Path.Combine(mart.ReportsPath, outcome.SubmissionId, ReportWorkbook.FileName));

        Assert.Equal(["Summary", "Arrangements", "Problems"], report.Worksheets.Select(w => w.Name));
        var summary = report.Worksheet("Summary");
        Assert.Equal("return.xlsx", Value(summary, "File"));
        Assert.Equal("10", Value(summary, "Rows read"));
        Assert.Equal("2", Value(summary, "Rows loaded"));
        Assert.Equal("6", Value(summary, "Rows not loaded (errors)"));
        Assert.Equal("2", Value(summary, "Rows held for review"));
        Assert.Contains(summary.CellsUsed(), c => c.GetString().Contains("send the whole file again", StringComparison.Ordinal));

        var rows = report.Worksheet("Arrangements");
        var headers = rows.Row(1).CellsUsed().Select(c => c.GetString()).ToList();
        Assert.Equal([.. WorkbookBuilder.TemplateHeader, "Row in your file", "Outcome", "Problems"], headers);
        int Column(string header) => headers.IndexOf(header) + 1;
        var negative = rows.RowsUsed().Single(r => r.Cell(Column("Row in your file")).GetString() == "8");
        var savings = negative.Cell(Column("Annual savings (£)"));
        Assert.Equal("-5000", savings.GetString());
        Assert.Equal((0xFF, 0xC7, 0xCE), (savings.Style.Fill.BackgroundColor.Color.R, savings.Style.Fill.BackgroundColor.Color.G, savings.Style.Fill.BackgroundColor.Color.B));
        Assert.Contains("negative", savings.Comment.Text, StringComparison.Ordinal);
        Assert.Contains("savings.negative", savings.Comment.Text, StringComparison.Ordinal);
        Assert.Equal("Not loaded", negative.Cell(Column("Outcome")).GetString());
        Assert.Contains("Annual savings (£): ", negative.Cell(Column("Problems")).GetString(), StringComparison.Ordinal);
        var clean = rows.RowsUsed().Single(r => r.Cell(Column("Row in your file")).GetString() == "2");
        Assert.Equal("Loaded", clean.Cell(Column("Outcome")).GetString());
        Assert.False(clean.Cell(Column("Annual savings (£)")).HasComment);
        var beekeeping = rows.RowsUsed().Single(r => r.Cell(Column("Row in your file")).GetString() == "11").Cell(Column("Service area"));
        Assert.Equal((0xFF, 0xEB, 0x9C), (beekeeping.Style.Fill.BackgroundColor.Color.R, beekeeping.Style.Fill.BackgroundColor.Color.G, beekeeping.Style.Fill.BackgroundColor.Color.B));

        var problems = report.Worksheet("Problems");
        Assert.Equal(outcome.Problems.Count + 1, problems.RowsUsed().Count());
        Assert.Equal(["Severity", "Reason code", "Sheet", "Row", "Column", "Value", "Message", "How to fix"], problems.Row(1).CellsUsed().Select(c => c.GetString()));
        Assert.All(problems.RowsUsed().Skip(1), r => Assert.Equal(ReasonCatalogue.BuiltIn.Of(r.Cell(2).GetString()).Fix, r.Cell(8).GetString()));
    }

    [Fact]
    public async Task Contact_details_go_back_to_the_submitter_in_the_report_but_nowhere_else()
    {
        await using var mart = await TestMart.CreateAsync(IntakeRegister.Use);
        var outcome = await mart.IngestAsync(new MemoryStream(WorkbookWithEveryRowError()), "return.xlsx");
        await mart.RefreshAsync();

        using var report = new XLWorkbook(Path.Combine(mart.ReportsPath, outcome.SubmissionId, ReportWorkbook.FileName));
        Assert.Contains(report.Worksheet("Arrangements").CellsUsed(), c => c.GetString() == "ada@example.gov.uk");
        var outcomeJson = await File.ReadAllTextAsync(Path.Combine(mart.ReportsPath, outcome.SubmissionId, OutcomeReport.FileName));
        Assert.DoesNotContain("ada@example.gov.uk", outcomeJson, StringComparison.Ordinal);
        Assert.DoesNotContain("Ada Lovelace", outcomeJson, StringComparison.Ordinal);
        var extracts = string.Join('\n', Directory.EnumerateFiles(mart.ExtractsPath, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".parquet", StringComparison.Ordinal) && !f.EndsWith(".xlsx", StringComparison.Ordinal))
            .Select(File.ReadAllText));
        Assert.DoesNotContain("ada@example.gov.uk", extracts, StringComparison.Ordinal);
        var held = await mart.QueryAsync(db => db.HeldRows.Select(h => h.ValuesJson).ToListAsync());
        Assert.NotEmpty(held);
        Assert.All(held, json => Assert.DoesNotContain("Lovelace", json, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_rejected_file_gets_a_report_with_only_the_summary_explaining_the_problem()
    {
        await using var mart = await TestMart.CreateAsync(IntakeRegister.Use);
        var outcome = await mart.IngestAsync(new MemoryStream(Encoding.UTF8.GetBytes("%PDF-1.4 not really")), "return.xlsx");

        Assert.Equal(SubmissionDisposition.Rejected, outcome.Disposition);
        using var report = new XLWorkbook(Path.Combine(mart.ReportsPath, outcome.SubmissionId, ReportWorkbook.FileName));
        Assert.Equal(["Summary"], report.Worksheets.Select(w => w.Name));
        var summary = report.Worksheet("Summary");
        Assert.Equal("Rejected: nothing was loaded", Value(summary, "Outcome"));
        Assert.Contains(summary.CellsUsed(), c => c.GetString().Contains("is a PDF document", StringComparison.Ordinal));
        Assert.Contains(summary.CellsUsed(), c => c.GetString().Contains("send the whole file again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_report_of_a_large_submission_shows_only_the_rows_with_problems_and_says_so()
    {
        await using var mart = await TestMart.CreateAsync(IntakeRegister.Use, new Dictionary<string, string?> { ["Intake:ReportAllRowsUpTo"] = "10" });
        var rows = Enumerable.Range(1, 30)
            .Select(i => WorkbookBuilder.Row($"Arrangement {i}", i is 5 or 25 ? "Essex County Council" : Good, reference: $"R{i}"))
            .ToArray();

        var outcome = await mart.IngestAsync(new MemoryStream(new WorkbookBuilder().TemplateSheet("Arrangements", rows).Build()), "big.xlsx");

        Assert.Equal((30, 28, 2), (outcome.RowsRead, outcome.RowsAccepted, outcome.RowsRejected));
        using var report = new XLWorkbook(Path.Combine(mart.ReportsPath, outcome.SubmissionId, ReportWorkbook.FileName));
        var shown = report.Worksheet("Arrangements").RowsUsed().Skip(1).Select(r => r.Cell(2).GetString()).ToList();
        Assert.Equal(["Arrangement 5", "Arrangement 25"], shown);
        Assert.Contains(report.Worksheet("Summary").CellsUsed(), c => c.GetString().Contains("show only the rows with problems", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_byte_identical_resubmission_under_another_name_changes_nothing_and_names_the_submission_it_duplicates()
    {
        await using var mart = await TestMart.CreateAsync(IntakeRegister.Use);
        var bytes = WorkbookWithEveryRowError();
        var first = await mart.IngestAsync(new MemoryStream(bytes), "return.xlsx");
        var before = await mart.QueryAsync(async db => (await db.Arrangements.CountAsync(), await db.Submissions.CountAsync(), await db.HeldRows.CountAsync()));

        var again = await mart.IngestAsync(new MemoryStream(bytes), "return (final) v2.xlsx", new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

        Assert.Equal(SubmissionDisposition.Duplicate, again.Disposition);
        Assert.Equal(first.SubmissionId, again.DuplicateOf);
        Assert.Contains(first.SubmissionId, again.Summary, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0), (again.ArrangementsAdded, again.ArrangementsUpdated, again.ArrangementsUnchanged));
        Assert.Equal(before, await mart.QueryAsync(async db => (await db.Arrangements.CountAsync(), await db.Submissions.CountAsync(), await db.HeldRows.CountAsync())));
    }

    [Fact]
    public async Task Partners_in_wide_columns_load_and_a_tier_that_disagrees_with_the_register_is_a_warning_naming_its_column()
    {
        await using var mart = await TestMart.CreateAsync(IntakeRegister.Use);
        var bytes = new WorkbookBuilder().Sheet("Return",
            ["Arrangement", "Service area", "Partner 1", "Partner 1 tier", "Partner 2", "Partner 2 tier"],
            ["Shared legal", "Legal", "Essex County Council", "Upper", "Brentwood Borough Council", "Unitary"]).Build();

        var outcome = await mart.IngestAsync(new MemoryStream(bytes), "wide.xlsx");

        Assert.Equal(1, outcome.RowsAccepted);
        var warning = Assert.Single(outcome.Problems, p => p.Code == "partner.tier-disagrees");
        Assert.Equal(("Partner 2 tier", "Unitary", ProblemSeverity.Warning), (warning.Column, warning.Value, warning.Severity));
        Assert.Contains("district council", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Partners_in_one_cell_are_split_by_the_matcher_on_semicolons_and_new_lines()
    {
        await using var mart = await TestMart.CreateAsync(IntakeRegister.Use);
        var bytes = new WorkbookBuilder().TemplateSheet("Arrangements",
            WorkbookBuilder.Row("Three-way legal", "Essex County Council;\nBrentwood Borough Council\r\nBath and North East Somerset Council", reference: "S1")).Build();

        var outcome = await mart.IngestAsync(new MemoryStream(bytes), "split.xlsx");

        Assert.Equal(1, outcome.RowsAccepted);
        var partners = await mart.QueryAsync(db => db.ArrangementPartners.CountAsync());
        Assert.Equal(3, partners);
    }

    [Fact]
    public async Task Control_characters_from_a_csv_do_not_stop_the_report_being_written()
    {
        await using var mart = await TestMart.CreateAsync(IntakeRegister.Use);
        var bytes = CsvBuilder.Build(CsvBuilder.Encoding.Utf8,
            [
                ["Arrangement", "Partners", "Service area", "Start date"],
                ["Shared\u000Blegal\u0001", Good, "Legal", "soon\u0002"],
                .. Enumerable.Range(1, 5).Select(i => new[] { $"Arrangement {i}", Good, "Legal", "01/04/2011" }),
            ]);

        var outcome = await mart.IngestAsync(new MemoryStream(bytes), "control.csv");

        Assert.Equal(SubmissionDisposition.Processed, outcome.Disposition);
        using var report = new XLWorkbook(Path.Combine(mart.ReportsPath, outcome.SubmissionId, ReportWorkbook.FileName));
        Assert.Equal("Sharedlegal", report.Worksheet("control").Cell(2, 1).GetString());
    }

    private static string Value(IXLWorksheet summary, string label) =>
        summary.CellsUsed().Single(c => c.Address.ColumnNumber == 1 && c.GetString() == label).CellRight().GetString();
}
