using SharedServicesPipeline.Pipeline;
using SharedServicesPipeline.Pipeline.Reading;
using SharedServicesPipeline.Pipeline.Submissions;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Intake;

/// <summary>Finding and reading the arrangements in what councils really send.</summary>
public sealed class SubmissionReaderTests
{
    private static readonly string[] Header = ["Arrangement", "Partners", "Service area"];
    private const string Partners = "Essex County Council; Slough Borough Council";

    private static SubmissionReadResult Read(byte[] bytes, string fileName, IntakeOptions? options = null) =>
        new SubmissionReader(options ?? new IntakeOptions(), HeaderSynonyms.BuiltIn).Read(new MemoryStream(bytes), fileName);

    public static TheoryData<string, string> Names => new()
    {
        { "xlsx", "return.xlsx" }, { "xlsx", "return.xlsm" }, { "xlsx", "return.csv" }, { "xlsx", "return" },
        { "csv", "return.csv" }, { "csv", "return.xlsx" }, { "xls", "return.xls" }, { "xls", "return.xlsx" },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Reads_xlsx_xlsm_xls_and_csv_by_their_content_whatever_the_name(string format, string fileName)
    {
        var bytes = format switch
        {
            "xlsx" => new WorkbookBuilder().Sheet("Arrangements", Header, ["Shared legal", Partners, "Legal"]).Build(),
            "csv" => CsvBuilder.Build(CsvBuilder.Encoding.Utf8Bom, Header, ["Shared legal", Partners, "Legal"]),
            _ => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "intake", "xls", "district-return.xls")),
        };

        var result = Read(bytes, fileName);

