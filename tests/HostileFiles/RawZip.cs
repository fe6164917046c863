using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace SharedServicesPipeline.HostileFiles;

/// <summary>
/// Writes a zip record by record, so that each header can say what a library would never write: directory or
/// volume-label attributes on a file, sizes that lie (in the local header, the central directory or both), data
/// descriptors, ZIP64 extra fields, the encryption flag. See APPNOTE.TXT 4.3.
/// </summary>
public static class RawZip
{
    private const uint LocalHeader = 0x04034B50;
    private const uint CentralHeader = 0x02014B50;
    private const uint EndOfDirectory = 0x06054B50;
    private const uint DataDescriptorSignature = 0x08074B50;

    public static byte[] Write(IEnumerable<RawZipEntry> entries)
    {
        using var output = new MemoryStream();
        var central = new MemoryStream();
        var count = 0;
        foreach (var entry in entries)
        {
            count++;
            var (data, size, crc) = Data(entry);
            var declared = entry.DeclaredSize ?? size;
            var local = entry.LocalDeclaredSize ?? declared;
            var offset = output.Position;
            var name = Encoding.UTF8.GetBytes(entry.Name);
            var flags = (ushort)((entry.DataDescriptor ? 0x0008 : 0) | (entry.Encrypted ? 0x0001 : 0) | 0x0800);
            var method = (ushort)(entry.Deflate ? 8 : 0);

            var localExtra = entry.Zip64 ? Zip64Extra(local, data.Length, null) : [];
            Header(output, LocalHeader, null, flags, method,
                entry.DataDescriptor ? 0 : crc,
                entry.DataDescriptor ? 0 : Small(data.Length, entry.Zip64),
                entry.DataDescriptor ? 0 : Small(local, entry.Zip64),
                entry.LocalName is { } localName ? Encoding.UTF8.GetBytes(localName) : name, localExtra, 0, 0);
            output.Write(data);
            if (entry.DataDescriptor)
            {
                var descriptor = new byte[16];
                BinaryPrimitives.WriteUInt32LittleEndian(descriptor, DataDescriptorSignature);
                BinaryPrimitives.WriteUInt32LittleEndian(descriptor.AsSpan(4), crc);
                BinaryPrimitives.WriteUInt32LittleEndian(descriptor.AsSpan(8), (uint)data.Length);
                BinaryPrimitives.WriteUInt32LittleEndian(descriptor.AsSpan(12), (uint)local);
                output.Write(descriptor);
            }

            var centralExtra = entry.Zip64 ? Zip64Extra(declared, data.Length, offset) : [];
            Header(central, CentralHeader, entry.Zip64 ? (ushort)45 : (ushort)20, flags, method, crc,
                Small(data.Length, entry.Zip64), Small(declared, entry.Zip64), name, centralExtra,
                (uint)entry.DosAttributes, entry.Zip64 ? 0xFFFFFFFF : (uint)offset);
        }

        var directoryOffset = output.Position;
        central.Position = 0;
        central.CopyTo(output);
        Span<byte> end = stackalloc byte[22];
        BinaryPrimitives.WriteUInt32LittleEndian(end, EndOfDirectory);
        BinaryPrimitives.WriteUInt16LittleEndian(end[8..], (ushort)count);
        BinaryPrimitives.WriteUInt16LittleEndian(end[10..], (ushort)count);
        BinaryPrimitives.WriteUInt32LittleEndian(end[12..], (uint)central.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(end[16..], (uint)directoryOffset);
        output.Write(end);
        return output.ToArray();
    }

    private static (byte[] Data, long Size, uint Crc) Data(RawZipEntry entry)
    {
        if (entry.Compressed is { } compressed)
        {
            return (compressed, entry.InflatedSize ?? throw new ArgumentException("InflatedSize is needed with Compressed."), entry.Crc ?? 0);
        }

        var crc = Crc32.Of(entry.Content);
        if (!entry.Deflate)
        {
            return (entry.Content, entry.Content.Length, crc);
        }

        using var output = new MemoryStream();
        using (var deflate = new DeflateStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            deflate.Write(entry.Content);
        }

        return (output.ToArray(), entry.Content.Length, crc);
    }

    private static uint Small(long size, bool zip64) => zip64 ? 0xFFFFFFFF : unchecked((uint)size);

    private static byte[] Zip64Extra(long size, long compressed, long? offset)
    {
        var extra = new byte[4 + 16 + (offset is null ? 0 : 8)];
        BinaryPrimitives.WriteUInt16LittleEndian(extra, 0x0001);
        BinaryPrimitives.WriteUInt16LittleEndian(extra.AsSpan(2), (ushort)(extra.Length - 4));
        BinaryPrimitives.WriteInt64LittleEndian(extra.AsSpan(4), size);
        BinaryPrimitives.WriteInt64LittleEndian(extra.AsSpan(12), compressed);
        if (offset is { } at)
        {
            BinaryPrimitives.WriteInt64LittleEndian(extra.AsSpan(20), at);
        }

        return extra;
    }

    private static void Header(Stream output, uint signature, ushort? madeBy, ushort flags, ushort method, uint crc, uint compressed, uint size,
        byte[] name, byte[] extra, uint externalAttributes, uint offset)
    {
        var central = madeBy is not null;
        var header = new byte[central ? 46 : 30];
        var span = header.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span, signature);
        var at = 4;
        if (central)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(span[at..], madeBy!.Value); // made by MS-DOS (high byte 0)
            at += 2;
        }

        BinaryPrimitives.WriteUInt16LittleEndian(span[at..], madeBy is 45 ? (ushort)45 : (ushort)20); // version needed
        BinaryPrimitives.WriteUInt16LittleEndian(span[(at + 2)..], flags);
        BinaryPrimitives.WriteUInt16LittleEndian(span[(at + 4)..], method);
        BinaryPrimitives.WriteUInt16LittleEndian(span[(at + 6)..], 0);      // time
        BinaryPrimitives.WriteUInt16LittleEndian(span[(at + 8)..], 0x5B21); // date: 2025-09-01
        BinaryPrimitives.WriteUInt32LittleEndian(span[(at + 10)..], crc);
        BinaryPrimitives.WriteUInt32LittleEndian(span[(at + 14)..], compressed);
        BinaryPrimitives.WriteUInt32LittleEndian(span[(at + 18)..], size);
        BinaryPrimitives.WriteUInt16LittleEndian(span[(at + 22)..], (ushort)name.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(span[(at + 24)..], (ushort)extra.Length);
        if (central)
        {
            // comment length, disk number start and internal attributes stay 0
            BinaryPrimitives.WriteUInt32LittleEndian(span[(at + 32)..], externalAttributes);
            BinaryPrimitives.WriteUInt32LittleEndian(span[(at + 36)..], offset);
        }

        output.Write(header);
        output.Write(name);
        output.Write(extra);
    }
}
