using SharedServicesPipeline.Pipeline;
using SharedServicesPipeline.Pipeline.Reading;
using SharedServicesPipeline.Pipeline.Reading.OpenXml;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Intake;

/// <summary>
/// Our .xlsx reader on the shapes councils' files take, each built from raw XML. Where ExcelDataReader (the oracle)
/// reads the same, the test says so by comparing both; where ours deliberately differs, the test is named for it.
/// </summary>
public sealed class OpenXmlReaderTests
{
    private const string Partners = "Essex County Council; Slough Borough Council";

    private static string Inline(string reference, string text) =>
        $"<c r=\"{reference}\" t=\"inlineStr\"><is><t>{System.Security.SecurityElement.Escape(text)}</t></is></c>";

    private static string HeaderRow(int row = 1) =>
        $"<row r=\"{row}\">{Inline($"A{row}", "Arrangement")}{Inline($"B{row}", "Partners")}{Inline($"C{row}", "Service area")}</row>";

    private static string DataRow(int row, string title, string service = "Legal") =>
        $"<row r=\"{row}\">{Inline($"A{row}", title)}{Inline($"B{row}", Partners)}{Inline($"C{row}", service)}</row>";

    private static WorkbookSnapshot Ours(byte[] bytes) => WorkbookSnapshot.Of(bytes, excelDataReader: false);

    private static WorkbookSnapshot Oracle(byte[] bytes) => WorkbookSnapshot.Of(bytes, excelDataReader: true);

    private static WorkbookSnapshot BothAgree(byte[] bytes)
    {
        var ours = Ours(bytes);
        Assert.Null(ours.Failure);
        Assert.Null(ours.DifferenceFrom(Oracle(bytes)));
        return ours;
    }

    private static SubmissionReadResult Read(byte[] bytes, string fileName = "return.xlsx") =>
        new SubmissionReader(new IntakeOptions(), HeaderSynonyms.BuiltIn).Read(new MemoryStream(bytes), fileName);

    [Fact]
    public void Sheets_come_in_the_workbooks_order_with_their_names_and_visibility_whatever_the_zip_order()
    {
        var bytes = new RawWorkbook()
            .Sheet("Cover", DataRow(1, "x"))
            .Sheet("Lists", DataRow(1, "y"), state: "hidden")
            .Sheet("Macros", DataRow(1, "z"), state: "veryHidden")
            .Sheet("Return 2011-12", HeaderRow() + DataRow(2, "Shared legal"))
            .InReverseZipOrder()
            .Build();

        var ours = BothAgree(bytes);

        Assert.Equal(["Cover", "Lists", "Macros", "Return 2011-12"], ours.Sheets.Select(s => s.Name));
        Assert.Equal(["visible", "hidden", "veryhidden", "visible"], ours.Sheets.Select(s => s.VisibleState));
        Assert.Equal("Shared legal", ours.Sheets[3].Rows[1][0]);
    }

    [Fact]
    public void An_xlsm_with_its_macros_part_is_read_as_an_xlsx()
    {
        var package = XlsxPackage.Open(new RawWorkbook().Sheet("Arrangements", HeaderRow() + DataRow(2, "Shared legal")).Build());
        package.SetBytes("xl/vbaProject.bin", [0xD0, 0xCF, 0x11, 0xE0, 1, 2, 3]);
        package[XlsxPackage.ContentTypes] = package[XlsxPackage.ContentTypes].Replace("sheet.main+xml", "sheet.macroEnabled.main+xml", StringComparison.Ordinal);
        var bytes = package.Build();

        BothAgree(bytes);
        var result = Read(bytes, "return.xlsm");
        Assert.Equal("Shared legal", Assert.Single(result.Rows).Text(TemplateColumn.Arrangement));
    }

