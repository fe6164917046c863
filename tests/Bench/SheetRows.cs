using System.Text;
using ExcelDataReader;

namespace SharedServicesPipeline.Tests.Bench;

/// <summary>Reads the first sheet of a workbook with ExcelDataReader (the pipeline's reader) as rows of cell values.</summary>
internal static class SheetRows
{
    static SheetRows() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static (string Name, List<object?[]> Rows) Read(byte[] workbook)
    {
        using var reader = ExcelReaderFactory.CreateReader(new MemoryStream(workbook));
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.GetValue(i);
            }

            rows.Add(row);
        }

        return (reader.Name, rows);
    }
}
