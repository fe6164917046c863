namespace SharedServicesPipeline.HostileFiles;

/// <summary>
/// One entry of a zip as <see cref="RawZip"/> writes it: the bytes it inflates to, and everything its local header and
/// central directory record may say about it, true or not.
/// </summary>
public sealed record RawZipEntry(string Name, byte[] Content)
{
    /// <summary>The name the local header gives, when it disagrees with the central directory's; null: the same.</summary>
    public string? LocalName { get; init; }

    /// <summary>Deflated (8) or stored (0).</summary>
    public bool Deflate { get; init; } = true;

    /// <summary>The MS-DOS attributes in the low byte of the central directory's external attributes (0x10 directory, 0x08 volume label).</summary>
    public int DosAttributes { get; init; }

    /// <summary>The uncompressed size the central directory declares; null: the true size.</summary>
    public long? DeclaredSize { get; init; }

    /// <summary>The uncompressed size the local header declares; null: as the central directory.</summary>
    public long? LocalDeclaredSize { get; init; }

    /// <summary>Sizes and CRC left as zero in the local header and written after the data in a data descriptor (flag bit 3).</summary>
    public bool DataDescriptor { get; init; }

    /// <summary>The sizes written as 0xFFFFFFFF with a ZIP64 extra field carrying them (the declared ones).</summary>
    public bool Zip64 { get; init; }

    /// <summary>General purpose flag bit 0: the entry claims to be encrypted.</summary>
    public bool Encrypted { get; init; }

    /// <summary>Already deflated bytes to write as the data, for content too big to hold inflated (see <see cref="RepeatedDeflate"/>).</summary>
    public byte[]? Compressed { get; init; }

    /// <summary>The true inflated size when <see cref="Compressed"/> is given.</summary>
    public long? InflatedSize { get; init; }

    /// <summary>The true CRC-32 when <see cref="Compressed"/> is given.</summary>
    public uint? Crc { get; init; }
}
