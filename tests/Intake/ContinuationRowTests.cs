using ClosedXML.Excel;
using SharedServicesPipeline.Pipeline;
using SharedServicesPipeline.Pipeline.Reading;
using SharedServicesPipeline.Pipeline.Reporting;
using SharedServicesPipeline.Pipeline.Submissions;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Intake;

/// <summary>One arrangement over several rows, one partner per row, is read as one arrangement with all its partners.</summary>
public sealed class ContinuationRowTests
{
    private static readonly object?[] Header = ["Reference", "Arrangement", "Partner", "Service area", "Annual savings (£)"];

    private static SubmissionReadResult Read(byte[] bytes, string fileName = "return.xlsx") =>
        new SubmissionReader(new IntakeOptions(), HeaderSynonyms.BuiltIn).Read(new MemoryStream(bytes), fileName);

    private static string[] PartnersOf(SubmissionRow row) => row.Text(TemplateColumn.Partners)!.Split('\n');

    [Fact]
    public void A_title_merged_down_over_its_partner_rows_is_one_arrangement_spanning_those_rows()
    {
        var bytes = new ReturnWorkbook().Sheet("Return",
                Header,
                ["R1", "Shared legal", "Essex County Council", "Legal", 40_000],
                [null, null, "Slough Borough Council", null, null],
                [null, null, "Brentwood Borough Council", null, null])
            .Merge("A2:A4", "B2:B4", "D2:D4", "E2:E4").Build();

        var result = Read(bytes);

        var row = Assert.Single(result.Rows);
        Assert.Equal(["Essex County Council", "Slough Borough Council", "Brentwood Borough Council"], PartnersOf(row));
        Assert.Equal((2, 4), (row.RowNumber, row.LastRowNumber));
        Assert.Equal(1, result.RowsRead);
        var joined = Assert.Single(result.Problems, p => p.Code == "partners.continued");
        Assert.Equal((ProblemSeverity.Warning, 3), (joined.Severity, joined.Row));
        Assert.Contains("Rows 3, 4", joined.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Partner_rows_with_a_blank_title_continue_the_arrangement_above_them()
    {
        var bytes = CsvBuilder.Build(CsvBuilder.Encoding.Utf8,
            ["Reference", "Arrangement", "Partner", "Partner type", "Service area"],
            ["R1", "Shared legal", "Essex County Council", "County", "Legal"],
            [null, null, "Slough Borough Council", "Unitary", null],
            ["R2", "Joint waste", "Kent County Council", "County", "Waste"],
            [null, null, "Maidstone Borough Council", "District", null]);

        var result = Read(bytes, "return.csv");

        Assert.Equal([["Essex County Council", "Slough Borough Council"], ["Kent County Council", "Maidstone Borough Council"]], result.Rows.Select(PartnersOf));
        Assert.Equal([2, 4], result.Rows.Select(r => r.RowNumber));
    }

    [Fact]
    public void A_row_with_a_blank_title_but_details_of_its_own_is_an_arrangement_missing_its_title()
    {
        var bytes = new ReturnWorkbook().Sheet("Return",
            Header,
            ["R1", "Shared legal", "Essex County Council; Slough Borough Council", "Legal", 40_000],
            ["R2", null, "Kent County Council; Maidstone Borough Council", "Waste", 10_000]).Build();

        var result = Read(bytes);

        Assert.Equal(2, result.RowsRead);
        Assert.Null(result.Rows[1].Text(TemplateColumn.Arrangement));
        Assert.DoesNotContain(result.Problems, p => p.Code == "partners.continued");
    }

    [Fact]
    public void Rows_that_only_share_a_title_stay_separate_arrangements()
    {
        var bytes = new ReturnWorkbook().Sheet("Return",
            ["Arrangement", "Partners", "Service area"],
            ["Shared legal", "Essex County Council; Slough Borough Council", "Legal"],
            ["Shared legal", "Kent County Council; Maidstone Borough Council", "Legal"]).Build();

        Assert.Equal(2, Read(bytes).RowsRead);
    }

    [Fact]
    public void Rows_repeating_the_reference_and_title_with_another_partner_are_one_arrangement()
    {
        var bytes = CsvBuilder.Build(CsvBuilder.Encoding.Utf8,
            ["Reference", "Arrangement", "Partner", "Service area"],
            ["R1", "Shared legal", "Essex County Council", "Legal"],
            ["R1", "Shared legal", "Slough Borough Council", "Legal"]);

        var row = Assert.Single(Read(bytes, "return.csv").Rows);

        Assert.Equal(["Essex County Council", "Slough Borough Council"], PartnersOf(row));
    }

    [Fact]
    public void A_blank_row_ends_an_arrangements_partner_rows()
    {
        var bytes = new ReturnWorkbook().Sheet("Return",
            Header,
            ["R1", "Shared legal", "Essex County Council", "Legal", 40_000],
            [null, null, "Slough Borough Council", null, null],
            [],
            [null, null, "Brentwood Borough Council", null, null]).Build();

        var result = Read(bytes);

        Assert.Equal(2, result.RowsRead);
        Assert.Equal(["Essex County Council", "Slough Borough Council"], PartnersOf(result.Rows[0]));
        Assert.Null(result.Rows[1].Text(TemplateColumn.Arrangement));
    }

    [Fact]
    public void Wide_partner_columns_on_continuation_rows_join_the_arrangement_above()
    {
        var bytes = new ReturnWorkbook().Sheet("Return",
                ["Arrangement", "Service area", "Partner 1", "Partner 2"],
                ["Shared legal", "Legal", "Essex County Council", "Slough Borough Council"],
                [null, null, "Brentwood Borough Council", null])
            .Build();

        var row = Assert.Single(Read(bytes).Rows);

        Assert.Equal(["Essex County Council", "Slough Borough Council", "Brentwood Borough Council"], row.WidePartners.Select(p => p.Name));
    }

    [Fact]
    public async Task The_report_shows_an_arrangement_over_several_rows_once_with_all_its_partners_and_the_rows_it_spans()
    {
        await using var mart = await TestMart.CreateAsync(IntakeRegister.Use);
        var bytes = new ReturnWorkbook().Sheet("Return",
                Header,
                ["R1", "Shared legal", "Essex County Council", "Legal", 40_000],
                [null, null, "Slough Borough Council", null, null])
            .Merge("B2:B3").Build();

        var outcome = await mart.IngestAsync(new MemoryStream(bytes), "return.xlsx");

        Assert.Equal((1, 1), (outcome.RowsRead, outcome.RowsAccepted));
        using var report = new XLWorkbook(Path.Combine(mart.ReportsPath, outcome.SubmissionId, ReportWorkbook.FileName));
        var shown = Assert.Single(report.Worksheet("Return").RowsUsed().Skip(1));
        Assert.Equal("2\u20133", shown.Cell(Header.Length + 1).GetString());
        Assert.Equal("Essex County Council\nSlough Borough Council", shown.Cell(3).GetString());
    }
}
