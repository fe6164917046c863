using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using SharedServicesPipeline.Pipeline.Reporting;

namespace SharedServicesPipeline.Publishing;

/// <summary>Writes a table as RFC 4180 CSV, UTF-8 with a BOM so that Excel opens it right; text is neutralised against formula injection.</summary>
public static class CsvExtractWriter
{
    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture) { NewLine = "\r\n" };

    public static byte[] Write(ExtractTable table)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        using (var csv = new CsvWriter(writer, Configuration))
        {
            foreach (var column in table.Columns)
            {
                csv.WriteField(column.Name);
            }

            csv.NextRecord();
            foreach (var row in table.Rows)
            {
                foreach (var value in row)
                {
                    csv.WriteField(Format(value));
                }

                csv.NextRecord();
            }
        }

        return buffer.ToArray();
    }

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
