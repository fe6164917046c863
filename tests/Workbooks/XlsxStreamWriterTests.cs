using System.IO.Compression;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using SharedServicesPipeline.Pipeline.Workbooks;

namespace SharedServicesPipeline.Tests.Workbooks;

/// <summary>The core's streaming .xlsx writer (the report's and the compendium's): parts a sheet can have together.</summary>
public sealed partial class XlsxStreamWriterTests
{
    [Fact]
    public void A_sheet_with_a_table_and_notes_opens_in_ClosedXML_with_both_and_notes_lose_what_XML_cannot_carry()
    {
        using var stream = new MemoryStream();
        using (var writer = new XlsxStreamWriter(stream))
        {
            writer.AddSheet("Rows", [20, 12], freezeHeader: true, rows =>
            {
                rows.StartRow(1);
                rows.Text("Name", XlsxStyle.Header);
                rows.Text("Amount", XlsxStyle.Header);
                rows.StartRow(2);
                rows.Text("=SUM(A1)", XlsxStyle.ErrorQuoted);
                rows.Note("Looks like a formula\u0001 [text.formula]");
                rows.Real(12.5);
                rows.StartRow(3);
                rows.Blank(XlsxStyle.Warning);
                rows.Note("Missing");
                rows.Boolean(true);
                rows.EndRows();
                return new XlsxTable("Rows", ["Name", "Amount"], 1, 3, AutoFilter: true, Totals: null);
            });
        }

        using var workbook = new XLWorkbook(new MemoryStream(stream.ToArray()));
        var sheet = workbook.Worksheet("Rows");
        Assert.Equal("Rows", Assert.Single(sheet.Tables).Name);
        var formula = sheet.Cell("A2");
        Assert.Equal(("=SUM(A1)", false, true), (formula.GetString(), formula.HasFormula, formula.Style.IncludeQuotePrefix));
        Assert.Equal("Looks like a formula [text.formula]", formula.Comment.Text);
        Assert.Equal(XLColor.FromHtml("#FFC7CE"), formula.Style.Fill.BackgroundColor);
        Assert.Equal(12.5, sheet.Cell("B2").GetDouble());
        Assert.Equal(("Missing", XLColor.FromHtml("#FFEB9C")), (sheet.Cell("A3").Comment.Text, sheet.Cell("A3").Style.Fill.BackgroundColor));
        Assert.True(sheet.Cell("B3").GetBoolean());
        Assert.Equal(1, sheet.SheetView.SplitRow);
    }

    [Fact]
    public void Notes_on_two_sheets_go_to_parts_of_their_own_with_boxes_numbered_apart()
    {
        using var stream = new MemoryStream();
        using (var writer = new XlsxStreamWriter(stream))
        {
            foreach (var name in (string[])["First", "Second"])
            {
                writer.AddSheet(name, [10], freezeHeader: false, rows =>
                {
                    rows.StartRow(1);
                    rows.Text(name);
                    rows.Note($"{name} note");
                    rows.StartRow(2);
                    rows.Text(name);
                    rows.Note($"{name} second note");
                    rows.EndRows();
                    return null;
                });
            }
        }

        using var zip = new ZipArchive(new MemoryStream(stream.ToArray()));
        string Part(string name)
        {
            using var part = new StreamReader(zip.GetEntry(name)!.Open());
            return part.ReadToEnd();
        }

        var shapes = new[] { 1, 2 }.SelectMany(i => ShapeId().Matches(Part($"xl/drawings/vmlDrawing{i}.vml")).Select(m => m.Value)).ToList();
        Assert.Equal(4, shapes.Distinct().Count());
        Assert.Contains("Second second note", Part("xl/comments2.xml"), StringComparison.Ordinal);
        using var workbook = new XLWorkbook(new MemoryStream(stream.ToArray()));
        Assert.Equal("First second note", workbook.Worksheet("First").Cell("A2").Comment.Text);
        Assert.Equal("Second note", workbook.Worksheet("Second").Cell("A1").Comment.Text);
    }

    [GeneratedRegex("_x0000_s[0-9]+")]
    private static partial Regex ShapeId();
}
