using System.Globalization;

namespace SharedServicesPipeline.Pipeline.Reading.OpenXml;

/// <summary>
/// SpreadsheetML spells characters XML cannot hold (a carriage return, a control character) as <c>_xHHHH_</c>, and
/// a literal <c>_x</c> sequence as <c>_x005F_x…</c>. Decoded left to right without overlap, as ExcelDataReader does,
/// but with hexadecimal digits of either case (ExcelDataReader takes upper case only; the format allows both).
/// </summary>
internal static class XmlStringEscapes
{
    private const int EscapeLength = 7; // _xHHHH_

    /// <summary>Decodes the escapes in <paramref name="text"/> where it lies; returns the decoded length.</summary>
    public static int DecodeInPlace(Span<char> text)
    {
        var next = text.IndexOf("_x");
        if (next < 0)
        {
            return text.Length;
        }

        var write = next;
        var read = next;
        while (read < text.Length)
        {
            if (text[read] == '_' && read + EscapeLength <= text.Length && text[read + 1] == 'x' && text[read + 6] == '_'
                && ushort.TryParse(text.Slice(read + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var unit))
            {
                text[write++] = (char)unit;
                read += EscapeLength;
            }
            else
            {
                text[write++] = text[read++];
            }
        }

        return write;
    }

    public static string Decode(ReadOnlySpan<char> text)
    {
        if (text.IndexOf("_x") < 0)
        {
            return new string(text);
        }

        var copy = text.ToArray();
        return new string(copy, 0, DecodeInPlace(copy));
    }
}
