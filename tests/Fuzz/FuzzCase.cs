namespace SharedServicesPipeline.Tests.Fuzz;

/// <summary>One generated submission: which seed file, which mutation, and the bytes. Rebuilt from (seed, index) alone.</summary>
internal sealed record FuzzCase(int Seed, int Index, string Kind, string Source, string FileName, byte[] Bytes)
{
    public string Reproduce => $"FuzzCases.Generate(seed: {Seed}, index: {Index})";

    public override string ToString() => $"case {Index} ({Kind} of {Source}, '{FileName}', {Bytes.Length:N0} bytes)";
}