    [Fact]
    public void Shared_strings_join_rich_text_runs_and_leave_out_phonetic_runs()
    {
        var bytes = new RawWorkbook()
            .SharedStrings("<si><t>Plain</t></si><si><r><t xml:space=\"preserve\">Shared </t></r><r><rPr><b/></rPr><t>legal</t></r><rPh sb=\"0\" eb=\"1\"><t>シ</t></rPh><phoneticPr fontId=\"1\"/></si><si><t/></si>")
            .Sheet("S", "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c><c r=\"D1\" t=\"s\"><v>9</v></c></row>")
            .Build();

        var row = BothAgree(bytes).Sheets[0].Rows[0];

        // An index past the table's end is its own text, as ExcelDataReader gave it.
        Assert.Equal(["Plain", "Shared legal", null, "9"], row);
    }

    [Fact]
    public void Inline_strings_formula_results_booleans_errors_and_numbers_read_as_their_types()
    {
        var bytes = new RawWorkbook().Sheet("S",
            "<row r=\"1\">" + Inline("A1", "Inline text")
            + "<c r=\"B1\" t=\"str\"><f>A1&amp;\"!\"</f><v>Inline text!</v></c>"
            + "<c r=\"C1\" t=\"b\"><v>1</v></c><c r=\"D1\" t=\"b\"><v>0</v></c>"
            + "<c r=\"E1\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>"
            + "<c r=\"F1\" t=\"n\"><v>1234.5</v></c><c r=\"G1\"><f>F1*2</f><v>2469</v></c><c r=\"H1\"><v>-1.5E-3</v></c>"
            + "<c r=\"I1\"><f>SUM(A9:A10)</f></c>"
            + "<c r=\"J1\" t=\"inlineStr\"><is><r><t>Rich </t></r><r><t>inline</t></r></is></c>"
            + "</row>").Build();

        var row = BothAgree(bytes).Sheets[0].Rows[0];

        // An error cell is empty to both readers; a formula without a cached value is empty too.
        Assert.Equal(["Inline text", "Inline text!", true, false, null, 1234.5, 2469d, -0.0015, null, "Rich inline"], row);
    }

    [Fact]
    public void Numbers_in_date_styles_are_dates_from_built_in_and_custom_formats_and_others_stay_numbers()
    {
        var bytes = new RawWorkbook()
            .Styles(
                numFmts: """<numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="[$-809]d\ mmmm\ yyyy;@"/><numFmt numFmtId="166" formatCode="#,##0&quot; days&quot;"/><numFmt numFmtId="167" formatCode="[h]:mm"/><numFmt numFmtId="168" formatCode="yyyy\-mm\-dd\ hh:mm"/><numFmt numFmtId="169" formatCode="&quot;£&quot;#,##0.00"/>""",
                cellXfs: """<xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="165" applyNumberFormat="1"/><xf numFmtId="166" applyNumberFormat="1"/><xf numFmtId="167" applyNumberFormat="1"/><xf numFmtId="168" applyNumberFormat="1"/><xf numFmtId="169" applyNumberFormat="1"/><xf numFmtId="14" applyNumberFormat="0"/><xf numFmtId="22"/>""")
            .Sheet("S", "<row r=\"1\">" + string.Concat(Enumerable.Range(0, 10).Select(s => $"<c r=\"{(char)('A' + s)}1\" s=\"{s}\"><v>40634.5</v></c>")) + "<c r=\"K1\" s=\"99\"><v>40634</v></c></row>")
            .Build();

        var row = BothAgree(bytes).Sheets[0].Rows[0];

        var date = new DateTime(2011, 4, 1, 12, 0, 0);
        Assert.Equal([40634.5, date, date, date, 40634.5, TimeSpan.FromDays(40634.5), date, 40634.5, 40634.5, date, 40634d], row);
    }

    [Fact]
    public void The_1904_date_system_counts_from_1904()
    {
        var bytes = new RawWorkbook().Date1904().Sheet("S", "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>0</v></c><c r=\"B1\" s=\"1\"><v>39172</v></c></row>").Build();

        Assert.Equal([new DateTime(1904, 1, 1), new DateTime(2011, 4, 1)], BothAgree(bytes).Sheets[0].Rows[0]);
    }

    [Fact]
    public void Differs_from_ExcelDataReader_on_purpose_date1904_true_is_the_1904_system_too()
    {
        // The schema's boolean allows "true"; ExcelDataReader takes only "1" and would put every date 4 years early.
        var bytes = new RawWorkbook().Date1904("true").Sheet("S", "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>39172</v></c></row>").Build();

        Assert.Equal(new DateTime(2011, 4, 1), Ours(bytes).Sheets[0].Rows[0][0]);
        Assert.Equal(new DateTime(2007, 3, 31), Oracle(bytes).Sheets[0].Rows[0][0]);
    }