        Assert.False(result.HasFileError, string.Join("; ", result.Problems));
        Assert.Equal(format switch { "xlsx" => SubmissionFormat.OpenXml, "csv" => SubmissionFormat.Csv, _ => SubmissionFormat.LegacyExcel }, result.Format);
        Assert.Contains(result.Rows, r => r.Text(TemplateColumn.Partners)!.StartsWith("Essex County Council", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(CsvBuilder.Encoding.Utf8Bom)]
    [InlineData(CsvBuilder.Encoding.Utf8)]
    [InlineData(CsvBuilder.Encoding.Windows1252)]
    [InlineData(CsvBuilder.Encoding.Utf16LittleEndian)]
    public void Reads_csv_in_utf8_with_or_without_bom_windows_1252_and_utf16_keeping_pound_and_e_acute(CsvBuilder.Encoding encoding)
    {
        var bytes = CsvBuilder.Build(encoding, ["Arrangement", "Partners", "Service area", "Annual savings (£)"], ["Café legal", Partners, "Legal", "£40,000"]);

        var row = Assert.Single(Read(bytes, "return.csv").Rows);

        Assert.Equal("Café legal", row.Text(TemplateColumn.Arrangement));
        Assert.Equal("£40,000", row.Text(TemplateColumn.AnnualSavings));
    }

    [Theory]
    [InlineData(CsvBuilder.Encoding.Utf8)]
    [InlineData(CsvBuilder.Encoding.Windows1252)]
    public void Reads_a_csv_whose_title_lines_above_the_header_make_semicolons_look_steadier_than_commas(CsvBuilder.Encoding encoding)
    {
        // A title block of one cell a line, and ';' inside the partners cells: split by ';' the file's field counts are
        // the steadiest, which is how ExcelDataReader guesses; the header row says ','.
        var bytes = CsvBuilder.Build(
            encoding,
            ["West Berkshire Council: shared services return"],
            ["Period: 2024/25"],
            [],
            ["Reference", "Arrangement", "Partners", "Lead authority", "Service area", "Annual savings (£)"],
            ["WB-01", "Joint waste collection", "West Berkshire Council; Reading BC; Wokingham Borough Council", "West Berkshire", "Waste", "£1.2m"],
            ["WB-02", "Shared legal services", "Bracknell Forest; Slough BC", "Bracknell Forest", "Legal", "120,000"]);

        var result = Read(bytes, "return.csv");

        Assert.False(result.HasFileError, string.Join("; ", result.Problems.Select(p => p.Message)));
        Assert.Equal(["Joint waste collection", "Shared legal services"], result.Rows.Select(r => r.Text(TemplateColumn.Arrangement)));
        Assert.Equal("Bracknell Forest; Slough BC", result.Rows[1].Text(TemplateColumn.Partners));
        Assert.Equal("£1.2m", result.Rows[0].Text(TemplateColumn.AnnualSavings));
    }

    [Fact]
    public void Reads_a_csv_padded_with_empty_cells_below_a_title_block_as_excel_saves_a_used_range()
    {
        List<string?[]> rows =
        [
            ["Adur & Worthing shared services", null, null, null, null, null, null],
            [null, null, null, null, null, null, null],
            ["Arrangement", "Partners", "Service area", "Description", null, null, null],
            ["Shared chief executive", "Adur DC; Worthing BC", "Chief executive", "One chief executive, one senior team", null, null, null],
        ];
        rows.AddRange(Enumerable.Repeat(new string?[] { null, null, null, null, null, null, null, null, null }, 3));
        var bytes = CsvBuilder.Build(CsvBuilder.Encoding.Utf8Bom, [.. rows]);

        var row = Assert.Single(Read(bytes, "return.csv").Rows);

        Assert.Equal("Adur DC; Worthing BC", row.Text(TemplateColumn.Partners));
    }

    [Fact]
    public void Reads_a_semicolon_csv_whose_descriptions_are_full_of_commas()
    {
        var bytes = CsvBuilder.Build(
            CsvBuilder.Encoding.Utf8,
            ';',
            ["Arrangement", "Partners", "Service area", "Description"],
            ["Shared ICT", "Essex County Council, Slough Borough Council", "ICT", "Servers, networks, desktops, phones, printers, licences and the help desk, all of it"]);

        var row = Assert.Single(Read(bytes, "return.csv").Rows);

        Assert.Equal("Essex County Council, Slough Borough Council", row.Text(TemplateColumn.Partners));
        Assert.Equal("Servers, networks, desktops, phones, printers, licences and the help desk, all of it", row.Text(TemplateColumn.Description));
    }

    [Fact]
    public void Honours_the_sep_line_excel_writes_above_a_csv()
    {
        var csv = "sep=|\r\nArrangement|Partners|Service area\r\nShared legal|Essex County Council, Slough Borough Council|Legal\r\n";

        var row = Assert.Single(Read(System.Text.Encoding.UTF8.GetBytes(csv), "return.csv").Rows);

        Assert.Equal("Essex County Council, Slough Borough Council", row.Text(TemplateColumn.Partners));
    }

    [Fact]
    public void Reads_a_legacy_xls_with_its_merged_cells_cached_formulas_dates_and_skips_guidance_and_hidden_sheets()
    {
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "intake", "xls", "district-return.xls"));

        var result = Read(bytes, "district-return.xls");

