using ClosedXML.Excel;

namespace SharedServicesPipeline.Tests.Support;

/// <summary>
/// Builds a council's own return the way Excel would save it: text stays text (ClosedXML's plain setter would turn
/// "2011" into a number), numbers and dates are typed cells with a number format, formulas keep their cached value,
/// and sheets may be frozen, filtered, tables, hidden, merged. Cells: <c>string</c> text, <c>int</c>/<c>double</c>/
/// <c>decimal</c> numbers, <c>DateTime</c> a date shown dd/mm/yyyy, or a <see cref="Shown"/> / <see cref="Formula"/>.
/// </summary>
internal sealed class ReturnWorkbook
{
    // Steps replayed on a fresh workbook in Build, so the builder holds nothing disposable.
    private readonly List<Action<XLWorkbook>> _steps = [];
    private string? _current;

    /// <summary>A typed value with the number format Excel would show it in ("d mmmm yyyy", "mmm-yy", "£#,##0").</summary>
    public sealed record Shown(object Value, string Format);

    /// <summary>A formula (without '='), saved with its computed value.</summary>
    public sealed record Formula(string Expression);

    public ReturnWorkbook Sheet(string name, params object?[][] rows)
    {
        _current = name;
        _steps.Add(workbook =>
        {
            var sheet = workbook.AddWorksheet(name);
            for (var r = 0; r < rows.Length; r++)
            {
                for (var c = 0; c < rows[r].Length; c++)
                {
                    Put(sheet.Cell(r + 1, c + 1), rows[r][c]);
                }
            }
        });
        return this;
    }

    /// <summary>Merges a range of the last sheet added; the value stays in its top-left cell, as in Excel.</summary>
    public ReturnWorkbook Merge(params string[] ranges)
    {
        return On(sheet =>
        {
            foreach (var range in ranges)
            {
                sheet.Range(range).Merge();
            }
        });
    }

    public ReturnWorkbook Freeze(int rows, int columns = 0)
    {
        return On(sheet => sheet.SheetView.Freeze(rows, columns));
    }

    public ReturnWorkbook AutoFilter(string range)
    {
        return On(sheet => sheet.Range(range).SetAutoFilter());
    }

    /// <summary>Makes a range an Excel table (a ListObject with its own filter buttons and style).</summary>
    public ReturnWorkbook Table(string range, string name)
    {
        return On(sheet => sheet.Range(range).CreateTable(name));
    }

    public ReturnWorkbook HideRows(params int[] rows)
    {
        return On(sheet =>
        {
            foreach (var row in rows)
            {
                sheet.Row(row).Hide();
            }
        });
    }

    public ReturnWorkbook Hidden(bool veryHidden = false)
    {
        return On(sheet => sheet.Visibility = veryHidden ? XLWorksheetVisibility.VeryHidden : XLWorksheetVisibility.Hidden);
    }

    public ReturnWorkbook Wrap(string range)
    {
        return On(sheet => sheet.Range(range).Style.Alignment.WrapText = true);
    }

    public byte[] Build()
    {
        using var workbook = new XLWorkbook();
        foreach (var step in _steps)
        {
            step(workbook);
        }

        using var stream = new MemoryStream();
        workbook.SaveAs(stream, new SaveOptions { EvaluateFormulasBeforeSaving = true });
        return stream.ToArray();
    }

    // Applies a step to the last sheet added.
    private ReturnWorkbook On(Action<IXLWorksheet> step)
    {
        var name = _current ?? throw new InvalidOperationException("Add a sheet first.");
        _steps.Add(workbook => step(workbook.Worksheet(name)));
        return this;
    }

    private static void Put(IXLCell cell, object? value)
    {
        switch (value)
        {
            case null:
                break;
            case string s:
                cell.DataType = XLDataType.Text;
                cell.SetValue(s);
                cell.DataType = XLDataType.Text;
                break;
            case DateTime d:
                cell.SetValue(d);
                cell.Style.NumberFormat.Format = "dd/mm/yyyy";
                break;
            case int i:
                cell.SetValue(i);
                break;
            case long l:
                cell.SetValue(l);
                break;
            case double d:
                cell.SetValue(d);
                break;
            case decimal m:
                cell.SetValue(m);
                break;
            case Shown shown:
                Put(cell, shown.Value);
                cell.Style.NumberFormat.Format = shown.Format;
                break;
            case Formula formula:
                cell.FormulaA1 = formula.Expression;
                break;
            default:
                throw new ArgumentException($"No cell for a {value.GetType().Name}", nameof(value));
        }
    }
}
