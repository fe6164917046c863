using ClosedXML.Excel;

namespace SharedServicesPipeline.Tests.Support;

/// <summary>Builds submission workbooks in code: sheets of rows, for tests that need a particular shape of file.</summary>
internal sealed class WorkbookBuilder
{
    public static readonly string[] TemplateHeader =
    [
        "Reference", "Arrangement", "Partners", "Lead authority", "Service area", "Arrangement type", "Description",
        "Start date", "End date", "Status", "Annual savings (£)", "Savings to date (£)", "Governance", "Delivery model",
        "Contact name", "Contact email",
    ];

    private readonly List<(string Name, List<object?[]> Rows)> _sheets = [];

    public WorkbookBuilder Sheet(string name, params object?[][] rows)
    {
        _sheets.Add((name, [.. rows]));
        return this;
    }

    /// <summary>A sheet with the canonical header and the given arrangements (cells in template column order).</summary>
    public WorkbookBuilder TemplateSheet(string name, params object?[][] arrangements) =>
        Sheet(name, [TemplateHeader, .. arrangements]);

    public byte[] Build()
    {
        using var workbook = new XLWorkbook();
        foreach (var (name, rows) in _sheets)
        {
            var sheet = workbook.AddWorksheet(name);
            for (var r = 0; r < rows.Count; r++)
            {
                for (var c = 0; c < rows[r].Length; c++)
                {
                    var cell = sheet.Cell(r + 1, c + 1);
                    switch (rows[r][c])
                    {
                        case null:
                            break;
                        case string s when s.StartsWith('=') && s.Length > 1:
                            cell.FormulaA1 = s[1..];
                            break;
                        case DateTime d:
                            cell.Value = d;
                            break;
                        case int i:
                            cell.Value = i;
                            break;
                        case double d:
                            cell.Value = d;
                            break;
                        case decimal m:
                            cell.Value = m;
                            break;
                        case var other:
                            cell.Value = other.ToString();
                            break;
                    }
                }
            }
        }

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>One arrangement row in template column order.</summary>
    public static object?[] Row(
        string title,
        string partners,
        string service = "Legal",
        string? reference = null,
        string? lead = null,
        object? start = null,
        object? end = null,
        object? annualSavings = null,
        object? savingsToDate = null,
        string? status = "Live",
        string? contactName = null,
        string? contactEmail = null) =>
        [reference, title, partners, lead, service, null, null, start, end, status, annualSavings, savingsToDate, null, null, contactName, contactEmail];
}
