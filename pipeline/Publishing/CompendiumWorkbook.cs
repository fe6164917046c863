using System.Globalization;
using System.Text;
using ClosedXML.Excel;

namespace SharedServicesPipeline.Pipeline.Publishing;

/// <summary>
/// <c>shared-services-compendium.xlsx</c>, after the spreadsheet the national programme published: a Summary sheet of
/// headline figures, an "All arrangements" sheet and one sheet per region (or nation), each an Excel table with a
/// frozen header, filters and savings totals. Widths are set explicitly: measuring text needs System.Drawing, which
/// Azure's Linux workers lack. Every text cell goes through <see cref="FormulaGuard"/>.
/// </summary>
public sealed class CompendiumWorkbook : IPublishedArtifact
{
    public const string FileName = "shared-services-compendium.xlsx";
    public const string SummarySheet = "Summary";
    public const string AllSheet = "All arrangements";

    private const string MoneyFormat = "£#,##0;-£#,##0";
    private const string DateFormat = "dd/mm/yyyy";

    /// <summary>Columns of the arrangement sheets, with their widths in characters.</summary>
    private static readonly (string Header, double Width)[] Columns =
    [
        ("Arrangement", 48), ("Partners", 60), ("Lead authority", 30), ("Service area", 26), ("Category", 14),
        ("Region(s)", 28), ("Start", 12), ("Status", 10), ("Cross-tier", 11), ("Cross-sector", 13),
        ("Annual savings (£)", 19), ("Savings to date (£)", 20),
    ];

    public Task<IReadOnlyList<PublishedFile>> BuildAsync(IReadOnlyList<ExtractTable> tables, PublishContext context, CancellationToken cancellationToken)
    {
        var catalogue = ArrangementCatalogue.From(tables);
        using var workbook = new XLWorkbook();
        AddSummary(workbook.AddWorksheet(SummarySheet), catalogue, context);
        AddArrangements(workbook.AddWorksheet(AllSheet), "All_arrangements", catalogue.Arrangements);

        var sheetNames = new HashSet<string>([SummarySheet, AllSheet], StringComparer.OrdinalIgnoreCase);
        var tableNames = new HashSet<string>(["All_arrangements", "Regions"], StringComparer.OrdinalIgnoreCase);
        foreach (var area in catalogue.Areas)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var sheet = workbook.AddWorksheet(Unique(SheetName(area), sheetNames, 31, " "));
            AddArrangements(sheet, Unique(TableName(area), tableNames, 250, "_"), [.. catalogue.Arrangements.Where(a => a.Areas.Contains(area, StringComparer.Ordinal))]);
        }

