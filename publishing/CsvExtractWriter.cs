using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using SharedServicesPipeline.Pipeline.Reporting;

namespace SharedServicesPipeline.Publishing;

/// <summary>
/// Writes a table as RFC 4180 CSV, UTF-8 with a BOM so that Excel opens it right; text is neutralised against formula
/// injection. Each column is formatted from its typed values (no value boxed), row by row into one buffer.
/// </summary>
public static class CsvExtractWriter
{
    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture) { NewLine = "\r\n" };

    /// <summary>The table's CSV; the memory is the writer's own buffer (no copy of a 20 MB table is made).</summary>
    public static ReadOnlyMemory<byte> Write(ExtractTable table)
    {
        var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        using (var csv = new CsvWriter(writer, Configuration))
        {
            foreach (var column in table.Columns)
            {
                csv.WriteField(column.Name);
            }

            csv.NextRecord();
            var fields = Enumerable.Range(0, table.Columns.Count).Select(i => Formatter(table.ValuesAt(i))).ToArray();
            for (var row = 0; row < table.RowCount; row++)
            {
                foreach (var field in fields)
                {
                    csv.WriteField(field(row));
                }

                csv.NextRecord();
            }
        }

        return new ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>How a column's value at a row reads in CSV: as <see cref="Format"/> would put it, without boxing.</summary>
    private static Func<int, string> Formatter(ExtractValues values) => values switch
    {
        ExtractValues<string> s => row => s.IsNull(row) ? "" : FormulaGuard.Neutralise(s[row]),
        ExtractValues<int> n => row => OrEmpty(n, row, v => v.ToString(CultureInfo.InvariantCulture)),
        ExtractValues<long> n => row => OrEmpty(n, row, v => v.ToString(CultureInfo.InvariantCulture)),
        ExtractValues<decimal> d => row => OrEmpty(d, row, v => v.ToString(CultureInfo.InvariantCulture)),
        ExtractValues<double> d => row => OrEmpty(d, row, v => v.ToString("R", CultureInfo.InvariantCulture)),
        ExtractValues<bool> b => row => OrEmpty(b, row, v => v ? "true" : "false"),
        ExtractValues<DateOnly> d => row => OrEmpty(d, row, v => v.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        _ => row => Format(values.Boxed(row)),
    };

    private static string OrEmpty<T>(ExtractValues<T> values, int row, Func<T, string> format) => values.IsNull(row) ? "" : format(values[row]);

    internal static string Format(object? value) => value switch
    {
        null => "",
        string s => FormulaGuard.Neutralise(s),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
        DateTimeOffset dto => dto.ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => FormulaGuard.Neutralise(value.ToString() ?? ""),
    };
}
