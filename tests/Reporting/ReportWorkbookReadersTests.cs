using System.IO.Compression;
using ClosedXML.Excel;
using SharedServicesPipeline.Pipeline.Reporting;
using SharedServicesPipeline.Tests.Bench;
using SharedServicesPipeline.Tests.Intake;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Reporting;

/// <summary>
/// report.xlsx is streamed by the core's own writer (no ClosedXML in an ingest): two other readers open it and see what
/// the submitter should see — the marked cells' fills and notes, the quote prefix on formula-like text, the values
/// with their types, the frozen header.
/// </summary>
public sealed class ReportWorkbookReadersTests
{
    private const string Good = "Essex County Council; Slough Borough Council";

    private static readonly XLColor HeaderFill = XLColor.FromHtml("#DDEBF7");
    private static readonly XLColor ErrorFill = XLColor.FromHtml("#FFC7CE");
    private static readonly XLColor WarningFill = XLColor.FromHtml("#FFEB9C");

    [Fact]
    public async Task Report_workbook_opens_in_ClosedXML_and_ExcelDataReader_with_its_notes_fills_quote_prefix_types_and_frozen_header()
    {
        await using var mart = await TestMart.CreateAsync(IntakeRegister.Use);
        var submission = new WorkbookBuilder().TemplateSheet("Arrangements",
            WorkbookBuilder.Row("Shared legal service", Good, reference: "R02", start: new DateTime(2011, 4, 1), annualSavings: 12_500.5),
            WorkbookBuilder.Row("+Shared ICT", Good, reference: "R03"),
            WorkbookBuilder.Row("Money back", Good, reference: "R04", annualSavings: -5000),
            WorkbookBuilder.Row("Shared beekeeping", Good, service: "Municipal beekeeping", reference: "R05")).Build();

        var outcome = await mart.IngestAsync(new MemoryStream(submission), "return.xlsx");
        var path = Path.Combine(mart.ReportsPath, outcome.SubmissionId, ReportWorkbook.FileName);

        using (var report = new XLWorkbook(path))
        {
            Assert.Equal(["Summary", "Arrangements", "Problems"], report.Worksheets.Select(w => w.Name));
            var title = report.Worksheet("Summary").Cell(1, 1);
            Assert.Equal(("Submission report", true, 14.0), (title.GetString(), title.Style.Font.Bold, title.Style.Font.FontSize));
            Assert.Equal(100, report.Worksheet("Summary").Column(2).Width, 0.5);

            var rows = report.Worksheet("Arrangements");
            Assert.Equal(1, rows.SheetView.SplitRow);
            Assert.True(rows.Cell(1, 1).Style.Font.Bold);
            Assert.Equal(HeaderFill, rows.Cell(1, 1).Style.Fill.BackgroundColor);
            var headers = rows.Row(1).CellsUsed().Select(c => c.GetString()).ToList();
            int Column(string header) => headers.IndexOf(header) + 1;
            IXLRow Row(int number) => rows.RowsUsed().Single(r => r.Cell(Column("Row in your file")).GetString() == number.ToString(System.Globalization.CultureInfo.InvariantCulture));

            var start = Row(2).Cell(Column("Start date"));
            Assert.Equal((XLDataType.DateTime, new DateTime(2011, 4, 1), "dd/mm/yyyy"), (start.DataType, start.GetDateTime(), start.Style.NumberFormat.Format));
            Assert.Equal((XLDataType.Number, 12_500.5), (Row(2).Cell(Column("Annual savings (£)")).DataType, Row(2).Cell(Column("Annual savings (£)")).GetDouble()));
            Assert.Equal(XLDataType.Number, Row(2).Cell(Column("Row in your file")).DataType);
            Assert.False(Row(2).Cell(Column("Arrangement")).Style.IncludeQuotePrefix);

            var formulaLike = Row(3).Cell(Column("Arrangement"));
            Assert.Equal((XLDataType.Text, "+Shared ICT", true), (formulaLike.DataType, formulaLike.GetString(), formulaLike.Style.IncludeQuotePrefix));
            Assert.False(formulaLike.HasFormula);

            var negative = Row(4).Cell(Column("Annual savings (£)"));
            Assert.Equal(ErrorFill, negative.Style.Fill.BackgroundColor);
            Assert.Contains("[savings.negative]", negative.Comment.Text, StringComparison.Ordinal);
            var problems = Row(4).Cell(Column("Problems"));
            Assert.Equal((ErrorFill, true), (problems.Style.Fill.BackgroundColor, problems.Style.Alignment.WrapText));

            var beekeeping = Row(5).Cell(Column("Service area"));
            Assert.Equal(WarningFill, beekeeping.Style.Fill.BackgroundColor);
            Assert.Contains("[service-area.unrecognised]", beekeeping.Comment.Text, StringComparison.Ordinal);
            Assert.False(Row(2).Cell(Column("Service area")).HasComment);
            Assert.Equal(2, rows.CellsUsed(c => c.HasComment).Count());

            Assert.Equal(1, report.Worksheet("Problems").SheetView.SplitRow);
        }

        var read = SheetRows.Sheets(await File.ReadAllBytesAsync(path)).ToDictionary(s => s.Name, s => s.Rows);
        Assert.Equal(["Summary", "Arrangements", "Problems"], read.Keys);
        var sheet = read["Arrangements"];
        var header = sheet[0].Select(c => c as string).ToList();
        var first = sheet.Single(r => Equals(r[header.IndexOf("Row in your file")], 2.0));
        Assert.Equal(new DateTime(2011, 4, 1), first[header.IndexOf("Start date")]);
        Assert.Equal(12_500.5, first[header.IndexOf("Annual savings (£)")]);
        Assert.Equal("Loaded", first[header.IndexOf("Outcome")]);
        Assert.Contains(sheet, r => Equals(r[header.IndexOf("Arrangement")], "+Shared ICT"));
        Assert.Equal("Submission report", read["Summary"][0][0]);

        // The notes as Excel needs them: the comments part and the legacy drawing of its boxes, each named.
        using var zip = ZipFile.OpenRead(path);
        string Part(string name)
        {
            using var part = new StreamReader(zip.GetEntry(name)!.Open());
            return part.ReadToEnd();
        }

        var types = Part("[Content_Types].xml");
        Assert.Contains("<Override PartName=\"/xl/comments2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml\"/>", types, StringComparison.Ordinal);
        Assert.Contains("<Default Extension=\"vml\" ContentType=\"application/vnd.openxmlformats-officedocument.vmlDrawing\"/>", types, StringComparison.Ordinal);
        Assert.Contains("<legacyDrawing r:id=\"rId2\"", Part("xl/worksheets/sheet2.xml"), StringComparison.Ordinal);
        Assert.Contains("ObjectType=\"Note\"", Part("xl/drawings/vmlDrawing2.vml"), StringComparison.Ordinal);
    }
}
