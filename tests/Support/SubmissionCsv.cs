using System.Globalization;
using System.Text;
using CsvHelper;

namespace SharedServicesPipeline.Tests.Support;

/// <summary>A submission in the canonical template as CSV bytes; rows as <see cref="WorkbookBuilder.Row"/> makes them.</summary>
internal static class SubmissionCsv
{
    public static byte[] Build(params object?[][] rows)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(false), leaveOpen: true))
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            foreach (var header in WorkbookBuilder.TemplateHeader)
            {
                csv.WriteField(header);
            }

            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var value in row)
                {
                    csv.WriteField(value switch
                    {
                        null => "",
                        DateTime d => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                        _ => value.ToString(),
                    });
                }

                csv.NextRecord();
            }
        }

        return buffer.ToArray();
    }
}