    [Fact]
    public void Differs_from_ExcelDataReader_on_purpose_East_Asian_built_in_date_formats_and_unquoted_literals_are_dates()
    {
        // Built-in ids 27–36 and 50–58 are dates in Chinese, Japanese and Korean locales; ExcelDataReader's table stops at 47.
        // A format with unquoted non-ASCII literals (as those locales save them) is a date to Excel; ExcelDataReader cannot parse it.
        var bytes = new RawWorkbook()
            .Styles("""<xf numFmtId="0"/><xf numFmtId="31" applyNumberFormat="1"/><xf numFmtId="57" applyNumberFormat="1"/><xf numFmtId="170" applyNumberFormat="1"/>""",
                """<numFmt numFmtId="170" formatCode="yyyy年m月d日"/>""")
            .Sheet("S", "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>40634</v></c><c r=\"B1\" s=\"2\"><v>40634</v></c><c r=\"C1\" s=\"3\"><v>40634</v></c></row>")
            .Build();

        var april = new DateTime(2011, 4, 1);
        Assert.Equal([april, april, april], Ours(bytes).Sheets[0].Rows[0]);
        Assert.Equal([40634d, 40634d, 40634d], Oracle(bytes).Sheets[0].Rows[0]);
    }

    [Fact]
    public void Differs_from_ExcelDataReader_on_purpose_a_magenta_number_is_a_number_not_a_duration()
    {
        // ExcelDataReader takes any bracket starting with h, m or s for elapsed time ([h]), [Magenta] too.
        var bytes = new RawWorkbook()
            .Styles("""<xf numFmtId="0"/><xf numFmtId="171" applyNumberFormat="1"/>""", """<numFmt numFmtId="171" formatCode="[Magenta]0.00"/>""")
            .Sheet("S", "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>2.5</v></c></row>")
            .Build();

        Assert.Equal(2.5, Ours(bytes).Sheets[0].Rows[0][0]);
        Assert.Equal(TimeSpan.FromDays(2.5), Oracle(bytes).Sheets[0].Rows[0][0]);
    }

    [Fact]
    public void Number_formats_are_classified_as_ExcelDataReaders_parser_classifies_them()
    {
        string[] formats =
        [
            "General", "0", "0.00", "#,##0", "#,##0.00", "0%", "0.00E+00", "# ?/?", "@", "d/m/yyyy", "d-mmm-yy", "d-mmm", "mmm-yy",
            "h:mm AM/PM", "h:mm:ss AM/PM", "h:mm", "h:mm:ss", "m/d/yy h:mm", "mm:ss", "[h]:mm:ss", "mm:ss.0", "##0.0E+0",
            "dd/mm/yyyy", "dd/mm/yy;@", "[$-809]dd mmmm yyyy;@", "[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy", "yyyy-mm-dd hh:mm:ss",
            "\"£\"#,##0.00", "\"£\"#,##0;[Red]\\-\"£\"#,##0", "_-\"£\"* #,##0_-;\\-\"£\"* #,##0_-;_-\"£\"* \"-\"_-;_-@_-", "#,##0\" days\"",
            "0.0\"h\"", "[Red]0.00", "[>=100]0;0.00", "[Blue]#,##0;[Red]-#,##0", ";;;", "0;-0;;@", "d/m", "mmmm yyyy", "yyyy",
            "[mm]:ss", "[ss]", "[h]:mm;@", "0.00;d/m/yyyy", "ddd", "a/p", "hh \"o'clock\"", "\\d0", "*-0", "_(0_)", "General;@",
        ];

        foreach (var format in formats)
        {
            var oracle = new ExcelDataReader.Core.NumberFormat.NumberFormatString(format);
            var expected = oracle.IsDateTimeFormat ? NumberFormatKind.Date : oracle.IsTimeSpanFormat ? NumberFormatKind.Duration : NumberFormatKind.Number;
            Assert.True(expected == NumberFormatClassifier.Classify(format), $"'{format}': ExcelDataReader {expected}, ours {NumberFormatClassifier.Classify(format)}");
        }
    }

