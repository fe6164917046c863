using System.Text;
using System.Xml;

namespace SharedServicesPipeline.Pipeline.Reading.OpenXml;

/// <summary>
/// The shared strings of a workbook, held compactly: UTF-8 bytes in blocks of 1 MB with an offset and length per
/// string, escapes already decoded; a string is made when a cell asks for it. A big submission's table is mostly
/// strings used once (titles, descriptions), so holding them as .NET strings would double their size for nothing.
/// An unpaired surrogate (which UTF-8 cannot hold) comes back as U+FFFD, as <see cref="UnpairedSurrogates"/> makes it.
/// </summary>
internal sealed class SharedStringTable
{
    private const int BlockSize = 1 << 20;
    private const int CacheSize = 4096;

    // Strings asked for again and again ("Live", "Legal") are made once: a small cache, indexed by the string's number.
    private readonly (int Index, string? Text)[] _cache = new (int, string?)[CacheSize];
    private readonly List<byte[]> _blocks = [];
    private long[] _locations = new long[1024]; // block << 32 | offset
    private int[] _lengths = new int[1024];
    private int _used = BlockSize;

    public static SharedStringTable Empty { get; } = new();

    public int Count { get; private set; }

    /// <summary>Bytes held for the strings (the blocks and the index), for the benchmark.</summary>
    public long BytesHeld => ((long)_blocks.Count * BlockSize) + (_locations.Length * 12L);

    public static SharedStringTable Read(Stream part, SpreadsheetXml xml)
    {
        var table = new SharedStringTable();
        using var reader = xml.Open(part);
        if (!xml.IsStart(reader, xml.Sst) || !SpreadsheetXml.EnterContent(reader))
        {
            return table;
        }

        var text = new TextBuffer();
        while (!reader.EOF)
        {
            if (xml.IsStart(reader, xml.Si))
            {
                text.Clear();
                xml.ReadStringItem(reader, text);
                table.Add(text);
            }
            else if (!SpreadsheetXml.SkipContent(reader))
            {
                break;
            }
        }

        return table;
    }

    public string this[int index]
    {
        get
        {
            ref var cached = ref _cache[index & (CacheSize - 1)];
            if (cached.Text is not null && cached.Index == index)
            {
                return cached.Text;
            }

            var location = _locations[index];
            var text = Encoding.UTF8.GetString(_blocks[(int)(location >> 32)], (int)location, _lengths[index]);
            cached = (index, text);
            return text;
        }
    }

    private void Add(TextBuffer text)
    {
        var chars = text.Span;
        var decoded = chars.IndexOf("_x") < 0 ? chars : Decoded(chars);
        var length = Encoding.UTF8.GetByteCount(decoded);
        if (_used + length > BlockSize)
        {
            _blocks.Add(new byte[Math.Max(BlockSize, length)]);
            _used = 0;
        }

        var block = _blocks[^1];
        Encoding.UTF8.GetBytes(decoded, block.AsSpan(_used));
        if (Count == _locations.Length)
        {
            Array.Resize(ref _locations, Count * 2);
            Array.Resize(ref _lengths, Count * 2);
        }

        _locations[Count] = ((long)(_blocks.Count - 1) << 32) | (uint)_used;
        _lengths[Count] = length;
        Count++;
        _used += length;
    }

    private static ReadOnlySpan<char> Decoded(ReadOnlySpan<char> chars)
    {
        var copy = chars.ToArray();
        return copy.AsSpan(0, XmlStringEscapes.DecodeInPlace(copy));
    }
}
