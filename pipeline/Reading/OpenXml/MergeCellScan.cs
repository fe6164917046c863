using System.Buffers;
using System.Net;
using System.Text;

namespace SharedServicesPipeline.Pipeline.Reading.OpenXml;

/// <summary>
/// The merged ranges of a sheet, found before its rows are read: the part's <c>mergeCells</c> come after all its rows,
/// and <see cref="MergedCellFill"/> needs them first. Rather than parse the part twice, this inflates it and searches
/// its bytes for <c>mergeCell</c> tags (most sheets have none, and then nothing else happens), reading the
/// <c>ref</c> of each. The rows' own pass checks what it finds against the XML (see <see cref="WorksheetRows"/>).
/// A part in UTF-16 (no ASCII bytes to search) is parsed as XML instead.
/// </summary>
internal static class MergeCellScan
{
    private static readonly byte[] Tag = "mergeCell"u8.ToArray();

    /// <summary>The merged ranges in the part's order, or null when the part is not in an ASCII-based encoding.</summary>
    public static List<MergedRange>? Scan(Stream part)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            var carry = 0; // bytes kept from the previous chunk, so a tag split between two chunks is still found
            var first = true;
            MemoryStream? tail = null;
            int read;
            while ((read = part.Read(buffer, carry, buffer.Length - carry)) > 0)
            {
                var length = carry + read;
                if (first)
                {
                    first = false;
                    if (IsUtf16(buffer.AsSpan(0, length)))
                    {
                        return null;
                    }
                }

                if (tail is not null)
                {
                    tail.Write(buffer, 0, length);
                    carry = 0;
                    continue;
                }

                var at = buffer.AsSpan(0, length).IndexOf(Tag);
                if (at >= 0)
                {
                    // From the first tag on, everything is kept: mergeCells are near the part's end, and few.
                    var start = Math.Max(0, at - 64);
                    tail = new MemoryStream();
                    tail.Write(buffer, start, length - start);
                    carry = 0;
                    continue;
                }

                carry = Math.Min(Tag.Length - 1, length);
                buffer.AsSpan(length - carry, carry).CopyTo(buffer);
            }

            return tail is null ? [] : Ranges(tail.GetBuffer().AsSpan(0, (int)tail.Length));
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
            ranges.Add(CellReference.Range(reference));
        }

        return ranges;
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