    [Fact]
    public void Number_formats_drawn_at_random_from_their_tokens_are_classified_as_ExcelDataReader_does_wherever_it_can_parse_them()
    {
        string[] pieces = ["0", "#", "?", ".", ",", "%", "E+", "e-", "d", "dd", "m", "mm", "mmm", "yy", "yyyy", "h", "hh", "s", "ss", "AM/PM", "a/p",
            "[h]", "[mm]", "[Red]", "[Magenta]", "[$-809]", "[>0]", "\"x\"", "\"day\"", "\\d", "_)", "*-", " ", "-", "/", ":", ";", "@", "General", "(", ")", "£", "g"];
        var random = new Random(20261201);
        var compared = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var format = string.Concat(Enumerable.Range(0, 1 + random.Next(6)).Select(_ => pieces[random.Next(pieces.Length)]));
            var oracle = new ExcelDataReader.Core.NumberFormat.NumberFormatString(format);
            if (!oracle.IsValid || format.Contains("[Magenta]", StringComparison.Ordinal))
            {
                continue; // where ExcelDataReader gives up on a format, or (magenta) differs on purpose: see the tests above
            }

            compared++;
            var expected = oracle.IsDateTimeFormat ? NumberFormatKind.Date : oracle.IsTimeSpanFormat ? NumberFormatKind.Duration : NumberFormatKind.Number;
            Assert.True(expected == NumberFormatClassifier.Classify(format), $"'{format}': ExcelDataReader {expected}, ours {NumberFormatClassifier.Classify(format)}");
        }

