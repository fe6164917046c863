using System.Buffers.Binary;
using System.Text;

namespace SharedServicesPipeline.Pipeline.Reading.Legacy;

/// <summary>
/// An OLE2 compound file ([MS-CFB]: .xls, .doc, an encrypted .xlsx) read as its structure says, not searched: the
/// header, the FAT (through the DIFAT), the directory, and the streams by name. Every sector chain is walked at most
/// as many steps as the file has sectors, so a chain that loops or leaves the file is damage, found at once; nothing
/// is held but the FAT (four bytes a sector) and the names.
/// </summary>
internal sealed class CompoundFile
{
    private static readonly byte[] Signature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private const uint EndOfChain = 0xFFFFFFFE;
    private const uint LastRegularSector = 0xFFFFFFFA;
    private const int HeaderDifatEntries = 109;
    private const int DirectoryEntryBytes = 128;
    private const int StreamType = 2;
    private const int RootType = 5;
    private const int MaxEntries = 65_536; // a workbook has a dozen

    private readonly Stream _content;
    private readonly int _sectorSize;
    private readonly long _sectors;
    private readonly uint[] _fat;
    private readonly bool _version3;
    private readonly uint _miniCutoff;
    private readonly uint _firstMiniFatSector;
    private readonly List<Entry> _entries = [];

    private CompoundFile(Stream content)
    {
        _content = content;
        var header = new byte[512];
        content.Position = 0;
        if (content.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length || !header.AsSpan(0, 8).SequenceEqual(Signature))
        {
            throw Damaged("its header is incomplete");
        }

        var major = U16(header, 26);
        var shift = U16(header, 30);
        if (!((major == 3 && shift == 9) || (major == 4 && shift == 12)) || U16(header, 28) != 0xFFFE)
        {
            throw Damaged($"its header gives version {major} with sectors of 2^{shift} bytes");
        }

        _version3 = major == 3;
        _sectorSize = 1 << shift;
        _sectors = (content.Length + _sectorSize - 1) / _sectorSize - 1;
        _miniCutoff = U32(header, 56);
        _firstMiniFatSector = U32(header, 60);
        _fat = ReadFat(header);
        ReadDirectory(U32(header, 48));
    }

    /// <summary>A stream's name, whether it is a stream, and where its data starts and how long it is.</summary>
    public readonly record struct Entry(string Name, int Type, uint Start, long Size);

    public IReadOnlyList<Entry> Entries => _entries;

    /// <summary>Parses the compound file in a seekable stream; <see cref="FileLimitException"/> (file.corrupt) when it is damaged.</summary>
    public static CompoundFile Read(Stream content) => new(content);

    /// <summary>Whether a stream of that name (case ignored, as the format says) is in the file.</summary>
    public bool Has(string name) => Find(name) is not null;

