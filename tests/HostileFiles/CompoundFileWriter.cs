using System.Buffers.Binary;
using System.Text;

namespace SharedServicesPipeline.HostileFiles;

/// <summary>
/// Writes a minimal OLE2 compound file ([MS-CFB] version 3: 512-byte sectors): a header, the streams' sectors, a
/// directory and a FAT. Streams are padded to 4,096 bytes so none lives in the mini stream. Hooks let a case lie: edit
/// the FAT (a chain that loops or leaves the file), a stream's declared size, or the header.
/// </summary>
public sealed class CompoundFileWriter
{
    private const int SectorSize = 512;
    private const uint EndOfChain = 0xFFFFFFFE;
    private const uint FatSector = 0xFFFFFFFD;
    private const uint Free = 0xFFFFFFFF;
    private const int MiniCutoff = 4096;

    private readonly List<(string Name, byte[] Data, long? DeclaredSize)> _streams = [];

    /// <summary>Changes the FAT before it is written; given the FAT and each stream's first sector.</summary>
    public Action<uint[], IReadOnlyList<uint>>? EditFat { get; init; }

    /// <summary>Changes the 512-byte header before it is written.</summary>
    public Action<byte[]>? EditHeader { get; init; }

    public CompoundFileWriter Stream(string name, byte[] data, long? declaredSize = null)
    {
        _streams.Add((name, data, declaredSize));
        return this;
    }

    public byte[] Build()
    {
        var padded = _streams.Select(s => s.Data.Length >= MiniCutoff ? s.Data : [.. s.Data, .. new byte[MiniCutoff - s.Data.Length]]).ToList();
        var dataSectors = padded.Select(d => (d.Length + SectorSize - 1) / SectorSize).ToList();
        var entries = _streams.Count + 1;
        var directorySectors = (entries * 128 + SectorSize - 1) / SectorSize;
        var used = dataSectors.Sum() + directorySectors;
        var fatSectors = 1;
        while ((used + fatSectors) > fatSectors * (SectorSize / 4))
        {
            fatSectors++;
        }

        if (fatSectors > 109)
        {
            throw new ArgumentException("The writer keeps its FAT in the header's DIFAT: files up to about 7 MB.");
        }

        var total = used + fatSectors;
        var fat = Enumerable.Repeat(Free, fatSectors * (SectorSize / 4)).ToArray();
        var starts = new List<uint>();
        uint next = 0;
        foreach (var count in dataSectors)
        {
            starts.Add(next);
            Chain(fat, next, count);
            next += (uint)count;
        }

        var directoryStart = next;
        Chain(fat, directoryStart, directorySectors);
        next += (uint)directorySectors;
        var fatStart = next;
        for (var i = 0; i < fatSectors; i++)
        {
            fat[fatStart + i] = FatSector;
        }

        EditFat?.Invoke(fat, starts);

        var file = new byte[(total + 1) * SectorSize];
        var header = file.AsSpan(0, SectorSize);
        byte[] signature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        signature.CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[24..], 0x003E);
        BinaryPrimitives.WriteUInt16LittleEndian(header[26..], 3);
        BinaryPrimitives.WriteUInt16LittleEndian(header[28..], 0xFFFE);
        BinaryPrimitives.WriteUInt16LittleEndian(header[30..], 9);
        BinaryPrimitives.WriteUInt16LittleEndian(header[32..], 6);
        BinaryPrimitives.WriteUInt32LittleEndian(header[44..], (uint)fatSectors);
        BinaryPrimitives.WriteUInt32LittleEndian(header[48..], directoryStart);
        BinaryPrimitives.WriteUInt32LittleEndian(header[56..], MiniCutoff);
        BinaryPrimitives.WriteUInt32LittleEndian(header[60..], EndOfChain);
        BinaryPrimitives.WriteUInt32LittleEndian(header[68..], EndOfChain);
        for (var i = 0; i < 109; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(header[(76 + (i * 4))..], i < fatSectors ? fatStart + (uint)i : Free);
        }

        for (var s = 0; s < padded.Count; s++)
        {
            padded[s].CopyTo(file, (starts[s] + 1) * SectorSize);
        }

        var directory = file.AsSpan((int)((directoryStart + 1) * SectorSize), directorySectors * SectorSize);
        Entry(directory, 0, "Root Entry", 5, EndOfChain, 0, child: 1, right: Free);
        for (var s = 0; s < _streams.Count; s++)
        {
            Entry(directory, s + 1, _streams[s].Name, 2, starts[s], _streams[s].DeclaredSize ?? padded[s].Length, child: Free,
                right: s + 1 < _streams.Count ? (uint)(s + 2) : Free);
        }

        for (var i = 0; i < fat.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan((int)(((fatStart + (i / 128)) + 1) * SectorSize) + ((i % 128) * 4)), fat[i]);
        }

        EditHeader?.Invoke(file);
        return file;
    }

    private static void Chain(uint[] fat, uint start, int count)
    {
        for (var i = 0; i < count; i++)
        {
            fat[start + i] = i == count - 1 ? EndOfChain : start + (uint)i + 1;
        }
    }

    private static void Entry(Span<byte> directory, int index, string name, byte type, uint start, long size, uint child, uint right)
    {
        var entry = directory.Slice(index * 128, 128);
        entry.Clear();
        var nameBytes = Encoding.Unicode.GetBytes(name + "\0");
        nameBytes.CopyTo(entry);
        BinaryPrimitives.WriteUInt16LittleEndian(entry[64..], (ushort)nameBytes.Length);
        entry[66] = type;
        entry[67] = 1; // black
        BinaryPrimitives.WriteUInt32LittleEndian(entry[68..], Free);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[72..], right);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[76..], child);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[116..], start);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[120..], (uint)size);
    }
}
