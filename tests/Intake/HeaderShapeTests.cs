using SharedServicesPipeline.Pipeline;
using SharedServicesPipeline.Pipeline.Reading;
using SharedServicesPipeline.Pipeline.Submissions;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Intake;

/// <summary>Headers as councils write them: hints around the names, two header rows, form rows under the header, a sheet per service area.</summary>
public sealed class HeaderShapeTests
{
    private const string Partners = "Essex County Council; Slough Borough Council";

    private static SubmissionReadResult Read(byte[] bytes, string fileName = "return.xlsx") =>
        new SubmissionReader(new IntakeOptions(), HeaderSynonyms.BuiltIn).Read(new MemoryStream(bytes), fileName);

    [Theory]
    [InlineData("Arrangement*", TemplateColumn.Arrangement)]
    [InlineData("Partners (separate with ;)", TemplateColumn.Partners)]
    [InlineData("Service area (required)", TemplateColumn.ServiceArea)]
    [InlineData("Service area* - required", TemplateColumn.ServiceArea)]
    [InlineData("Start date\n(dd/mm/yyyy)", TemplateColumn.StartDate)]
    [InlineData("Start date\nFormat: dd/mm/yyyy", TemplateColumn.StartDate)]
    [InlineData("End date [if known]", TemplateColumn.EndDate)]
    [InlineData(" Status ", TemplateColumn.Status)]
    [InlineData("Service area e.g. ICT, Legal", TemplateColumn.ServiceArea)]
    [InlineData("ARRANGEMENT_NAME", TemplateColumn.Arrangement)]
    [InlineData("PARTNER_LIST", TemplateColumn.Partners)]
    [InlineData("ANNUAL_SAVING_GBP", TemplateColumn.AnnualSavings)]
    [InlineData("Title of shared service", TemplateColumn.Arrangement)]
    [InlineData("Partner", TemplateColumn.Partners)]
    [InlineData("Your council", TemplateColumn.Submitter)]
    [InlineData("Submitting authority", TemplateColumn.Submitter)]
    public void A_header_is_matched_without_the_hints_written_around_its_name(string header, TemplateColumn column) =>
        Assert.Equal(column, HeaderSynonyms.BuiltIn.Resolve(header));

    [Theory]
    [InlineData("Savings (£) / notes")]
    [InlineData("RAG rating")]
    [InlineData("(required)")]
    public void A_header_that_is_only_a_hint_or_not_a_template_column_is_not_matched(string header) =>
        Assert.Null(HeaderSynonyms.BuiltIn.Resolve(header));

    [Fact]
    public void A_caption_merged_over_two_sub_headers_names_both_columns_and_the_sub_header_row_is_not_data()
    {
        var bytes = new ReturnWorkbook().Sheet("Return",
                ["Arrangement", "Partners", "Service area", "Savings (£)", null, "Status"],
                [null, null, null, "Annual", "To date", null],
                ["Shared legal", Partners, "Legal", 40_000, 90_000, "Live"])
            .Merge("A1:A2", "B1:B2", "C1:C2", "D1:E1", "F1:F2").Build();

        var result = Read(bytes);

        var row = Assert.Single(result.Rows);
        Assert.Equal(3, row.RowNumber);
        Assert.Equal((40_000d, 90_000d), ((double)row[TemplateColumn.AnnualSavings]!, (double)row[TemplateColumn.SavingsToDate]!));
        var layout = Assert.Single(result.Sheets);
        Assert.Equal((1, 2), (layout.HeaderRowNumber, layout.LastHeaderRowNumber));
        Assert.Equal("Annual Savings (£)", layout.HeaderFor(TemplateColumn.AnnualSavings));
        Assert.Equal("Savings (£) To date", layout.HeaderFor(TemplateColumn.SavingsToDate));
    }

    [Fact]
    public void A_row_of_units_under_the_header_is_not_read_as_an_arrangement()
    {
        var bytes = new ReturnWorkbook().Sheet("Return",
            ["Arrangement", "Partners", "Service area", "Start date", "Annual savings"],
            [null, null, null, "dd/mm/yyyy", "(£)"],
            ["Shared legal", Partners, "Legal", "01/04/2011", "£40,000"]).Build();

        var result = Read(bytes);

        Assert.Equal(3, Assert.Single(result.Rows).RowNumber);
        Assert.Equal("Annual savings", Assert.Single(result.Sheets).HeaderFor(TemplateColumn.AnnualSavings));
    }

    [Fact]
    public void A_first_row_with_values_under_headers_that_already_name_their_columns_is_data_not_a_sub_header()
    {
        var bytes = new ReturnWorkbook().Sheet("Return",
            ["Arrangement", "Partners", "Service area", "Status"],
            [null, null, "Legal", "Live"],
            ["Shared legal", Partners, "Legal", "Live"]).Build();

        var result = Read(bytes);

        Assert.Equal([2, 3], result.Rows.Select(r => r.RowNumber));
        Assert.Null(result.Rows[0].Text(TemplateColumn.Arrangement));
    }

