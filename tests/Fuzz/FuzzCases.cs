using System.Text;

namespace SharedServicesPipeline.Tests.Fuzz;

/// <summary>
/// The deterministic case generator: case <c>index</c> under <c>seed</c> is always the same bytes, so any failing case
/// is rebuilt from the two numbers the test prints. Each case draws a kind (by weight), a seed file and its mutation.
/// </summary>
internal static class FuzzCases
{
    public const int DefaultSeed = 20261128;

    private static readonly string[] Extensions = [".xlsx", ".xls", ".csv", ".xlsm", ".txt"];

    // Weights out of 100: blind byte damage, part-by-part zip damage, hostile but well-formed workbooks, hostile CSV.
    private static readonly (string Kind, int Weight, Func<Random, (string Source, string Extension, byte[] Bytes)> Make)[] Kinds =
    [
        ("byte-flip", 16, r => Bytes(r, FuzzSeeds.All, ByteMutations.Flip)),
        ("byte-insert", 6, r => Bytes(r, FuzzSeeds.All, ByteMutations.Insert)),
        ("byte-delete", 6, r => Bytes(r, FuzzSeeds.All, ByteMutations.Delete)),
        ("truncated", 10, r => Bytes(r, FuzzSeeds.All, ByteMutations.Truncate)),
        ("spliced", 4, r => Bytes(r, FuzzSeeds.All, ByteMutations.Splice)),
        ("zip-part-removed", 5, r => Bytes(r, FuzzSeeds.Zips, ZipMutations.RemovePart)),
        ("zip-part-renamed", 4, r => Bytes(r, FuzzSeeds.Zips, ZipMutations.RenamePart)),
        ("zip-part-xml-mutated", 14, r => Bytes(r, FuzzSeeds.Zips, ZipMutations.MutatePartText)),
        ("zip-part-replaced", 5, r => Bytes(r, FuzzSeeds.Zips, ZipMutations.ReplacePart)),
        ("deep-xml", 3, r => Built(HostileWorkbooks.DeepXml(r), ".xlsx")),
        ("huge-cell", 2, r => Built(HostileWorkbooks.HugeCell(r), ".xlsx")),
        ("many-columns", 3, r => Built(HostileWorkbooks.ManyColumns(r), ".xlsx")),
        ("blank-rows", 3, r => Built(HostileWorkbooks.BlankRows(r), ".xlsx")),
        ("odd-cells", 7, r => Built(HostileWorkbooks.OddCells(r), ".xlsx")),
        ("odd-structure", 5, r => Built(HostileWorkbooks.OddStructure(r), ".xlsx")),
        ("csv-encoding", 3, r => Built(HostileCsv.Encodings(r), ".csv")),
        ("csv-structure", 3, r => Built(HostileCsv.Structure(r), ".csv")),
        ("csv-huge-cell", 1, r => Built(HostileCsv.HugeCell(r), ".csv")),
    ];

    static FuzzCases() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static IEnumerable<string> KindNames => Kinds.Select(k => k.Kind);

    /// <summary>The seed in force: <see cref="DefaultSeed"/>, or SSP_FUZZ_SEED to explore further.</summary>
    public static int Seed => int.TryParse(Environment.GetEnvironmentVariable("SSP_FUZZ_SEED"), out var seed) ? seed : DefaultSeed;

    /// <summary>The kind case <paramref name="index"/> will be, without building it.</summary>
    public static string KindOf(int seed, int index) => Kinds[DrawKind(RandomFor(seed, index))].Kind;

    public static FuzzCase Generate(int seed, int index)
    {
        var random = RandomFor(seed, index);
        var (kind, _, make) = Kinds[DrawKind(random)];
        var (source, extension, bytes) = make(random);
        // One in ten arrives under another extension: councils rename files, and the reader must go by the bytes.
        if (random.Next(10) == 0)
        {
            extension = Extensions[random.Next(Extensions.Length)];
        }

        return new FuzzCase(seed, index, kind, source, $"fuzz-{index:D4}{extension}", bytes);
    }

    // System.Random with a seed is the same sequence on every platform and run.
    private static Random RandomFor(int seed, int index) => new(unchecked((seed * 1_000_003) + index));

    private static int DrawKind(Random random)
    {
        var draw = random.Next(Kinds.Sum(k => k.Weight));
        for (var i = 0; ; i++)
        {
            draw -= Kinds[i].Weight;
            if (draw < 0)
            {
                return i;
            }
        }
    }

    private static (string, string, byte[]) Bytes(Random random, IReadOnlyList<FuzzSeedFile> seeds, Func<byte[], Random, byte[]> mutate)
    {
        var seed = seeds[random.Next(seeds.Count)];
        return (seed.Name, seed.Extension, mutate(seed.Bytes, random));
    }

    private static (string, string, byte[]) Built((string Label, byte[] Bytes) made, string extension) => (made.Label, extension, made.Bytes);
}
