using System.Text;

namespace SharedServicesPipeline.Tests.Fuzz;

/// <summary>
/// CSV files as broken systems export them: odd or mixed encodings and byte-order marks, invalid UTF-8, NUL bytes,
/// unbalanced quotes, stray separators and line ends, thousands of columns or blank lines, multi-megabyte cells.
/// </summary>
internal static class HostileCsv
{
    private const string Header = "Reference,Arrangement,Partners,Service area,Annual savings (£),Start date";
    private const string Good = "R01,Shared legal service,Essex County Council; Slough Borough Council,Legal,\"£125,000\",01/04/2011";

    private static readonly Encoding Utf8 = new UTF8Encoding(false);

    public static IReadOnlyList<FuzzShape> Encodings(Random random)
    {
        var text = $"{Header}\r\n{Good}\r\nR02,Café “Bibliothèque” – joint libraries,Kent County Council; Maidstone Borough Council,Libraries,,\r\n";
        (string Label, Func<byte[]> Bytes)[] encodings =
        [
            ("UTF-8 BOM twice", () => [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, .. Utf8.GetBytes(text)]),
            ("UTF-8 BOM mid-file", () => [.. Utf8.GetBytes(Header + "\r\n"), 0xEF, 0xBB, 0xBF, .. Utf8.GetBytes(Good)]),
            ("UTF-16 LE without BOM", () => Encoding.Unicode.GetBytes(text)),
            ("UTF-16 BE with BOM", () => [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(text)]),
            ("UTF-16 LE BOM, odd length", () => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text), 0x41]),
            ("UTF-16 LE lone surrogate", () => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Header + "\r\n"), 0x00, 0xD8, .. Encoding.Unicode.GetBytes("x," + Good)]),
            ("UTF-32 LE with BOM", () => [0xFF, 0xFE, 0x00, 0x00, .. Encoding.UTF32.GetBytes(text)]),
            ("UTF-8 BOM then Windows-1252", () => [0xEF, 0xBB, 0xBF, .. Encoding.GetEncoding(1252).GetBytes(text)]),
            ("Windows-1252 and UTF-8 mixed", () => [.. Encoding.GetEncoding(1252).GetBytes(text), .. Utf8.GetBytes(text)]),
            ("invalid UTF-8", () => InsertAll(Utf8.GetBytes(text), random, [0xC0, 0xAF], [0xE2, 0x82], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xFF])),
            ("truncated multi-byte at the end", () => [.. Utf8.GetBytes(text), 0xE2, 0x82]),
            ("UTF-7 declared by BOM", () => [0x2B, 0x2F, 0x76, 0x38, .. Utf8.GetBytes(text)]),
            ("GB18030 BOM", () => [0x84, 0x31, 0x95, 0x33, .. Utf8.GetBytes(text)]),
        ];
        return [.. encodings.Select(e => new FuzzShape(e.Label, e.Bytes))];
    }

    public static IReadOnlyList<FuzzShape> Structure(Random random)
    {
        var columns = 5_000 + random.Next(11_000);
        var blank = 1_000 + random.Next(20_000);
        (string Label, Func<string> Text)[] shapes =
        [
            ("NUL byte in a cell", () => $"{Header}\r\n{Good.Replace("Legal", "Le\0gal", StringComparison.Ordinal)}\r\n"),
            ("unclosed quote", () => $"{Header}\r\n\"R01,Shared legal service,Essex County Council\r\n{Good}\r\n"),
            ("quote inside an unquoted cell", () => $"{Header}\r\nR01,Shared \"legal\" service,Essex County Council; Slough Borough Council,Legal,,\r\n"),
            ("text after a closing quote", () => $"{Header}\r\n\"R01\"x,\"Shared\"\"legal\" service,Essex County Council; Slough Borough Council,Legal,,\r\n"),
            ("carriage returns only", () => $"{Header}\r{Good}\r{Good}\r"),
            ("mixed separators", () => $"{Header.Replace(',', ';')}\r\n{Good}\r\n{Good.Replace(',', '\t')}\r\n"),
            ("only separators", () => string.Concat(Enumerable.Repeat(new string(',', 200) + "\r\n", 500))),
            ("ragged rows", () => $"{Header}\r\nR01\r\n{Good},extra,extra,extra\r\n,,,,,,,,,,,,,,,,,,\r\n{Good}"),
            ($"{columns:N0} columns in the header", () => Header + string.Concat(Enumerable.Range(0, columns).Select(i => $",Extra {i}")) + "\r\n" + Good + "\r\n"),
            ($"{columns:N0} columns in a row", () => $"{Header}\r\n{Good}{new string(',', columns)}x\r\n"),
            ($"{blank:N0} blank lines", () => $"{Header}\r\n{string.Concat(Enumerable.Repeat("\r\n", blank))}{Good}\r\n"),
            ($"{blank:N0} lines of separators", () => $"{Header}\r\n{string.Concat(Enumerable.Repeat(",,,,,\r\n", blank))}{Good}\r\n"),
            ("formula injection", () => $"{Header}\r\nR01,=HYPERLINK(\"http://127.0.0.1/\"),+SUM(1;2); Essex County Council,@cmd,-1+2,=1+1\r\n"),
            ("header only after 40 title lines", () => string.Concat(Enumerable.Repeat("Title line\r\n", 40)) + Header + "\r\n" + Good),
            ("no line end at all", () => Header),
            ("control characters", () => $"{Header}\r\nR01,Shared\u0007\u001B[31m legal,Essex County Council; Slough Borough Council,Legal\u000B,,\r\n"),
        ];
        return [.. shapes.Select(shape => new FuzzShape(shape.Label, () => Utf8.GetBytes(shape.Text())))];
    }

    public static (string Label, byte[] Bytes) HugeCell(Random random)
    {
        var size = (1 + random.Next(6)) * 1024 * 1024;
        var cell = new StringBuilder(size + size / 80);
        // Short physical lines inside one quoted cell: the per-line limit cannot see it, the cell is still megabytes.
        var multiline = random.Next(2) == 0;
        for (var i = 0; i < size; i++)
        {
            cell.Append(multiline && i % 80 == 79 ? '\n' : (char)('a' + (i % 26)));
        }

        var text = $"{Header}\r\nR01,\"{cell}\",Essex County Council; Slough Borough Council,Legal,,\r\n";
        return ($"{size / (1024 * 1024)} MB cell{(multiline ? " over many lines" : " on one line")}", Utf8.GetBytes(text));
    }

    private static byte[] InsertAll(byte[] bytes, Random random, params byte[][] inserts)
    {
        var result = bytes.ToList();
        foreach (var insert in inserts)
        {
            result.InsertRange(random.Next(result.Count), insert);
        }

        return [.. result];
    }
}
