namespace SharedServicesPipeline.Tests.Fuzz;

/// <summary>A valid submission the fuzz starts from.</summary>
internal sealed record FuzzSeedFile(string Name, string Extension, byte[] Bytes)
{
    public bool IsZip => Bytes.Length > 4 && Bytes[0] == 0x50 && Bytes[1] == 0x4B;
}
