using System.Globalization;

namespace SharedServicesPipeline.Pipeline.Reading.OpenXml;

/// <summary>
/// A cell reference such as "B12", read as ExcelDataReader reads it (upper-case letters, then the row's digits and
/// nothing else), so that a cell or merge it can place is placed the same here.
/// </summary>
internal static class CellReference
{
    /// <summary>ZZZ: the last column any spreadsheet program addresses (Excel stops at XFD, Google Sheets at ZZZ).</summary>
    public const int LastColumn = 18_278;

    /// <summary>
    /// True when <paramref name="reference"/> is letters then a row number; <paramref name="column"/> and
    /// <paramref name="row"/> are 1-based. As ExcelDataReader, letters before a bad row number still give the column.
    /// <paramref name="letters"/> counts the letters (more than three: past <see cref="LastColumn"/>).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> reference, out int column, out int row, out int letters)
    {
        column = 0;
        letters = 0;
        while (letters < reference.Length)
        {
            var c = reference[letters];
            if (c is >= 'A' and <= 'Z')
            {
                letters++;
                column = unchecked((column * 26) + (c - 'A' + 1));
                continue;
            }

            if (!char.IsDigit(c))
            {
                letters = 0;
            }

            break;
        }

        if (letters == 0)
        {
            column = 0;
            row = 0;
            return false;
        }

        return int.TryParse(reference[letters..], NumberStyles.None, CultureInfo.InvariantCulture, out row);
    }

    /// <summary>A merged range's "A1:B3" as ExcelDataReader's CellRange makes it (0-based; -1 where it could not read).</summary>
    public static MergedRange Range(string reference)
    {
        var parts = reference.Split(':');
        var (from, to) = parts.Length == 2 ? (parts[0], parts[1]) : ("", "");
        // As ExcelDataReader, whatever the parse gave is used, read or not.
        _ = TryParse(from, out var fromColumn, out var fromRow, out _);
        _ = TryParse(to, out var toColumn, out var toRow, out _);
        return new MergedRange(fromRow - 1, fromColumn - 1, toRow - 1, toColumn - 1);
    }
}