        Assert.True(compared > 3_000, $"{compared} formats compared");
    }

    [Fact]
    public void Cells_and_rows_without_references_follow_the_one_before_and_gaps_in_row_numbers_are_blank_rows()
    {
        var bytes = new RawWorkbook().Sheet("S",
            "<row>" + "<c t=\"inlineStr\"><is><t>a</t></is></c><c t=\"inlineStr\"><is><t>b</t></is></c><c r=\"E1\" t=\"inlineStr\"><is><t>e</t></is></c><c t=\"inlineStr\"><is><t>f</t></is></c></row>"
            + "<row><c><v>2</v></c></row>"
            + "<row r=\"5\"><c r=\"B5\"><v>5</v></c></row>"
            + "<row><c r=\"C6\"><v>6</v></c></row>").Build();

        var rows = BothAgree(bytes).Sheets[0].Rows;

        Assert.Equal(6, rows.Count);
        Assert.Equal(["a", "b", null, null, "e", "f"], rows[0]);
        Assert.Equal([2d], rows[1]);
        Assert.Empty(rows[2]);
        Assert.Empty(rows[3]);
        Assert.Equal([null, 5d], rows[4]);
        Assert.Equal([null, null, 6d], rows[5]);
    }

    [Fact]
    public void The_submission_reader_reports_the_row_numbers_Excel_shows_across_gaps_and_rows_without_references()
    {
        var bytes = new RawWorkbook().Sheet("Arrangements",
            $"<row r=\"3\">{Inline("A3", "Arrangement")}{Inline("B3", "Partners")}{Inline("C3", "Service area")}</row>"
            + DataRow(5, "Shared legal")
            + $"<row><c t=\"inlineStr\"><is><t>Shared HR</t></is></c><c t=\"inlineStr\"><is><t>{Partners}</t></is></c><c t=\"inlineStr\"><is><t>HR</t></is></c></row>"
            + DataRow(9, "Shared ICT", "ICT")).Build();

        var result = Read(bytes);

        Assert.Equal(3, Assert.Single(result.Sheets).HeaderRowNumber);
        Assert.Equal([5, 6, 9], result.Rows.Select(r => r.RowNumber));
        Assert.Null(ReaderComparison.Of(bytes, "return.xlsx").Difference());
    }

    [Fact]
    public void Consecutive_rows_of_one_number_are_one_row_and_rows_out_of_order_are_counted_as_ExcelDataReader_counted_them()
    {
        var bytes = new RawWorkbook().Sheet("S",
            "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"1\"><c r=\"B1\"><v>2</v></c><c r=\"A1\"><v>3</v></c></row>"
            + "<row r=\"4\"><c r=\"A4\"><v>4</v></c></row><row r=\"2\"><c r=\"A2\"><v>5</v></c></row>").Build();

        var rows = BothAgree(bytes).Sheets[0].Rows;

        // The later of two cells in one column wins; a row numbered below the last is handed out next (Excel never writes one).
        Assert.Equal([[3d, 2d], [], [], [4d], [5d]], rows);
    }

    [Fact]
    public void Merged_cells_written_after_the_rows_are_known_before_the_first_row_and_fill_down()
    {
        var bytes = new RawWorkbook().Sheet("Arrangements",
            HeaderRow() + DataRow(2, "Shared legal") + $"<row r=\"3\">{Inline("A3", "Legal advice")}{Inline("B3", Partners)}</row>",
            afterRows: "<pageMargins left=\"0.7\"/><mergeCells count=\"2\"><mergeCell ref=\"C2:C3\"/><mergeCell ref=\"A1:A1\"/></mergeCells><pageSetup/>").Build();

        var ours = BothAgree(bytes);

        Assert.Equal([new MergedRange(1, 2, 2, 2), new MergedRange(0, 0, 0, 0)], ours.Sheets[0].Merges);
        Assert.Equal(["Legal", "Legal"], Read(bytes).Rows.Select(r => r.Text(TemplateColumn.ServiceArea)));
        Assert.Null(ReaderComparison.Of(bytes, "return.xlsx").Difference());
    }

    [Fact]
    public void Merged_ranges_ExcelDataReader_could_not_read_come_out_as_it_made_them()
    {
        var bytes = new RawWorkbook().Sheet("S", "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>",
            afterRows: "<mergeCells><mergeCell ref=\"A1\"/><mergeCell ref=\"C1:A1\"/><mergeCell ref=\"A0:B0\"/><mergeCell ref=\"A1:B2:C3\"/><mergeCell ref=\"a1:b2\"/><mergeCell ref=\"ZZZZZ1:ZZZZZ9\"/><mergeCell ref=\"A:B\"/></mergeCells>").Build();

        Assert.Equal(7, BothAgree(bytes).Sheets[0].Merges.Count);
    }

    [Fact]
    public void Strict_open_xml_and_prefixed_element_names_read_like_transitional()
    {
        var rows = HeaderRow() + DataRow(2, "Shared legal") + "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>0</v></c><c r=\"B3\" s=\"1\"><v>40634</v></c></row>";
        const string Merges = "<mergeCells><mergeCell ref=\"C2:C3\"/></mergeCells>";
        var prefixed = new RawWorkbook().Prefixed().Strings("Shared HR").Sheet("Arrangements", rows, Merges).Build();
        var strict = new RawWorkbook().AsStrict().Strings("Shared HR").Sheet("Arrangements", rows, Merges).Build();
        var both = new RawWorkbook().AsStrict().Prefixed("s").Strings("Shared HR").Sheet("Arrangements", rows, Merges).Build();

        var expected = BothAgree(prefixed);
        Assert.Equal(["Shared HR", new DateTime(2011, 4, 1)], expected.Sheets[0].Rows[2]);
        Assert.Null(Ours(strict).DifferenceFrom(expected));
        Assert.Null(Ours(both).DifferenceFrom(expected));
    }

    [Fact]
    public void Differs_from_ExcelDataReader_on_purpose_strict_open_xml_is_read_where_it_found_no_sheets()
    {
        var bytes = new RawWorkbook().AsStrict().Sheet("Arrangements", HeaderRow() + DataRow(2, "Shared legal")).Build();

        var comparison = ReaderComparison.Of(bytes, "strict.xlsx");

        Assert.Equal("file.no-header-row", comparison.OracleCode);
        Assert.Null(comparison.OurCode);
        Assert.Equal("Shared legal", Assert.Single(comparison.OurRows).Text(TemplateColumn.Arrangement));
    }

    [Fact]
    public void Escaped_characters_are_decoded_once_and_whitespace_is_kept_as_written()
    {
        var bytes = new RawWorkbook()
            .SharedStrings("<si><t>Line one_x000D__x000A_line two</t></si><si><t>Literal _x005F_x000D_ stays</t></si><si><t xml:space=\"preserve\">  padded  </t></si>")
            .Sheet("S", "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c>"
                        + Inline("D1", "Tab_x0009_here") + Inline("E1", "Half _xD800_ pair") + "<c r=\"F1\" t=\"str\"><v>_x0041_</v></c></row>")
            .Build();

        var row = BothAgree(bytes).Sheets[0].Rows[0];

        Assert.Equal(["Line one\r\nline two", "Literal _x000D_ stays", "  padded  ", "Tab\there", "Half \uFFFD pair", "A"], row);
    }

    [Fact]
    public void Differs_from_ExcelDataReader_on_purpose_escapes_with_lower_case_hex_digits_are_decoded()
    {
        var bytes = new RawWorkbook().Sheet("S", "<row r=\"1\">" + Inline("A1", "Caf_x00e9_") + "</row>").Build();

        Assert.Equal("Café", Ours(bytes).Sheets[0].Rows[0][0]);
        Assert.Equal("Caf_x00e9_", Oracle(bytes).Sheets[0].Rows[0][0]);
    }

    [Fact]
    public void Differs_from_ExcelDataReader_on_purpose_iso_date_times_and_true_booleans_are_read_as_such()
    {
        var bytes = new RawWorkbook().Sheet("S",
            "<row r=\"1\"><c r=\"A1\" t=\"d\"><v>2011-04-01</v></c><c r=\"B1\" t=\"d\"><v>2011-04-01T10:30:00</v></c><c r=\"C1\" t=\"d\"><v>2011-04-01T10:30:00.000Z</v></c>"
            + "<c r=\"D1\" t=\"d\"><v>31/02/2011</v></c><c r=\"E1\" t=\"b\"><v>true</v></c></row>").Build();

        var when = new DateTime(2011, 4, 1, 10, 30, 0);
        Assert.Equal([new DateTime(2011, 4, 1), when, when, "31/02/2011", true], Ours(bytes).Sheets[0].Rows[0]);
        Assert.Equal([new DateTime(2011, 4, 1), "2011-04-01T10:30:00", "2011-04-01T10:30:00.000Z", "31/02/2011", false], Oracle(bytes).Sheets[0].Rows[0]);
    }

    [Fact]
    public void Differs_from_ExcelDataReader_on_purpose_relationship_targets_resolve_as_packages_define_them()
    {
        // "../xl/worksheets/sheet1.xml" from xl/ is xl/worksheets/sheet1.xml; ExcelDataReader looked for "xl/../xl/…" and found no rows.
        var relative = new RawWorkbook().SheetTargets(i => $"../xl/worksheets/sheet{i}.xml").Sheet("Arrangements", HeaderRow() + DataRow(2, "Shared legal")).Build();
        var absolute = new RawWorkbook().SheetTargets(i => $"/xl/worksheets/sheet{i}.xml").Sheet("Arrangements", HeaderRow() + DataRow(2, "Shared legal")).Build();

        Assert.Equal(2, Ours(relative).Sheets[0].Rows.Count);
        Assert.Empty(Oracle(relative).Sheets[0].Rows);
        BothAgree(absolute);
    }

    [Fact]
    public void Differs_from_ExcelDataReader_on_purpose_shared_strings_under_another_name_are_found_through_the_relationships()
    {
        var bytes = new RawWorkbook().SharedStringsAt("xl/strings.xml").Strings("Shared legal").Sheet("S", "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>").Build();

        Assert.Equal("Shared legal", Ours(bytes).Sheets[0].Rows[0][0]);
        Assert.Equal("0", Oracle(bytes).Sheets[0].Rows[0][0]);
    }

    [Fact]
    public void Differs_from_ExcelDataReader_on_purpose_a_cell_past_column_ZZZ_makes_the_file_damaged()
    {
        // No spreadsheet program has such a column; ExcelDataReader made every row an array that wide (here 475,254 cells).
        var bytes = new RawWorkbook().Sheet("Arrangements", HeaderRow() + DataRow(2, "Shared legal") + "<row r=\"3\"><c r=\"ZZZZ3\"><v>1</v></c></row>").Build();

        var comparison = ReaderComparison.Of(bytes, "wide.xlsx");

        Assert.Null(comparison.OracleCode);
        Assert.Equal("file.unreadable", comparison.OurCode);
        Assert.Contains("past the last column", comparison.Ours.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Differs_from_ExcelDataReader_on_purpose_a_damaged_sheet_that_is_skipped_does_not_reject_the_file()
    {
        // ExcelDataReader parsed every sheet whole before its first row; ours never opens a hidden or guidance sheet.
        var package = XlsxPackage.Open(new RawWorkbook()
            .Sheet("Lists", DataRow(1, "x"), state: "hidden")
            .Sheet("Arrangements", HeaderRow() + DataRow(2, "Shared legal"))
            .Build());
        package["xl/worksheets/sheet1.xml"] = package["xl/worksheets/sheet1.xml"].Replace("</sheetData>", "</sheetDat>", StringComparison.Ordinal);
        var comparison = ReaderComparison.Of(package.Build(), "return.xlsx");

        Assert.Equal("file.unreadable", comparison.OracleCode);
        Assert.Null(comparison.OurCode);
        Assert.Single(comparison.OurRows);
    }

    [Fact]
    public void A_damaged_sheet_that_is_read_is_the_same_file_level_problem_as_before()
    {
        var package = XlsxPackage.Open(new RawWorkbook().Sheet("Arrangements", HeaderRow() + DataRow(2, "Shared legal") + DataRow(3, "Shared HR", "HR")).Build());
        package["xl/worksheets/sheet1.xml"] = package["xl/worksheets/sheet1.xml"].Replace("<row r=\"3\">", "<row r=\"3\"><c r=\"A3\"><v>1</c>", StringComparison.Ordinal);

        var comparison = ReaderComparison.Of(package.Build(), "return.xlsx");

        Assert.Equal(("file.unreadable", "file.unreadable"), (comparison.OracleCode, comparison.OurCode));
        Assert.Contains("XmlException", comparison.Ours.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_merge_tag_outside_the_sheets_merged_cells_is_refused_rather_than_applied()
    {
        // The scan before the rows finds "<mergeCell" in the bytes; the XML says it is text. Only a hand-made file does this.
        var bytes = new RawWorkbook().Sheet("Arrangements", HeaderRow() + DataRow(2, "Shared legal") + $"<row r=\"3\">{Inline("A3", "Legal advice")}{Inline("B3", Partners)}</row>",
            afterRows: "<extLst><ext uri=\"x\"><mergeCell ref=\"C2:C3\"/></ext></extLst>").Build();

        var comparison = ReaderComparison.Of(bytes, "return.xlsx");

        Assert.Null(comparison.OracleCode);
        Assert.Equal("file.unreadable", comparison.OurCode);
        Assert.Contains("merged cells", comparison.Ours.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Shared_strings_of_every_length_round_trip_through_the_compact_table_across_its_blocks()
    {
        // The longest just under 1 MB of XML text: a longer run without a tag is refused (ReadLimits.MaxBytesBetweenTags).
        var random = new Random(7);
        var strings = Enumerable.Range(0, 3_000).Select(i => i % 500 == 0 ? new string('é', 520_000 + i) : $"string {i} {new string('x', random.Next(2_000))} £€😀").ToList();
        strings.Insert(10, "");
        var bytes = new RawWorkbook().Strings([.. strings]).Sheet("S", string.Concat(strings.Select((_, i) => $"<row r=\"{i + 1}\"><c r=\"A{i + 1}\" t=\"s\"><v>{i}</v></c></row>"))).Build();

        using var reader = WorkbookReaders.Open(new MemoryStream(bytes), SubmissionFormat.OpenXml);
        var read = new List<object?>();
        while (reader.Read())
        {
            read.Add(reader.GetValue(0));
        }

        Assert.Equal(strings.Select(s => s.Length == 0 ? null : s), read.Select(v => v is string s && s.Length == 0 ? null : v));
    }
}