        Assert.Equal(SubmissionFormat.LegacyExcel, result.Format);
        var sheet = Assert.Single(result.Sheets);
        Assert.Equal(("Return 2011-12", 3), (sheet.Sheet, sheet.HeaderRowNumber));
        Assert.Equal([4, 5, 6], result.Rows.Select(r => r.RowNumber));
        Assert.Equal(["Legal", "Legal", "Museums"], result.Rows.Select(r => r.Text(TemplateColumn.ServiceArea)));
        Assert.Equal(new DateTime(2011, 4, 1), result.Rows[0][TemplateColumn.StartDate]);
        Assert.Equal(500_000d, result.Rows[0][TemplateColumn.SavingsToDate]);
        Assert.Equal(2010d, result.Rows[1][TemplateColumn.StartDate]);
        Assert.Equal("Café and museums partnership", result.Rows[2].Text(TemplateColumn.Arrangement));
        Assert.DoesNotContain(result.Rows, r => r.Text(TemplateColumn.Arrangement) is "Hidden lookup row" or "Example shared service");
    }

    [Fact]
    public void Fills_a_service_area_merged_down_several_rows_into_each_row_but_not_across_columns()
    {
        var bytes = new WorkbookBuilder()
            .Sheet("Arrangements",
                ["Arrangement", "Partners", "Service area", "Description", "Notes"],
                ["Shared legal", Partners, "Legal", "Across two columns", null],
                ["Legal advice line", Partners, null, null, null],
                ["Legal training", Partners, null, null, null],
                ["Library van", Partners, "Libraries", null, null])
            .Merge("Arrangements", "C2:C4")
            .Merge("Arrangements", "D2:E2")
            .Build();

        var rows = Read(bytes, "merged.xlsx").Rows;

        Assert.Equal(["Legal", "Legal", "Legal", "Libraries"], rows.Select(r => r.Text(TemplateColumn.ServiceArea)));
        Assert.Null(rows[0].Cells[4]);
    }

    [Fact]
    public void A_merge_reaching_down_into_blank_rows_does_not_make_them_arrangements()
    {
        var bytes = new WorkbookBuilder()
            .Sheet("Arrangements",
                ["Arrangement", "Partners", "Service area"],
                ["Shared legal", Partners, "Legal"],
                ["Legal advice line", Partners, null],
                [],
                [],
                ["Library van", Partners, "Libraries"])
            .Merge("Arrangements", "C2:C5")
            .Build();

        var rows = Read(bytes, "merged.xlsx").Rows;

        Assert.Equal([2, 3, 6], rows.Select(r => r.RowNumber));
        Assert.Equal(["Legal", "Legal", "Libraries"], rows.Select(r => r.Text(TemplateColumn.ServiceArea)));
    }

    [Fact]
    public void Uses_the_cached_value_of_formula_cells()
    {
        var bytes = new WorkbookBuilder()
            .WithCachedFormulaValues()
            .Sheet("Arrangements",
                ["Arrangement", "Partners", "Service area", "Annual savings (£)", "Savings to date (£)"],
                ["=\"Shared \"&\"legal\"", Partners, "Legal", 1000, "=D2*3"])
            .Build();

        var row = Assert.Single(Read(bytes, "formulas.xlsx").Rows);

        Assert.Equal("Shared legal", row.Text(TemplateColumn.Arrangement));
        Assert.Equal(3000d, row[TemplateColumn.SavingsToDate]);
    }

    [Fact]
    public void Skips_guidance_lookup_and_hidden_sheets_even_when_they_show_the_template_headers()
    {
        var bytes = new WorkbookBuilder()
            .Sheet("Guidance notes", Header, ["Example arrangement", Partners, "Legal"])
            .Sheet("Lookups", Header, ["Lookup arrangement", Partners, "Legal"])
            .Sheet("Old return", Header, ["Hidden arrangement", Partners, "Legal"])
            .Sheet("Our return", Header, ["Real arrangement", Partners, "Legal"])
            .Hide("Old return")
            .Build();

        var result = Read(bytes, "return.xlsx");

        Assert.Equal("Our return", Assert.Single(result.Sheets).Sheet);
        Assert.Equal("Real arrangement", Assert.Single(result.Rows).Text(TemplateColumn.Arrangement));
    }

    [Fact]
    public void Finds_the_header_below_title_and_notes_rows_and_stops_at_totals_and_notes_rows_skipping_blank_rows()
    {
        var bytes = new WorkbookBuilder()
            .Sheet("Return",
                ["Shared services return 2011/12"],
                ["Please list one arrangement per row"],
                [],
                ["Arrangement", "Partners", "Service area", "Annual savings (£)"],
                ["Shared legal", Partners, "Legal", 1000],
                [],
                [],
                ["Library van", Partners, "Libraries", 2000],
                ["Total", null, null, "=SUM(D5:D8)"],
                ["Notes: figures are estimates", null, null, null],
                ["After the notes", Partners, "Legal", null])
            .Build();

        var result = Read(bytes, "return.xlsx");

        Assert.Equal(4, Assert.Single(result.Sheets).HeaderRowNumber);
        Assert.Equal([5, 8], result.Rows.Select(r => r.RowNumber));
        Assert.Equal(2, result.RowsRead);
    }

    [Theory]
    [InlineData("Shared service", TemplateColumn.Arrangement)]
    [InlineData("Name of arrangement", TemplateColumn.Arrangement)]
    [InlineData("Councils involved", TemplateColumn.Partners)]
    [InlineData("Partner councils", TemplateColumn.Partners)]
    [InlineData("Partner organisations", TemplateColumn.Partners)]
    [InlineData("Service", TemplateColumn.ServiceArea)]
    [InlineData("Service type", TemplateColumn.ServiceArea)]
    [InlineData("Efficiency savings to date (£)", TemplateColumn.SavingsToDate)]
    [InlineData("Cumulative savings (£)", TemplateColumn.SavingsToDate)]
    [InlineData("Annual saving", TemplateColumn.AnnualSavings)]
    [InlineData("Annual savings £", TemplateColumn.AnnualSavings)]
    [InlineData("Savings per annum (£)", TemplateColumn.AnnualSavings)]
    [InlineData("Start year", TemplateColumn.StartDate)]
    [InlineData("Year started", TemplateColumn.StartDate)]
    [InlineData("Financial year started", TemplateColumn.StartDate)]
    [InlineData("Lead council", TemplateColumn.LeadAuthority)]
    [InlineData("Host council", TemplateColumn.LeadAuthority)]
    [InlineData("Lead / host authority", TemplateColumn.LeadAuthority)]
    [InlineData("End year", TemplateColumn.EndDate)]
    [InlineData("Governance arrangements", TemplateColumn.Governance)]
    [InlineData("Officer contact", TemplateColumn.ContactName)]
    [InlineData("Contact e-mail address", TemplateColumn.ContactEmail)]
    [InlineData("ANNUAL SAVINGS (£)", TemplateColumn.AnnualSavings)]
    public void Maps_the_header_synonyms_councils_use(string header, TemplateColumn column) =>
        Assert.Equal(column, HeaderSynonyms.BuiltIn.Resolve(header));

    [Fact]
    public void Reports_unknown_and_repeated_columns_as_warnings_and_does_not_load_them()
    {
        var bytes = new WorkbookBuilder()
            .Sheet("Return", ["Arrangement", "Partners", "Service area", "RAG rating", "Councils involved"], ["Shared legal", Partners, "Legal", "Green", "Ignored"])
            .Build();

        var result = Read(bytes, "return.xlsx");

        var row = Assert.Single(result.Rows);
        Assert.Equal(Partners, row.Text(TemplateColumn.Partners));
        Assert.Contains(result.Problems, p => p is { Severity: ProblemSeverity.Warning, Code: "column.unknown", Column: "RAG rating", Row: 1, Sheet: "Return" });
        Assert.Contains(result.Problems, p => p is { Severity: ProblemSeverity.Warning, Code: "column.repeated", Column: "Councils involved" });
    }

    [Fact]
    public void Reads_partners_in_wide_columns_with_their_tiers_and_the_headers_they_came_under()
    {
        var bytes = new WorkbookBuilder()
            .Sheet("Return",
                ["Arrangement", "Service area", "Partner 1", "Partner 1 tier", "Partner 2", "Partner 2 tier", "Partner 3"],
                ["Shared legal", "Legal", "Essex County Council", "County", "Brentwood Borough Council", "District", "Slough Borough Council"])
            .Build();

        var row = Assert.Single(Read(bytes, "wide.xlsx").Rows);

        Assert.Equal(
            [
                new WidePartner("Essex County Council", "County", "Partner 1", "Partner 1 tier"),
                new WidePartner("Brentwood Borough Council", "District", "Partner 2", "Partner 2 tier"),
                new WidePartner("Slough Borough Council", null, "Partner 3", null),
            ],
            row.WidePartners);
    }

    [Fact]
    public void Streams_rows_to_the_caller_without_collecting_them()
    {
        var bytes = CsvBuilder.Build(CsvBuilder.Encoding.Utf8, [Header, .. Enumerable.Range(1, 50).Select(i => new[] { $"Arrangement {i}", Partners, "Legal" })]);
        var seen = new List<int>();

        var result = new SubmissionReader(new IntakeOptions(), HeaderSynonyms.BuiltIn).Read(new MemoryStream(bytes), "return.csv", row => seen.Add(row.RowNumber));

        Assert.Equal(Enumerable.Range(2, 50), seen);
        Assert.Equal(50, result.RowsRead);
        Assert.Empty(result.Rows);
    }
}