    [Fact]
    public void A_row_of_column_numbers_and_the_forms_example_under_the_header_are_not_arrangements_and_the_example_is_mentioned()
    {
        var bytes = new ReturnWorkbook().Sheet("Return",
            ["Arrangement", "Partners", "Service area", "Annual savings (£)"],
            [1, 2, 3, 4],
            ["e.g. Shared ICT service", "e.g. Anytown DC; Othertown BC", "e.g. ICT", "e.g. £50,000"],
            ["Shared legal", Partners, "Legal", 40_000]).Build();

        var result = Read(bytes);

        Assert.Equal(4, Assert.Single(result.Rows).RowNumber);
        var example = Assert.Single(result.Problems, p => p.Code == "row.example-skipped");
        Assert.Equal((ProblemSeverity.Warning, 3, "e.g. Shared ICT service"), (example.Severity, example.Row, example.Value));
    }

    [Fact]
    public void Numbers_in_a_later_row_are_data_not_column_numbers()
    {
        var bytes = new ReturnWorkbook().Sheet("Return",
            ["Reference", "Arrangement", "Partners", "Service area"],
            ["R1", "Shared legal", Partners, "Legal"],
            [1, 2, 3, 4]).Build();

        Assert.Equal([2, 3], Read(bytes).Rows.Select(r => r.RowNumber));
    }

    [Fact]
    public void A_sheet_whose_table_holds_only_the_forms_example_is_read_but_left_out_of_the_report()
    {
        var bytes = new ReturnWorkbook()
            .Sheet("Introduction", ["Arrangement", "Partners", "Service area"], ["e.g. Shared ICT service", "e.g. Anytown DC", "e.g. ICT"])
            .Sheet("Data", ["Arrangement", "Partners", "Service area"], ["Shared legal", Partners, "Legal"])
            .Build();

        var result = Read(bytes);

        Assert.Equal("Data", Assert.Single(result.Sheets).Sheet);
        Assert.Single(result.Rows);
    }

    [Fact]
    public void A_sheet_per_service_area_without_the_column_takes_its_name_as_every_rows_service_area_and_says_so()
    {
        var bytes = new ReturnWorkbook()
            .Sheet("ICT", ["Arrangement", "Partners"], ["Shared ICT", Partners])
            .Sheet("Revenues & Benefits", ["Arrangement", "Partners"], ["Joint revenues", Partners])
            .Build();

        var result = Read(bytes);

        Assert.Equal(["ICT", "Revenues & Benefits"], result.Rows.Select(r => r.Text(TemplateColumn.ServiceArea)));
        Assert.Equal(2, result.Problems.Count(p => p is { Code: "service-area.from-sheet-name", Severity: ProblemSeverity.Warning }));
    }

    [Fact]
    public void A_sheet_whose_name_is_not_a_service_area_still_needs_the_service_area_column()
    {
        var bytes = new ReturnWorkbook().Sheet("Return 2012", ["Arrangement", "Partners"], ["Shared ICT", Partners]).Build();

        Assert.Equal("file.required-column-missing", Assert.Single(Read(bytes).Problems).Code);
    }

    [Fact]
    public void A_reference_alone_filled_down_the_form_is_not_an_arrangement()
    {
        var bytes = new ReturnWorkbook().Sheet("Return",
            ["Reference", "Arrangement", "Partners", "Service area"],
            ["R1", "Shared legal", Partners, "Legal"],
            ["R2"],
            ["R3"]).Build();

        var result = Read(bytes);

        Assert.Equal(1, result.RowsRead);
    }

    [Fact]
    public void A_second_table_under_its_own_caption_and_header_is_read_without_the_caption_or_the_header_as_arrangements()
    {
        var bytes = new ReturnWorkbook().Sheet("Return",
            ["Live arrangements"],
            ["Arrangement", "Partners", "Service area"],
            ["Shared legal", Partners, "Legal"],
            [],
            ["Planned arrangements"],
            ["Arrangement", "Partners", "Service area"],
            ["Joint audit", Partners, "Internal audit"]).Build();

        var result = Read(bytes);

        Assert.Equal([3, 7], result.Rows.Select(r => r.RowNumber));
    }

    [Fact]
    public void A_systems_footer_under_the_rows_ends_the_table()
    {
        var bytes = CsvBuilder.Build(CsvBuilder.Encoding.Utf8,
            ["Arrangement", "Partners", "Service area"],
            ["Shared legal", Partners, "Legal"],
            [],
            ["Report generated 01/12/2012 09:14 by jsmith", null, null],
            ["Rows: 1", null, null]);

        Assert.Equal(1, Read(bytes, "return.csv").RowsRead);
    }

    [Fact]
    public void A_title_that_only_starts_like_a_footer_is_still_an_arrangement()
    {
        var bytes = CsvBuilder.Build(CsvBuilder.Encoding.Utf8,
            ["Arrangement", "Partners", "Service area"],
            ["Printed and post room service", null, "Print"],
            ["Shared legal", Partners, "Legal"]);

        Assert.Equal(2, Read(bytes, "return.csv").RowsRead);
    }
}
