using System.Globalization;
using System.Text;
using SharedServicesPipeline.Pipeline.Reporting;
using SharedServicesPipeline.Pipeline.Workbooks;

namespace SharedServicesPipeline.Publishing;

/// <summary>
/// <c>shared-services-compendium.xlsx</c>, after the spreadsheet the national programme published: a Summary sheet of
/// headline figures, an "All arrangements" sheet and one sheet per region (or nation), each an Excel table with a
/// frozen header, filters and savings totals. Written as a stream (<see cref="XlsxStreamWriter"/>), so a 100k-arrangement
/// mart does not hold millions of cells in memory. Widths are set explicitly: measuring text needs System.Drawing, which
/// Azure's Linux workers lack. Every text cell goes through <see cref="FormulaGuard"/>.
/// </summary>
public sealed class CompendiumWorkbook : IPublishedArtifact
{
    public const string FileName = "shared-services-compendium.xlsx";
    public const string SummarySheet = "Summary";
    public const string AllSheet = "All arrangements";

    /// <summary>Columns of the arrangement sheets, with their widths in characters.</summary>
    private static readonly (string Header, double Width)[] Columns =
    [
        ("Arrangement", 48), ("Partners", 60), ("Lead authority", 30), ("Service area", 26), ("Category", 14),
        ("Region(s)", 28), ("Start", 12), ("Status", 10), ("Cross-tier", 11), ("Cross-sector", 13),
        ("Annual savings (£)", 19), ("Savings to date (£)", 20),
    ];

