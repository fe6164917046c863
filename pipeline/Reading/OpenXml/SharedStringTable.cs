using System.Buffers;
using System.Text;

namespace SharedServicesPipeline.Pipeline.Reading.OpenXml;

/// <summary>
/// The shared strings of a workbook, held compactly: UTF-8 bytes one after another, escapes already decoded, and where
/// each string ends; a string is made when a cell asks for it. A big submission's table is mostly strings used once
/// (titles, descriptions), so holding them as .NET strings would double their size for nothing. The first 4 MB are kept
/// in memory, in blocks of 1 MB; every string after them goes to a temporary file (<see cref="SpilledStrings"/>), short or
/// long. Excel numbers shared strings in the order it first meets them, so the ones repeated down a sheet ("Live", a
/// council's name, a service area) come early, stay in memory and are made once (the cache); what goes to the file is
/// read back once, in order, as the sheet reaches it. A 100k-row return's table (530,615 strings) holds 6.1 MB in memory,
/// 4 MB of strings and 2 MB of index, and 26.5 MB in the file (14 MB in memory before the short strings went to the file
/// too, with 5 MB of old index arrays on the large object heap; 35 MB before any did).
/// Making a string is charged to the submission's work budget (<see cref="WorkBudget.ChargeSharedString"/>), and so is
/// each read from the file: a sheet whose cells name the strings in an order no cache or read-ahead serves still costs
/// what it is charged, whatever the table holds.
/// An unpaired surrogate (which UTF-8 cannot hold) comes back as U+FFFD, as <see cref="UnpairedSurrogates"/> makes it.
/// The table is capped in count and bytes in proportion to the file (<see cref="ReadLimits"/>): an empty item is five
/// bytes inflated and next to nothing deflated, so the part's size alone would let a small file hold a huge table.
/// </summary>
internal sealed class SharedStringTable : IDisposable
{
    /// <summary>Bytes held in memory before the strings go to the file: a small workbook never makes one.</summary>
    public const int InMemoryBytes = 4 << 20;

    private const int BlockSize = 1 << 20;
    private const int CacheSize = 4096;

    // The index grows a chunk at a time, each under the large object heap's 85 KB: growing copies nothing and leaves
    // no garbage there (a doubling array of 600,000 ends left 5 MB of it).
    private const int EndsPerChunk = 1 << 14;

    // Strings asked for again and again ("Live", "Legal") are made once: a small cache, indexed by the string's number.
    private readonly (int Index, string? Text)[] _cache = new (int, string?)[CacheSize];

    // String i is the bytes from End(i - 1) to End(i): in the blocks below _held, in the file (from 0) above it. Block i
    // holds the bytes from i × BlockSize; a string may run on from one block into the next.
    private readonly List<byte[]> _blocks = [];
    private readonly List<int[]> _ends = [];
    private readonly int _inMemoryBytes;
    private readonly WorkBudget _work;
    private int _held;
    private SpilledStrings? _spilled;
    private byte[] _encoded = [];

    private SharedStringTable(WorkBudget work, int inMemoryBytes = InMemoryBytes)
    {
        _work = work;
        _inMemoryBytes = inMemoryBytes;
    }

    public static SharedStringTable Empty { get; } = new(WorkBudget.Unlimited);

    public int Count { get; private set; }

    /// <summary>Bytes held in memory for the strings (the blocks and the index), for the benchmark.</summary>
    public long BytesHeld => ((long)_blocks.Count * BlockSize) + ((long)_ends.Count * EndsPerChunk * sizeof(int));

    /// <summary>Bytes of strings in the temporary file, for the benchmark.</summary>
    public long BytesSpilled => _spilled?.Length ?? 0;

    /// <summary>Reads the part; the strings after the first <paramref name="inMemoryBytes"/> go to a temporary file.</summary>
    public static SharedStringTable Read(Stream part, SpreadsheetXml xml, ReadLimits limits, int inMemoryBytes = InMemoryBytes)
    {
        var table = new SharedStringTable(limits.Work, inMemoryBytes);
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
                if (_held + BytesSpilled > limits.MaxSharedStringBytes)
                {
                    throw TooMany($"more than {limits.MaxSharedStringBytes / (1024.0 * 1024):N0} MB of shared text", limits);
                }
            }
            else if (!SpreadsheetXml.SkipContent(reader))
            {
                break;
            }
        }
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

            var start = index == 0 ? 0 : End(index - 1);
            var length = End(index) - start;
            _work.ChargeSharedString(length);
            var text = length == 0 ? ""
                : start >= _held ? _spilled!.Read(start - _held, length)
                : FromBlocks(start, length);
            cached = (index, text);
            return text;
        }
    }

    private int End(int index) => _ends[index / EndsPerChunk][index % EndsPerChunk];

    private string FromBlocks(int start, int length)
    {
        var offset = start % BlockSize;
        if (offset + length <= BlockSize)
        {
            return Encoding.UTF8.GetString(_blocks[start / BlockSize], offset, length);
        }

        // Run on into the next block (or blocks): put together first, so a character split between them decodes whole.
        var bytes = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            for (var copied = 0; copied < length;)
            {
                var at = (start + copied) % BlockSize;
                var part = Math.Min(length - copied, BlockSize - at);
                _blocks[(start + copied) / BlockSize].AsSpan(at, part).CopyTo(bytes.AsSpan(copied));
                copied += part;
            }

            return Encoding.UTF8.GetString(bytes, 0, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private void Add(ReadOnlySpan<char> chars)
    {
        var decoded = chars.IndexOf("_x") < 0 ? chars : Decoded(chars);
        var length = Encoding.UTF8.GetByteCount(decoded);
        if (_encoded.Length < length)
        {
            _encoded = new byte[Math.Max(length, _encoded.Length * 2)];
        }

        var bytes = _encoded.AsSpan(0, Encoding.UTF8.GetBytes(decoded, _encoded));
        // Once a string does not fit, it and every string after it go to the file: the index needs no gaps.
        if (_spilled is null && _held + bytes.Length <= _inMemoryBytes)
        {
            Hold(bytes);
        }
        else
        {
            _spilled ??= new SpilledStrings(_work);
            _spilled.Append(bytes);
        }

        AddEnd(checked(_held + (int)BytesSpilled));
    }

    private void Hold(ReadOnlySpan<byte> bytes)
    {
        while (bytes.Length > 0)
        {
            if (_held == _blocks.Count * BlockSize)
            {
                _blocks.Add(new byte[BlockSize]);
            }

            var at = _held % BlockSize;
            var part = Math.Min(bytes.Length, BlockSize - at);
            bytes[..part].CopyTo(_blocks[^1].AsSpan(at));
            bytes = bytes[part..];
            _held += part;
        }
    }

    private void AddEnd(int end)
    {
        if (Count % EndsPerChunk == 0)
        {
            _ends.Add(new int[EndsPerChunk]);
        }

        _ends[^1][Count % EndsPerChunk] = end;
        Count++;
    }

    private static ReadOnlySpan<char> Decoded(ReadOnlySpan<char> chars)
    {
        var copy = chars.ToArray();
        return copy.AsSpan(0, XmlStringEscapes.DecodeInPlace(copy));
    }
}
