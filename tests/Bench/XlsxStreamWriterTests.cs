using ClosedXML.Excel;
using SharedServicesPipeline.Bench.Generation;
using SharedServicesPipeline.Bench.Scenarios;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Bench;

/// <summary>The bench's streaming .xlsx writer: what it writes, ExcelDataReader (our reader), ClosedXML and the floor read back.</summary>
public sealed class XlsxStreamWriterTests
{
    private static readonly object?[][] Rows =
    [
        ["Reference", "Arrangement", "Start date", "Annual savings (£)", "Count", "Live", "Notes"],
        ["ESX/001", "Essex & Herts <legal>", new DateTime(2011, 4, 1), 250000.5, 3, true, "line one\nline two"],
        ["ESX/002", "  leading and trailing spaces  ", new DateTime(2019, 12, 31), 12m, 0, false, null],
        [null, "Gaps before and after", null, null, null, null, "£ 90,000"],
    ];

    [Fact]
    public void ExcelDataReader_reads_back_every_value_with_its_type()
    {
        var bytes = Write();

        var (name, rows) = SheetRows.Read(bytes);

        Assert.Equal("Arrangements", name);
        Assert.Equal(Rows.Length, rows.Count);
        Assert.Equal("Annual savings (£)", rows[0][3]);
        Assert.Equal("Essex & Herts <legal>", rows[1][1]);
        Assert.Equal(new DateTime(2011, 4, 1), rows[1][2]);
        Assert.Equal(250000.5, rows[1][3]);
        Assert.Equal(3.0, rows[1][4]);
        Assert.Equal(true, rows[1][5]);
        Assert.Equal("line one\nline two", rows[1][6]);
        Assert.Equal("  leading and trailing spaces  ", rows[2][1]);
        Assert.Equal(new DateTime(2019, 12, 31), rows[2][2]);
        Assert.Equal(12.0, rows[2][3]);
        Assert.Null(rows[2][6]);
        Assert.Null(rows[3][0]);
        Assert.Equal("£ 90,000", rows[3][6]);
    }

    [Fact]
    public void ClosedXML_opens_the_workbook_and_sees_the_same_cells()
    {
        using var workbook = new XLWorkbook(new MemoryStream(Write()));
        var sheet = workbook.Worksheet("Arrangements");

        Assert.Equal("Essex & Herts <legal>", sheet.Cell("B2").GetString());
        Assert.Equal(new DateTime(2019, 12, 31), sheet.Cell("C3").GetDateTime());
        Assert.Equal(4, sheet.LastRowUsed().RowNumber());
    }

    [Fact]
    public void The_floor_reader_counts_every_non_empty_cell()
    {
        using var folder = new TempFolder();
        var path = folder.File("rows.xlsx");
        File.WriteAllBytes(path, Write());

        var (cells, characters) = FloorReader.Read(path);

        Assert.Equal(Rows.Sum(r => r.Count(c => c is not null)), cells);
        Assert.True(characters > 0);
    }

    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(701, "ZZ")]
    [InlineData(702, "AAA")]
    public void Column_names_run_A_to_Z_then_AA(int index, string name) =>
        Assert.Equal(name, XlsxStreamWriter.ColumnName(index));

    private static byte[] Write()
    {
        using var stream = new MemoryStream();
        using (var writer = new XlsxStreamWriter(stream))
        {
            foreach (var row in Rows)
            {
                writer.WriteRow(row);
            }
        }

        return stream.ToArray();
    }
}
