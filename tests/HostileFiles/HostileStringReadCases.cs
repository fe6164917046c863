using System.Globalization;
using System.Text;

namespace SharedServicesPipeline.HostileFiles;

/// <summary>
/// Workbooks whose cost is making shared strings, not parsing: a table big enough that most of it is kept in the reader's
/// temporary file, and a sheet of millions of cells that each name one of those strings in an order that defeats both the
/// file's read-ahead window and the table's cache (jumping back and forth, or backwards). The cells lie right of the
/// header's columns, so no row is handed on and charged for its text: only what the reader does to make each string
/// (a read from the file, the string decoded) stands between such a file and the bound, and the table charges it. And
/// two long strings that share a place in the cache, named in turn: each cell's string made anew, so what a row holds
/// is bounded by its text (<c>ReadLimits.MaxRowChars</c>), not its cells.
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
            () => Workbook(Rows, StringOrder.Scattered), HostileWorkCases.TooMuchWork),
        new("shared-string-reads", "3.6 million cells naming strings of a 35 MB table from the last to the first", "backward-strings.xlsx",
            () => Workbook(Rows, StringOrder.Backward), HostileWorkCases.TooMuchWork),
        new("shared-string-reads", "4 million cells naming two strings of 32,767 characters in turn, which share a place in the table's cache", "alternating-long-strings.xlsx",
            () => AlternatingWorkbook(ExcelCellChars, 100, 40_000), HostileWorkCases.TooMuchWork) { Worst = true },
        new("shared-string-reads", "rows of 1,000 cells naming two strings of a million characters in turn (2 GB of text a row if made and held)", "alternating-huge-strings.xlsx",
            () => AlternatingWorkbook(1_000_000, 1_000, 100), HostileCases.RowTooLong),
    ];

    private const int ExcelCellChars = 32_767;

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

    /// <summary>
    /// Two strings of <paramref name="chars"/> characters, numbered 4,096 apart (one place in the table's cache of 4,096),
    /// named in turn by <paramref name="cellsPerRow"/> cells a row right of the header: every cell's string is made anew.
    /// </summary>
    public static byte[] AlternatingWorkbook(int chars, int cellsPerRow, int rows)
    {
        var first = WorkbookParts.Strings.Length;
        var strings = new StringBuilder((2 * chars) + (4_096 * 24));
        foreach (var s in WorkbookParts.Strings)
        {
            strings.Append("<si><t>").Append(s).Append("</t></si>");
        }

        Runs(strings, 'a', chars);
        for (var i = 1; i < 4_096; i++)
        {
            strings.Append(CultureInfo.InvariantCulture, $"<si><t>{i}</t></si>");
        }

        Runs(strings, 'b', chars);
        var cells = new StringBuilder();
        for (var c = 0; c < cellsPerRow; c++)
        {
            cells.Append(c == 0 ? "<c r=\"D1\" t=\"s\"><v>" : "<c t=\"s\"><v>").Append(first + (c % 2 * 4_096)).Append("</v></c>");
        }

        return new WorkbookParts()
            .Set(WorkbookParts.SharedStrings, WorkbookParts.SharedStringsXml(strings.ToString()))
            .Set(HostileCases.DilutedEntry(WorkbookParts.Sheet, WorkbookParts.Declaration + $"<worksheet xmlns=\"{WorkbookParts.Main}\"><sheetData>" + WorkbookParts.Rows,
                "<row>" + cells + "</row>", rows, "</sheetData></worksheet>"))
            .Build();
    }

    // A string item of rich-text runs of 32,768 characters at most: a run of text over 1 MB is refused on its own.
    private static void Runs(StringBuilder strings, char letter, int chars)
    {
        strings.Append("<si>");
        for (var left = chars; left > 0; left -= 32_768)
        {
            strings.Append("<r><t>").Append(letter, Math.Min(left, 32_768)).Append("</t></r>");
        }

        strings.Append("</si>");
    }
}
