using System.Text;

namespace SharedServicesPipeline.Pipeline.Reading;

/// <summary>
/// Looks for a document type declaration in one zip part as it streams past, in chunks, in UTF-8 (or any ASCII-based
/// encoding) and UTF-16 either way round. Excel never writes one; a DOCTYPE is how XML brings in external entities,
/// external DTDs and entity expansion, so a part that has one is refused before any XML parser sees it.
/// </summary>
internal sealed class DoctypeSearch
{
    private static readonly byte[][] Patterns =
    [
        "<!DOCTYPE"u8.ToArray(),
        Encoding.Unicode.GetBytes("<!DOCTYPE"),
        Encoding.BigEndianUnicode.GetBytes("<!DOCTYPE"),
    ];

    // Enough of the previous chunk to find a pattern split across two chunks.
    private static readonly int Overlap = Patterns.Max(p => p.Length) - 1;

    private readonly byte[] _tail = new byte[Overlap];
    private int _tailLength;

    /// <summary>True once the part so far holds a DOCTYPE.</summary>
    public bool Found(ReadOnlySpan<byte> chunk)
    {
        Span<byte> seam = stackalloc byte[2 * Overlap];
        _tail.AsSpan(0, _tailLength).CopyTo(seam);
        var head = chunk[..Math.Min(Overlap, chunk.Length)];
        head.CopyTo(seam[_tailLength..]);
        var joined = seam[..(_tailLength + head.Length)];
        if (Contains(joined) || Contains(chunk))
        {
            return true;
        }

        var keep = chunk.Length >= Overlap ? chunk[^Overlap..] : joined[^Math.Min(Overlap, joined.Length)..];
        keep.CopyTo(_tail);
        _tailLength = keep.Length;
        return false;
    }

    private static bool Contains(ReadOnlySpan<byte> bytes)
    {
        foreach (var pattern in Patterns)
        {
            if (bytes.IndexOf(pattern) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