    public Entry? Find(string name)
    {
        foreach (var entry in _entries)
        {
            if (entry.Type == StreamType && string.Equals(entry.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>A stream's bytes as a seekable read-only stream over the file (nothing copied), its sectors found and checked first.</summary>
    public Stream Open(Entry entry)
    {
        if (entry.Size < _miniCutoff)
        {
            var root = _entries.Find(e => e.Type == RootType);
            var miniStream = Chain(root.Start, _fat, root.Size, "the mini stream");
            var miniFat = ReadTable(Chain(_firstMiniFatSector, _fat, long.MaxValue, "the mini FAT"));
            var mini = Chain(entry.Start, miniFat, entry.Size, $"the stream '{entry.Name}'", miniStream.Count * (long)(_sectorSize / 64));
            var offsets = new long[mini.Count];
            for (var i = 0; i < mini.Count; i++)
            {
                var inMini = mini[i] * 64L;
                offsets[i] = SectorOffset(miniStream[(int)(inMini / _sectorSize)]) + (inMini % _sectorSize);
            }

            return new CompoundFileStream(_content, offsets, 64, entry.Size);
        }

        var sectors = Chain(entry.Start, _fat, entry.Size, $"the stream '{entry.Name}'");
        return new CompoundFileStream(_content, [.. sectors.Select(SectorOffset)], _sectorSize, entry.Size);
    }

    private uint[] ReadFat(byte[] header)
    {
        var fatSectors = U32(header, 44);
        if (fatSectors > _sectors)
        {
            throw Damaged($"its header counts {fatSectors:N0} FAT sectors in a file of {_sectors:N0} sectors");
        }

        var ids = new List<uint>((int)fatSectors);
        for (var i = 0; i < HeaderDifatEntries && ids.Count < fatSectors; i++)
        {
            ids.Add(U32(header, 76 + (i * 4)));
        }

        var difat = U32(header, 68);
        var buffer = new byte[_sectorSize];
        for (long steps = 0; ids.Count < fatSectors; steps++)
        {
            if (difat > LastRegularSector || difat >= _sectors || steps > _sectors)
            {
                throw Damaged("its DIFAT chain ends early, loops or leaves the file");
            }

            ReadSector(difat, buffer);
            for (var i = 0; i < (_sectorSize / 4) - 1 && ids.Count < fatSectors; i++)
            {
                ids.Add(U32(buffer, i * 4));
            }

            difat = U32(buffer, _sectorSize - 4);
        }

        // Only entries for sectors the file has can be followed; the rest need not be held.
        var perSector = _sectorSize / 4;
        var fat = new uint[Math.Min((long)ids.Count * perSector, _sectors)];
        for (var s = 0; s < ids.Count && (long)s * perSector < fat.Length; s++)
        {
            if (ids[s] >= _sectors)
            {
                throw Damaged($"its FAT sector {ids[s]:N0} is outside the file");
            }

            ReadSector(ids[s], buffer);
            for (var i = 0; i < perSector && (s * perSector) + i < fat.Length; i++)
            {
                fat[(s * perSector) + i] = U32(buffer, i * 4);
            }
        }

        return fat;
    }

    private void ReadDirectory(uint first)
    {
        var buffer = new byte[_sectorSize];
        foreach (var sector in Chain(first, _fat, long.MaxValue, "the directory"))
        {
            ReadSector(sector, buffer);
            for (var at = 0; at + DirectoryEntryBytes <= _sectorSize; at += DirectoryEntryBytes)
            {
                var type = buffer[at + 66];
                if (type is not (1 or StreamType or RootType))
                {
                    continue;
                }

                if (_entries.Count >= MaxEntries)
                {
                    throw Damaged($"its directory has more than {MaxEntries:N0} entries");
                }

                var nameBytes = Math.Clamp((int)U16(buffer, at + 64), 2, 64) - 2;
                var name = Encoding.Unicode.GetString(buffer, at, nameBytes & ~1);
                var size = _version3 ? U32(buffer, at + 120) : (long)Math.Min(BinaryPrimitives.ReadUInt64LittleEndian(buffer.AsSpan(at + 120)), long.MaxValue);
                _entries.Add(new Entry(name, type, U32(buffer, at + 116), size));
            }
        }

        if (!_entries.Exists(e => e.Type == RootType))
        {
            throw Damaged("its directory has no root entry");
        }
    }

    // The sectors of a chain, checked: each inside the file (or the table), no more steps than there are sectors,
    // and enough of them for the stream's declared size.
    private List<uint> Chain(uint start, uint[] table, long size, string what, long? limit = null)
    {
        var count = limit ?? _sectors;
        var unit = ReferenceEquals(table, _fat) ? _sectorSize : 64;
        var sectors = new List<uint>();
        var visited = new System.Collections.BitArray((int)Math.Min(count, table.Length));
        var needed = size == long.MaxValue ? long.MaxValue : (size + unit - 1) / unit;
        for (var sector = start; sector != EndOfChain && sectors.Count < needed; sector = table[sector])
        {
            if (sector > LastRegularSector || sector >= visited.Length || visited[(int)sector])
            {
                throw Damaged($"the sector chain of {what} loops or leaves the file");
            }

            visited[(int)sector] = true;
            sectors.Add(sector);
        }

        if (needed != long.MaxValue && sectors.Count < needed)
        {
            throw Damaged($"{what} declares {size:N0} bytes but its sectors hold fewer");
        }

        return sectors;
    }

    private uint[] ReadTable(List<uint> sectors)
    {
        var table = new uint[sectors.Count * (_sectorSize / 4)];
        var buffer = new byte[_sectorSize];
        for (var s = 0; s < sectors.Count; s++)
        {
            ReadSector(sectors[s], buffer);
            for (var i = 0; i < _sectorSize / 4; i++)
            {
                table[(s * (_sectorSize / 4)) + i] = U32(buffer, i * 4);
            }
        }

        return table;
    }

    private long SectorOffset(uint sector) => (sector + 1L) * _sectorSize;

    private void ReadSector(uint sector, byte[] buffer)
    {
        _content.Position = SectorOffset(sector);
        var read = _content.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        buffer.AsSpan(read).Clear(); // a last sector cut short reads as zeros
    }

    private static ushort U16(byte[] bytes, int at) => BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(at));

    private static uint U32(byte[] bytes, int at) => BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at));

    private static FileLimitException Damaged(string what) => new(FileLimitException.Corrupt,
        $"is an Office file whose structure is damaged ({what}). It was not read. Open it in Excel, save it as .xlsx and resubmit.");
}