        // Table totals are formulas; ask every spreadsheet program to calculate them on opening.
        workbook.FullCalculationOnLoad = true;
        using var buffer = new MemoryStream();
        workbook.SaveAs(buffer);
        IReadOnlyList<PublishedFile> files = [new PublishedFile(FileName, buffer.ToArray())];
        return Task.FromResult(files);
    }

    private static void AddSummary(IXLWorksheet sheet, ArrangementCatalogue catalogue, PublishContext context)
    {
        var arrangements = catalogue.Arrangements;
        Text(sheet.Cell(1, 1), "Shared services compendium").Style.Font.SetBold().Font.SetFontSize(16);
        Text(sheet.Cell(2, 1), "Shared service arrangements between councils and their partners, as the councils submitted them.");

        var headline = new (string Label, object? Value, string? Format)[]
        {
            ("Arrangements", arrangements.Count, "#,##0"),
            ("Councils sharing", CouncilsSharing(arrangements), "#,##0"),
            ("Annual savings (£)", arrangements.Sum(a => a.AnnualSavingsGbp ?? 0), MoneyFormat),
            ("Savings to date (£)", arrangements.Sum(a => a.SavingsToDateGbp ?? 0), MoneyFormat),
            ("Cross-tier arrangements", arrangements.Count(a => a.IsCrossTier), "#,##0"),
            ("Cross-sector arrangements", arrangements.Count(a => a.IsCrossSector), "#,##0"),
            ("Front office (frontline) arrangements", arrangements.Count(a => a.Category == "Front office"), "#,##0"),
            ("Refreshed (UTC)", context.GeneratedAt.UtcDateTime, "dd/mm/yyyy hh:mm"),
            ("Latest submission", context.Watermark ?? "none yet", null),
            ("Extract run", context.RunId, null),
        };
        for (var i = 0; i < headline.Length; i++)
        {
            var row = 4 + i;
            Text(sheet.Cell(row, 1), headline[i].Label).Style.Font.SetBold();
            var cell = sheet.Cell(row, 2);
            switch (headline[i].Value)
            {
                case string s:
                    Text(cell, s);
                    break;
                case int n:
                    cell.SetValue(n);
                    break;
                case decimal m:
                    cell.SetValue(m);
                    break;
                case DateTime t:
                    cell.SetValue(t);
                    break;
            }

            if (headline[i].Format is { } format)
            {
                cell.Style.NumberFormat.Format = format;
            }

            cell.Style.Alignment.SetHorizontal(XLAlignmentHorizontalValues.Left);
        }

        var top = 4 + headline.Length + 1;
        Text(sheet.Cell(top, 1), "By region").Style.Font.SetBold().Font.SetFontSize(13);
        var headers = new[] { "Region", "Arrangements", "Councils sharing", "Annual savings (£)", "Savings to date (£)" };
        for (var c = 0; c < headers.Length; c++)
        {
            Text(sheet.Cell(top + 1, c + 1), headers[c]);
        }

        var areas = catalogue.Areas;
        for (var i = 0; i < areas.Count; i++)
        {
            var inArea = arrangements.Where(a => a.Areas.Contains(areas[i], StringComparer.Ordinal)).ToList();
            var row = top + 2 + i;
            Text(sheet.Cell(row, 1), areas[i]);
            sheet.Cell(row, 2).SetValue(inArea.Count);
            sheet.Cell(row, 3).SetValue(CouncilsSharing(inArea, areas[i]));
            sheet.Cell(row, 4).SetValue(inArea.Sum(a => a.AnnualSavingsGbp ?? 0));
            sheet.Cell(row, 5).SetValue(inArea.Sum(a => a.SavingsToDateGbp ?? 0));
            sheet.Range(row, 4, row, 5).Style.NumberFormat.Format = MoneyFormat;
        }

        if (areas.Count > 0)
        {
            sheet.Range(top + 1, 1, top + 1 + areas.Count, headers.Length).CreateTable("Regions").ShowAutoFilter = false;
        }

        Text(sheet.Cell(top + 3 + areas.Count, 1), "An arrangement with partners in several regions is counted in each of them.").Style.Font.SetItalic();
        sheet.Column(1).Width = 38;
        sheet.Column(2).Width = 24;
        sheet.Columns(3, 5).Width = 20;
    }

    private static void AddArrangements(IXLWorksheet sheet, string tableName, IReadOnlyList<CatalogueArrangement> arrangements)
    {
        for (var c = 0; c < Columns.Length; c++)
        {
            Text(sheet.Cell(1, c + 1), Columns[c].Header);
            sheet.Column(c + 1).Width = Columns[c].Width;
        }

        for (var i = 0; i < arrangements.Count; i++)
        {
            var a = arrangements[i];
            var row = i + 2;
            Text(sheet.Cell(row, 1), a.Title);
            Text(sheet.Cell(row, 2), string.Join("; ", a.Partners.Select(p => p.Name)));
            Text(sheet.Cell(row, 3), a.Lead?.Name);
            Text(sheet.Cell(row, 4), a.ServiceArea);
            Text(sheet.Cell(row, 5), a.Category);
            Text(sheet.Cell(row, 6), string.Join("; ", a.Areas));
            if (a.StartDate is { } start)
            {
                sheet.Cell(row, 7).SetValue(start.ToDateTime(TimeOnly.MinValue));
            }

            Text(sheet.Cell(row, 8), a.Status);
            Text(sheet.Cell(row, 9), a.IsCrossTier ? "Yes" : "No");
            Text(sheet.Cell(row, 10), a.IsCrossSector ? "Yes" : "No");
            if (a.AnnualSavingsGbp is { } annual)
            {
                sheet.Cell(row, 11).SetValue(annual);
            }

            if (a.SavingsToDateGbp is { } toDate)
            {
                sheet.Cell(row, 12).SetValue(toDate);
            }
        }

        // A table needs a data row: an empty sheet keeps one blank row.
        var lastRow = Math.Max(2, arrangements.Count + 1);
        var table = sheet.Range(1, 1, lastRow, Columns.Length).CreateTable(tableName);
        table.ShowAutoFilter = true;
        table.ShowTotalsRow = true;
        table.Field(Columns[0].Header).TotalsRowLabel = "Total";
        table.Field(Columns[10].Header).TotalsRowFunction = XLTotalsRowFunction.Sum;
        table.Field(Columns[11].Header).TotalsRowFunction = XLTotalsRowFunction.Sum;
        sheet.Range(2, 7, lastRow, 7).Style.DateFormat.Format = DateFormat;
        sheet.Range(2, 11, lastRow + 1, 12).Style.NumberFormat.Format = MoneyFormat;
        sheet.Range(2, 1, lastRow, 2).Style.Alignment.SetWrapText(true);
        sheet.SheetView.FreezeRows(1);
    }

    private static int CouncilsSharing(IEnumerable<CatalogueArrangement> arrangements, string? area = null) =>
        arrangements.SelectMany(a => a.Partners)
            .Where(p => p.IsCouncil && (area is null || p.Area == area))
            .Select(p => p.Code)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Count();

    private static IXLCell Text(IXLCell cell, string? text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            cell.SetValue(FormulaGuard.Neutralise(text));
        }

        return cell;
    }

    /// <summary>Excel sheet names: at most 31 characters, none of : \ / ? * [ ], not starting or ending with an apostrophe.</summary>
    private static string SheetName(string area)
    {
        var name = new string([.. area.Select(c => c is ':' or '\\' or '/' or '?' or '*' or '[' or ']' ? ' ' : c)]).Trim().Trim('\'');
        return name.Length == 0 ? "Other" : name;
    }

    /// <summary>Excel table names: letters, digits and underscores, starting with a letter, never like a cell reference.</summary>
    private static string TableName(string area)
    {
        var builder = new StringBuilder("Region_");
        foreach (var c in area)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        }

        return builder.ToString();
    }

    private static string Unique(string name, HashSet<string> taken, int maxLength, string separator)
    {
        var candidate = name.Length > maxLength ? name[..maxLength] : name;
        for (var i = 2; !taken.Add(candidate); i++)
        {
            var suffix = separator + i.ToString(CultureInfo.InvariantCulture);
            candidate = (name.Length + suffix.Length > maxLength ? name[..(maxLength - suffix.Length)] : name) + suffix;
        }

        return candidate;
    }
}
