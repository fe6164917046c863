using System.Text;

namespace SharedServicesPipeline.Pipeline.Reading.OpenXml;

/// <summary>
/// The shared strings of a workbook, held compactly: UTF-8 bytes in blocks of 1 MB with a start and length per
/// string, escapes already decoded; a string is made when a cell asks for it. A big submission's table is mostly
/// strings used once (titles, descriptions), so holding them as .NET strings would double their size for nothing.
/// Past the first few MB, long strings go to a temporary file (<see cref="SpilledStrings"/>) rather than the heap: a
/// 100k-row return's table holds 14 MB in memory instead of 35 (21 MB in the file), read back as the sheet uses them.
/// An unpaired surrogate (which UTF-8 cannot hold) comes back as U+FFFD, as <see cref="UnpairedSurrogates"/> makes it.
/// The table is capped in count and bytes in proportion to the file (<see cref="ReadLimits"/>): an empty item is five
/// bytes inflated and next to nothing deflated, so the part's size alone would let a small file hold a huge table.
/// </summary>
internal sealed class SharedStringTable : IDisposable
{
    /// <summary>Bytes held in memory before long strings go to the file: a small workbook never makes one.</summary>
    public const int InMemoryBytes = 4 << 20;

    /// <summary>Longer than this (in UTF-8) is a long string; the short ones are the repeated ones ("Live", a council's name).</summary>
    public const int LongBytes = 64;

    private const int BlockSize = 1 << 20;
    private const int CacheSize = 4096;

    // Strings asked for again and again ("Live", "Legal") are made once: a small cache, indexed by the string's number.
    private readonly (int Index, string? Text)[] _cache = new (int, string?)[CacheSize];

    // Block i holds the bytes from i × BlockSize; a string longer than a block has an array of its own, entered once
    // for each block it spans.
    private readonly List<byte[]> _blocks = [];
    private int[] _starts = new int[1024];
    private int[] _lengths = new int[1024];
    private readonly int _inMemoryBytes;
    private int _free; // where the next string goes (block × BlockSize + offset)
    private SpilledStrings? _spilled;
    private byte[] _encoded = [];

    private SharedStringTable(int inMemoryBytes = InMemoryBytes) => _inMemoryBytes = inMemoryBytes;

    public static SharedStringTable Empty { get; } = new();

    public int Count { get; private set; }

    /// <summary>Bytes held in memory for the strings (the blocks and the index), for the benchmark.</summary>
    public long BytesHeld => _blocks.Distinct().Sum(b => (long)b.Length) + ((_starts.Length + _lengths.Length) * 4L);

    /// <summary>Bytes of strings in the temporary file, for the benchmark.</summary>
    public long BytesSpilled => _spilled?.Length ?? 0;

    /// <summary>Reads the part; long strings past <paramref name="inMemoryBytes"/> held in memory go to a temporary file.</summary>
    public static SharedStringTable Read(Stream part, SpreadsheetXml xml, ReadLimits limits, int inMemoryBytes = InMemoryBytes)
    {
        var table = new SharedStringTable(inMemoryBytes);
        try
        {
            table.ReadItems(part, xml, limits);
            table._spilled?.EndWriting();
            return table;
        }
        catch
        {
            table.Dispose();
            throw;
        }
    }

    public void Dispose() => _spilled?.Dispose();

    private void ReadItems(Stream part, SpreadsheetXml xml, ReadLimits limits)
    {
        using var reader = xml.Open(part);
        if (!xml.IsStart(reader, xml.Sst) || !SpreadsheetXml.EnterContent(reader))
        {
            return;
        }

        var text = new TextBuffer();
        while (!reader.EOF)
        {
            if (xml.IsStart(reader, xml.Si))
            {
                text.Clear();
                xml.ReadStringItem(reader, text);
                if (Count >= limits.MaxSharedStrings)
                {
                    throw TooMany($"more than {limits.MaxSharedStrings:N0} shared strings", limits);
                }

                Add(text.Span);
                if (_free + BytesSpilled > limits.MaxSharedStringBytes)
                {
                    throw TooMany($"more than {limits.MaxSharedStringBytes / (1024.0 * 1024):N0} MB of shared text", limits);
                }
            }
            else if (!SpreadsheetXml.SkipContent(reader))
            {
                break;
            }
        }

        Array.Resize(ref _starts, Count);
        Array.Resize(ref _lengths, Count);
    }

    private static FileLimitException TooMany(string what, ReadLimits limits) => new(FileLimitException.TooManyStrings,
        $"holds {what}, more than a workbook of its size ({limits.FileBytes / 1024.0:N0} KB) holds when Excel saves it. {FileLimitException.SaveAgain}");

    public string this[int index]
    {
        get
        {
            ref var cached = ref _cache[index & (CacheSize - 1)];
            if (cached.Text is not null && cached.Index == index)
            {
                return cached.Text;
            }

            var start = _starts[index];
            var length = _lengths[index];
            var text = length < 0
                ? _spilled!.Read(start, ~length)
                : Encoding.UTF8.GetString(_blocks[start / BlockSize], start % BlockSize, length);
            cached = (index, text);
            return text;
        }
    }

    private void Add(ReadOnlySpan<char> chars)
    {
        var decoded = chars.IndexOf("_x") < 0 ? chars : Decoded(chars);
        var length = Encoding.UTF8.GetByteCount(decoded);
        if (length > LongBytes && _free >= _inMemoryBytes)
        {
            Spill(decoded, length);
            return;
        }

        var offset = _free % BlockSize;
        if (_free / BlockSize >= _blocks.Count || offset + length > BlockSize)
        {
            var spans = Math.Max(1, (length + BlockSize - 1) / BlockSize);
            var block = new byte[spans * BlockSize];
            _free = checked(_blocks.Count * BlockSize);
            offset = 0;
            for (var i = 0; i < spans; i++)
            {
                _blocks.Add(block);
            }
        }

        Encoding.UTF8.GetBytes(decoded, _blocks[_free / BlockSize].AsSpan(offset));
        Index(_free, length);

        // The next string starts after this one, or in a new block when this one had blocks of its own.
        _free = length > BlockSize - offset || offset + length == BlockSize ? checked(_blocks.Count * BlockSize) : _free + length;
    }

    // A spilled string's length is stored complemented (negative); its start is its place in the file.
    private void Spill(ReadOnlySpan<char> decoded, int length)
    {
        if (_encoded.Length < length)
        {
            _encoded = new byte[Math.Max(length, _encoded.Length * 2)];
        }

        Encoding.UTF8.GetBytes(decoded, _encoded);
        _spilled ??= new SpilledStrings();
        Index(checked((int)_spilled.Append(_encoded.AsSpan(0, length))), ~length);
    }

    private void Index(int start, int length)
    {
        if (Count == _starts.Length)
        {
            Array.Resize(ref _starts, Count * 2);
            Array.Resize(ref _lengths, Count * 2);
        }

        _starts[Count] = start;
        _lengths[Count] = length;
        Count++;
    }

    private static ReadOnlySpan<char> Decoded(ReadOnlySpan<char> chars)
    {
        var copy = chars.ToArray();
        return copy.AsSpan(0, XmlStringEscapes.DecodeInPlace(copy));
    }
}
