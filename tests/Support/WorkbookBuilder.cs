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
    private readonly List<(string Sheet, string Range)> _merges = [];
    private readonly HashSet<string> _hidden = [];
    private bool _evaluateFormulas;

    /// <summary>Saves formulas with their computed value, as Excel does (readers use that cached value).</summary>
    public WorkbookBuilder WithCachedFormulaValues()
    {
        _evaluateFormulas = true;
        return this;
    }

    /// <summary>Merges a range (e.g. "E2:E4") of a sheet added before; the value stays in its top-left cell, as in Excel.</summary>
    public WorkbookBuilder Merge(string sheet, string range)
    {
        _merges.Add((sheet, range));
        return this;
    }

    /// <summary>Hides a sheet added before.</summary>
    public WorkbookBuilder Hide(string sheet)
    {
        _hidden.Add(sheet);
        return this;
    }

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

        foreach (var (sheet, range) in _merges)
        {
            workbook.Worksheet(sheet).Range(range).Merge();
        }

        foreach (var sheet in _hidden)
        {
            workbook.Worksheet(sheet).Hide();
        }

        using var stream = new MemoryStream();
        workbook.SaveAs(stream, new SaveOptions { EvaluateFormulasBeforeSaving = _evaluateFormulas });
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