    public async Task<IReadOnlyList<PublishedFile>> BuildAsync(IReadOnlyList<ExtractTable> tables, PublishContext context, CancellationToken cancellationToken)
    {
        var catalogue = ArrangementCatalogue.Of(tables);
        var sheets = new List<(string Name, Func<XlsxRenderedSheet> Render)>
        {
            (SummarySheet, () => Summary(catalogue, context)),
            (AllSheet, () => Arrangements("All_arrangements", catalogue.Arrangements)),
        };
        var sheetNames = new HashSet<string>([SummarySheet, AllSheet], StringComparer.OrdinalIgnoreCase);
        var tableNames = new HashSet<string>(["All_arrangements", "Regions"], StringComparer.OrdinalIgnoreCase);
        foreach (var area in catalogue.Areas)
        {
            var tableName = Unique(TableName(area), tableNames, 250, "_");
            sheets.Add((Unique(SheetName(area), sheetNames, 31, " "), () => Arrangements(tableName, catalogue.InArea(area))));
        }

        // Sheets rendered side by side (a few at a time, so that only those are held) and stored in order: the
        // compendium was the last artifact still building, on one core.
        var rendering = new Queue<Task<XlsxRenderedSheet>>();
        var next = 0;
        void StartNext()
        {
            if (next < sheets.Count)
            {
                rendering.Enqueue(Task.Run(sheets[next++].Render, cancellationToken));
            }
        }

        for (var i = 0; i < Math.Max(2, Environment.ProcessorCount); i++)
        {
            StartNext();
        }

        var buffer = new MemoryStream();
        using (var workbook = new XlsxStreamWriter(buffer))
        {
            foreach (var (name, _) in sheets)
            {
                var sheet = await rendering.Dequeue();
                StartNext();
                workbook.AddSheet(name, sheet);
            }
        }

        // The stream's own buffer, not a copy of it (as the dashboard's page).
        return [new PublishedFile(FileName, new ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, (int)buffer.Length))];
    }

    private static XlsxRenderedSheet Summary(ArrangementCatalogue catalogue, PublishContext context)
    {
        var arrangements = catalogue.Arrangements;
        var areas = catalogue.Areas;
        var headline = new (string Label, object? Value)[]
        {
            ("Arrangements", arrangements.Count),
            ("Councils sharing", CouncilsSharing(arrangements)),
            ("Annual savings (£)", arrangements.Sum(a => a.AnnualSavingsGbp ?? 0)),
            ("Savings to date (£)", arrangements.Sum(a => a.SavingsToDateGbp ?? 0)),
            ("Cross-tier arrangements", arrangements.Count(a => a.IsCrossTier)),
            ("Cross-sector arrangements", arrangements.Count(a => a.IsCrossSector)),
            ("Front office (frontline) arrangements", arrangements.Count(a => a.Category == "Front office")),
            ("Refreshed (UTC)", context.GeneratedAt.UtcDateTime),
            ("Latest submission", context.Watermark ?? "none yet"),
            ("Extract run", context.RunId),
        };
        string[] headers = ["Region", "Arrangements", "Councils sharing", "Annual savings (£)", "Savings to date (£)"];

        return XlsxStreamWriter.Render([38, 24, 20, 20, 20], freezeHeader: false, rows =>
        {
            rows.StartRow(1);
            Text(rows, "Shared services compendium", XlsxStyle.Title);
            rows.StartRow(2);
            Text(rows, "Shared service arrangements between councils and their partners, as the councils submitted them.");
            for (var i = 0; i < headline.Length; i++)
            {
                rows.StartRow(4 + i);
                Text(rows, headline[i].Label, XlsxStyle.Bold);
                switch (headline[i].Value)
                {
                    case int n:
                        rows.Number(n, XlsxStyle.CountLeft);
                        break;
                    case decimal m:
                        rows.Number(m, XlsxStyle.MoneyLeft);
                        break;
                    case DateTime t:
                        rows.Date(t, XlsxStyle.DateTimeLeft);
                        break;
                    case var other:
                        Text(rows, other as string, XlsxStyle.TextLeft);
                        break;
                }
            }

            var top = 4 + headline.Length + 1;
            rows.StartRow(top);
            Text(rows, "By region", XlsxStyle.Heading);
            rows.StartRow(top + 1);
            foreach (var header in headers)
            {
                Text(rows, header);
            }

            for (var i = 0; i < areas.Count; i++)
            {
                var inArea = catalogue.InArea(areas[i]);
                rows.StartRow(top + 2 + i);
                Text(rows, areas[i]);
                rows.Number(inArea.Count);
                rows.Number(CouncilsSharing(inArea, areas[i]));
                rows.Number(inArea.Sum(a => a.AnnualSavingsGbp ?? 0), XlsxStyle.Money);
                rows.Number(inArea.Sum(a => a.SavingsToDateGbp ?? 0), XlsxStyle.Money);
            }

            rows.StartRow(top + 3 + areas.Count);
            Text(rows, "An arrangement with partners in several regions is counted in each of them.", XlsxStyle.Italic);
            rows.EndRows();
            return areas.Count == 0 ? null : new XlsxTable("Regions", headers, top + 1, top + 1 + areas.Count, AutoFilter: false, Totals: null);
        });
    }

    private static XlsxRenderedSheet Arrangements(string tableName, IReadOnlyList<CatalogueArrangement> arrangements)
    {
        return XlsxStreamWriter.Render([.. Columns.Select(c => c.Width)], freezeHeader: true, rows =>
        {
            rows.StartRow(1);
            foreach (var (header, _) in Columns)
            {
                Text(rows, header);
            }

            for (var i = 0; i < arrangements.Count; i++)
            {
                var a = arrangements[i];
                rows.StartRow(i + 2);
                Text(rows, a.Title, XlsxStyle.Wrap);
                Text(rows, string.Join("; ", a.Partners.Select(p => p.Name)), XlsxStyle.Wrap);
                Text(rows, a.Lead?.Name);
                Text(rows, a.ServiceArea);
                Text(rows, a.Category);
                Text(rows, string.Join("; ", a.Areas));
                rows.Date(a.StartDate?.ToDateTime(TimeOnly.MinValue), XlsxStyle.Date);
                Text(rows, a.Status);
                Text(rows, a.IsCrossTier ? "Yes" : "No");
                Text(rows, a.IsCrossSector ? "Yes" : "No");
                rows.Number(a.AnnualSavingsGbp, XlsxStyle.Money);
                rows.Number(a.SavingsToDateGbp, XlsxStyle.Money);
            }

            // A table needs a data row: an empty sheet keeps one blank row.
            var lastRow = Math.Max(2, arrangements.Count + 1);
            rows.StartRow(lastRow + 1);
            Text(rows, "Total");
            rows.Skip(9);
            rows.Subtotal(tableName, Columns[10].Header, arrangements.Sum(a => a.AnnualSavingsGbp ?? 0), XlsxStyle.Money);
            rows.Subtotal(tableName, Columns[11].Header, arrangements.Sum(a => a.SavingsToDateGbp ?? 0), XlsxStyle.Money);
            rows.EndRows();
            var totals = new XlsxTableTotals("Total", new HashSet<string>([Columns[10].Header, Columns[11].Header], StringComparer.Ordinal));
            return new XlsxTable(tableName, [.. Columns.Select(c => c.Header)], 1, lastRow, AutoFilter: true, totals);
        });
    }

    private static int CouncilsSharing(IEnumerable<CatalogueArrangement> arrangements, string? area = null) =>
        arrangements.SelectMany(a => a.Partners)
            .Where(p => p.IsCouncil && (area is null || p.Area == area))
            .Select(p => p.Code)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Count();

    private static void Text(XlsxRowWriter rows, string? text, XlsxStyle style = XlsxStyle.Normal) =>
        rows.Text(string.IsNullOrEmpty(text) ? text : FormulaGuard.Neutralise(text), style);

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
