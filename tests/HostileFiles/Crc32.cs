namespace SharedServicesPipeline.HostileFiles;

/// <summary>The zip format's CRC-32, computed as bytes stream past (System.IO.Hashing, vectorised: gigabytes in a second).</summary>
public sealed class Crc32
{
    private readonly System.IO.Hashing.Crc32 _crc = new();

    public uint Value => _crc.GetCurrentHashAsUInt32();

    public static uint Of(ReadOnlySpan<byte> bytes) => System.IO.Hashing.Crc32.HashToUInt32(bytes);

    public void Append(ReadOnlySpan<byte> bytes) => _crc.Append(bytes);
}
