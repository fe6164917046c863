using System.Text;

namespace SharedServicesPipeline.Tests.Support;

/// <summary>CSV bytes as councils' systems save them: UTF-8 with or without a BOM, Windows-1252, or Excel's UTF-16 "Unicode text".</summary>
public static class CsvBuilder
{
    public enum Encoding
    {
        Utf8Bom,
        Utf8,
        Windows1252,
        Utf16LittleEndian,
    }

    static CsvBuilder() => System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static byte[] Build(Encoding encoding, params string?[][] rows) => Build(encoding, ',', rows);

    public static byte[] Build(Encoding encoding, char separator, params string?[][] rows) => Build(encoding, separator, "\r\n", rows);

    /// <param name="newline">Between records: "\r\n" (Windows Excel), "\n" (Unix exports) or "\r" (Excel for Mac's "CSV (Macintosh)").</param>
    public static byte[] Build(Encoding encoding, char separator, string newline, params string?[][] rows)
    {
        if (encoding == Encoding.Utf16LittleEndian)
        {
            separator = '\t';
        }

        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.Append(string.Join(separator, row.Select(cell => Quote(cell, separator)))).Append(newline);
        }

        var (bytes, preamble) = encoding switch
        {
            Encoding.Utf8Bom => (new UTF8Encoding(false).GetBytes(text.ToString()), new byte[] { 0xEF, 0xBB, 0xBF }),
            Encoding.Utf8 => (new UTF8Encoding(false).GetBytes(text.ToString()), []),
            Encoding.Windows1252 => (System.Text.Encoding.GetEncoding(1252).GetBytes(text.ToString()), []),
            _ => (new UnicodeEncoding(false, false).GetBytes(text.ToString()), new byte[] { 0xFF, 0xFE }),
        };
        return [.. preamble, .. bytes];
    }

    private static string Quote(string? cell, char separator) =>
        cell is null ? ""
        : cell.Contains(separator) || cell.Contains('"') || cell.Contains('\n') || cell.Contains('\r') ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
        : cell;
}
