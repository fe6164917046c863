using System.Buffers;
using System.Net;
using System.Text;

namespace SharedServicesPipeline.Pipeline.Reading.OpenXml;

/// <summary>
/// The merged ranges of a sheet, found before its rows are read: the part's <c>mergeCells</c> come after all its rows,
/// and <see cref="MergedCellFill"/> needs them first. Rather than parse the part twice, this inflates it and searches
/// its bytes for <c>mergeCell</c> after the last mention of <c>sheetData</c> (its end tag); most sheets have none, and
/// then nothing else happens. When there are some, the part is inflated once more from the first of them to its end
/// and the <c>ref</c> of each tag read. The rows' own pass checks what was found against the XML (see
/// <see cref="WorksheetRows"/>). A part in UTF-16 (no ASCII bytes to search) is parsed as XML instead.
/// </summary>
internal static class MergeCellScan
{
    private static readonly byte[] Tag = "mergeCell"u8.ToArray();
    private static readonly byte[] SheetData = "sheetData"u8.ToArray();
    private const int Before = 64; // room for a "<prefix:" before the first tag

    // What follows the rows is small in any real sheet (merges, page setup); past this, the part is parsed as XML instead.
    private const int MaxTail = 16 << 20;

    /// <summary>The merged ranges in the part's order; null when the part is not in an ASCII-based encoding, or its tail is too long to hold.</summary>
    public static List<MergedRange>? Scan(Func<Stream> openPart)
    {
        long? first;
        using (var part = openPart())
        {
            first = FirstTagAfterRows(part, out var utf16);
            if (utf16)
            {
                return null;
            }
        }

        if (first is not { } offset)
        {
            return [];
        }

        using var again = openPart();
        Skip(again, Math.Max(0, offset - Before));
        using var tail = new MemoryStream();
        var buffer = new byte[1 << 16];
        int read;
        while ((read = again.Read(buffer)) > 0)
        {
            if (tail.Length + read > MaxTail)
            {
                return null;
            }

            tail.Write(buffer, 0, read);
        }

        return Ranges(tail.GetBuffer().AsSpan(0, (int)tail.Length));
    }

    private static void Skip(Stream part, long count)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            while (count > 0 && part.Read(buffer, 0, (int)Math.Min(buffer.Length, count)) is var read and > 0)
            {
                count -= read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // The offset of the first "mergeCell" after the last "sheetData", if any.
    private static long? FirstTagAfterRows(Stream part, out bool utf16)
    {
        utf16 = false;
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            long? first = null;
            long offset = 0; // of buffer[0] in the part
            var carry = 0;   // bytes kept from the previous chunk, so a name split between two chunks is still found
            int read;
            while ((read = part.Read(buffer, carry, buffer.Length - carry)) > 0)
            {
                var chunk = buffer.AsSpan(0, carry + read);
                if (offset == 0 && IsUtf16(chunk))
                {
                    utf16 = true;
                    return null;
                }

                var rows = chunk.LastIndexOf(SheetData);
                if (rows >= 0)
                {
                    first = null;
                }

                var from = rows < 0 ? 0 : rows + SheetData.Length;
                if (first is null && chunk[from..].IndexOf(Tag) is var at and >= 0)
                {
                    first = offset + from + at;
                }

                carry = Math.Min(Tag.Length - 1, chunk.Length);
                chunk[^carry..].CopyTo(buffer);
                offset += chunk.Length - carry;
            }

            return first;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool IsUtf16(ReadOnlySpan<byte> head) =>
        head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])
        || head.StartsWith((ReadOnlySpan<byte>)[0x3C, 0x00]) || head.StartsWith((ReadOnlySpan<byte>)[0x00, 0x3C]);

    private static List<MergedRange> Ranges(ReadOnlySpan<byte> text)
    {
        var ranges = new List<MergedRange>();
        for (var at = text.IndexOf(Tag); at >= 0; at = Next(text, at))
        {
            var after = at + Tag.Length;
            if (!StartsTag(text, at) || after >= text.Length || !(IsSpace(text[after]) || text[after] is (byte)'/' or (byte)'>'))
            {
                continue;
            }

            var end = text[after..].IndexOf((byte)'>');
            if (end < 0)
            {
                break;
            }

            var reference = RefAttribute(text.Slice(after, end))
                ?? throw new InvalidDataException("A merged range of the sheet has no reference.");
            Add(ranges, CellReference.Range(reference));
        }

        return ranges;
    }

    /// <summary>Adds a merged range, refusing more than <see cref="ReadLimits.MaxMergedRanges"/> on one sheet.</summary>
    public static void Add(List<MergedRange> ranges, MergedRange range)
    {
        if (ranges.Count >= ReadLimits.MaxMergedRanges)
        {
            throw FileLimitException.Beyond($"a sheet has more than {ReadLimits.MaxMergedRanges:N0} merged ranges");
        }

        ranges.Add(range);
    }

    private static int Next(ReadOnlySpan<byte> text, int at)
    {
        var next = text[(at + 1)..].IndexOf(Tag);
        return next < 0 ? -1 : at + 1 + next;
    }

    // "<mergeCell" or "<x:mergeCell".
    private static bool StartsTag(ReadOnlySpan<byte> text, int at)
    {
        if (at > 0 && text[at - 1] == '<')
        {
            return true;
        }

        if (at == 0 || text[at - 1] != ':')
        {
            return false;
        }

        for (var i = at - 2; i >= 0; i--)
        {
            if (text[i] == '<')
            {
                return i < at - 2;
            }

            if (!(char.IsAsciiLetterOrDigit((char)text[i]) || text[i] is (byte)'_' or (byte)'-' or (byte)'.'))
            {
                return false;
            }
        }

        return false;
    }

    // The unprefixed ref="…" (or '…') among a tag's attributes, its character references decoded.
    private static string? RefAttribute(ReadOnlySpan<byte> attributes)
    {
        var i = 0;
        while (i < attributes.Length)
        {
            while (i < attributes.Length && IsSpace(attributes[i]))
            {
                i++;
            }

            var nameStart = i;
            while (i < attributes.Length && attributes[i] != '=' && !IsSpace(attributes[i]))
            {
                i++;
            }

            var name = attributes[nameStart..i];
            while (i < attributes.Length && IsSpace(attributes[i]))
            {
                i++;
            }

            if (i >= attributes.Length || attributes[i] != '=')
            {
                return null;
            }

            i++;
            while (i < attributes.Length && IsSpace(attributes[i]))
            {
                i++;
            }

            if (i >= attributes.Length || attributes[i] is not ((byte)'"' or (byte)'\''))
            {
                return null;
            }

            var quote = attributes[i++];
            var valueEnd = attributes[i..].IndexOf(quote);
            if (valueEnd < 0)
            {
                return null;
            }

            if (name.SequenceEqual("ref"u8))
            {
                var value = Encoding.UTF8.GetString(attributes.Slice(i, valueEnd));
                return value.Contains('&', StringComparison.Ordinal) ? WebUtility.HtmlDecode(value) : value;
            }

            i += valueEnd + 1;
        }

        return null;
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';
}
