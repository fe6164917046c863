using System.Text;
using ExcelDataReader;

namespace SharedServicesPipeline.Tests.Bench;

/// <summary>Reads a workbook with ExcelDataReader (the pipeline's reader) as rows of cell values.</summary>
internal static class SheetRows
{
    static SheetRows() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The first sheet.</summary>
    public static (string Name, List<object?[]> Rows) Read(byte[] workbook) => Sheets(workbook)[0];

    /// <summary>Every sheet, in order.</summary>
    public static List<(string Name, List<object?[]> Rows)> Sheets(byte[] workbook)
    {
        using var reader = ExcelReaderFactory.CreateReader(new MemoryStream(workbook));
        var sheets = new List<(string Name, List<object?[]> Rows)>();
        do
        {
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

            sheets.Add((reader.Name, rows));
        }
        while (reader.NextResult());

        return sheets;
    }
}
