using System.Text;

namespace SharedServicesPipeline.Pipeline.Reading;

/// <summary>
/// Finds a CSV's separator from its header row. ExcelDataReader's own guess takes the separator whose field counts are
/// most even over the whole file, which a title block above the header defeats: "Council: Adur" on a line of its own and
/// "Adur DC; Worthing BC" in a partners cell make ';' look steadier than ',', and the file reads as one column with no
/// header. Here each candidate splits the first rows as a CSV parser would, and the one under which a row is the
/// template's header wins (the earliest such row, then the most columns named). Excel's "sep=;" first line is honoured.
/// Only the file's first bytes are looked at; with no header found, ExcelDataReader guesses as before.
/// </summary>
internal sealed class CsvSeparator(HeaderSearch headers, IntakeOptions options)
{
    public static readonly char[] Candidates = [',', ';', '\t', '|'];

    // Enough for the header search's rows of any real return; the rest of the file is not needed to find the header.
    private const int PrefixBytes = 256 * 1024;

    /// <summary>The separator the header row is written with, or null when no candidate gives a header. Leaves the stream where it was.</summary>
    public char? Find(Stream content)
    {
        var start = content.Position;
        var buffer = new byte[(int)Math.Min(PrefixBytes, Math.Max(0, content.Length - start))];
        content.ReadExactly(buffer);
        content.Position = start;
        var text = Decode(buffer);
        if (text.StartsWith("sep=", StringComparison.OrdinalIgnoreCase) && text.Length > 4 && Array.IndexOf(Candidates, text[4]) >= 0)
        {
            return text[4];
        }

        (char Separator, int Row, int Named)? best = null;
        foreach (var separator in Candidates)
        {
            var row = 0;
            foreach (var record in Records(text, separator).Take(options.HeaderSearchRows))
            {
                row++;
                if (headers.NamedColumns(record) is var named && named > 0
                    && (best is null || row < best.Value.Row || (row == best.Value.Row && named > best.Value.Named)))
                {
                    best = (separator, row, named);
                    break;
                }
            }
        }

        return best?.Separator;
    }

    /// <summary>The prefix as text: by its byte-order mark, else UTF-8 when it is valid UTF-8, else Windows-1252 (as ExcelDataReader reads it).</summary>
    private static string Decode(byte[] bytes)
    {
        if (bytes is [0xEF, 0xBB, 0xBF, ..])
        {
            return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        }

        if (bytes is [0xFF, 0xFE, ..])
        {
            return Encoding.Unicode.GetString(bytes, 2, (bytes.Length - 2) & ~1);
        }

        if (bytes is [0xFE, 0xFF, ..])
        {
            return Encoding.BigEndianUnicode.GetString(bytes, 2, (bytes.Length - 2) & ~1);
        }

        try
        {
            // flush: false, so that a character cut at the prefix's end is not taken for invalid UTF-8.
            var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
            var chars = new char[bytes.Length];
            return new string(chars, 0, decoder.GetChars(bytes, chars, flush: false));
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(bytes); // Windows-1252 differs only in characters no header needs
        }
    }

    /// <summary>The records of <paramref name="text"/> split by <paramref name="separator"/>: a quote opening a cell runs to its closing quote, line ends inside included.</summary>
    private static IEnumerable<List<string?>> Records(string text, char separator)
    {
        var record = new List<string?>();
        var cell = new StringBuilder();
        bool quoted = false, cellStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"')
                {
                    cell.Append(c);
                }
                else if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == '"' && cellStart)
            {
                quoted = true;
                cellStart = false;
            }
            else if (c == separator)
            {
                record.Add(Cell(cell));
                cellStart = true;
            }
            else if (c is '\r' or '\n')
            {
                record.Add(Cell(cell));
                yield return record;
                record = [];
                cellStart = true;
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
            else
            {
                cell.Append(c);
                cellStart = false;
            }
        }
    }

    private static string? Cell(StringBuilder cell)
    {
        var text = cell.ToString().Trim();
        cell.Clear();
        return text.Length == 0 ? null : text;
    }
}
