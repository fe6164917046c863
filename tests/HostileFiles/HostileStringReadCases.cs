using System.Globalization;
using System.Text;

namespace SharedServicesPipeline.HostileFiles;

/// <summary>
/// Workbooks whose cost is making shared strings, not parsing: a table big enough that most of it is kept in the reader's
/// temporary file, and a sheet of millions of cells that each name one of those strings in an order that defeats both the
/// file's read-ahead window and the table's cache (jumping back and forth, or backwards). The cells lie right of the
/// header's columns, so no row is handed on and charged for its text: only what the reader does to make each string
/// (a read from the file, the string decoded) stands between such a file and the bound, and the table charges it.
/// </summary>
public static class HostileStringReadCases
{
    /// <summary>Shared strings after the valid submission's: 450,000 of 77 bytes, 35 MB, all but the first 4 MB in the file.</summary>
    public const int Strings = 450_000;

    /// <summary>Cells a row, all right of the header (from column D).</summary>
    public const int CellsPerRow = 1_000;

    /// <summary>Rows of such cells: 3.6 million cells, a 90 MB sheet (read twice, merge scan and rows, within the inflate budget).</summary>
    public const int Rows = 3_600;

    public static IReadOnlyList<HostileCase> All { get; } =
    [
        new("shared-string-reads", "3.6 million cells naming strings of a 35 MB table in a jumping order (each a read from the temporary file)", "scattered-strings.xlsx",
            () => Workbook(Rows, StringOrder.Scattered), null) { Worst = true },
        new("shared-string-reads", "3.6 million cells naming strings of a 35 MB table from the last to the first", "backward-strings.xlsx",
            () => Workbook(Rows, StringOrder.Backward), null),
    ];

    public enum StringOrder
    {
        Scattered,
        Backward,
    }

    /// <summary>The string the <paramref name="cell"/>-th cell names, among <see cref="Strings"/> after the valid submission's.</summary>
    public static int StringOf(long cell, StringOrder order, int strings = Strings)
    {
        // 0.618 of the table each step (a stride coprime to its size): every other cell jumps back, the others far ahead.
        const long Stride = 278_111;
        var at = order == StringOrder.Scattered ? cell * Stride % strings : strings - 1 - (cell % strings);
        return WorkbookParts.Strings.Length + (int)at;
    }

    /// <summary>
    /// The valid submission's header and two rows, then <paramref name="rows"/> rows of <see cref="CellsPerRow"/> cells naming
    /// the big table's strings (<paramref name="count"/> of them; the jumping order's stride, 278,111, has no factor below 600,
    /// so for a count of 2s, 3s and 5s it names a different string in every cell until all have been named).
    /// </summary>
    public static byte[] Workbook(int rows, StringOrder order, int count = Strings)
    {
        var strings = new StringBuilder(count * 100);
        foreach (var s in WorkbookParts.Strings)
        {
            strings.Append("<si><t>").Append(s).Append("</t></si>");
        }

        for (var i = 0; i < count; i++)
        {
            // 77 bytes, different from every other, longer than the 64 bytes under which a string once always stayed in memory.
            strings.Append(CultureInfo.InvariantCulture, $"<si><t>A description of a made-up arrangement, number {i:D7}, long enough to count.</t></si>");
        }

        var sheet = new StringBuilder((rows * CellsPerRow * 26) + 1024).Append(WorkbookParts.Rows);
        long cell = 0;
        for (var r = 0; r < rows; r++)
        {
            sheet.Append("<row>");
            for (var c = 0; c < CellsPerRow; c++)
            {
                sheet.Append(c == 0 ? "<c r=\"D1\" t=\"s\"><v>" : "<c t=\"s\"><v>").Append(StringOf(cell++, order, count)).Append("</v></c>");
            }

            sheet.Append("</row>");
        }

        return new WorkbookParts()
            .Set(WorkbookParts.SharedStrings, WorkbookParts.SharedStringsXml(strings.ToString()))
            .Set(WorkbookParts.Sheet, WorkbookParts.SheetXml(sheet.ToString()))
            .Build();
    }
}
