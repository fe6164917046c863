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
        ("odd-cells", 7, r => Drawn(HostileWorkbooks.OddCells(r), r, ".xlsx")),
        ("odd-structure", 5, r => Drawn(HostileWorkbooks.OddStructure(r), r, ".xlsx")),
        ("csv-encoding", 3, r => Drawn(HostileCsv.Encodings(r), r, ".csv")),
        ("csv-structure", 3, r => Drawn(HostileCsv.Structure(r), r, ".csv")),
        ("csv-huge-cell", 1, r => Built(HostileCsv.HugeCell(r), ".csv")),
    ];

    // The first cases walk every hand-written shape once, so each is run (and ingested) whatever the seed; the rest are drawn.
    private static readonly (string Kind, string Extension, Func<Random, IReadOnlyList<FuzzShape>> Shapes)[] Walked =
    [
        ("odd-cells", ".xlsx", HostileWorkbooks.OddCells),
        ("odd-structure", ".xlsx", HostileWorkbooks.OddStructure),
        ("csv-encoding", ".csv", HostileCsv.Encodings),
        ("csv-structure", ".csv", HostileCsv.Structure),
    ];

    static FuzzCases() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>How many cases, from index 0, walk the hand-written shapes.</summary>
    public static int WalkedCases { get; } = Walked.Sum(w => w.Shapes(new Random(0)).Count);

    public static IEnumerable<string> KindNames => Kinds.Select(k => k.Kind);

    /// <summary>The seed in force: <see cref="DefaultSeed"/>, or SSP_FUZZ_SEED to explore further.</summary>
    public static int Seed => int.TryParse(Environment.GetEnvironmentVariable("SSP_FUZZ_SEED"), out var seed) ? seed : DefaultSeed;

    /// <summary>The kind case <paramref name="index"/> will be, without building it.</summary>
    public static string KindOf(int seed, int index) => index < WalkedCases ? Walk(index).Table.Kind : Kinds[DrawKind(RandomFor(seed, index))].Kind;

    public static FuzzCase Generate(int seed, int index)
    {
        var random = RandomFor(seed, index);
        string kind, source, extension;
        byte[] bytes;
        if (index < WalkedCases)
        {
            var (walked, shape) = Walk(index);
            var made = walked.Shapes(random)[shape];
            (kind, source, extension, bytes) = (walked.Kind, made.Label, walked.Extension, made.Make());
        }
        else
        {
            var (drawn, _, make) = Kinds[DrawKind(random)];
            kind = drawn;
            (source, extension, bytes) = make(random);
        }

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

    private static ((string Kind, string Extension, Func<Random, IReadOnlyList<FuzzShape>> Shapes) Table, int Shape) Walk(int index)
    {
        foreach (var table in Walked)
        {
            var count = table.Shapes(new Random(0)).Count;
            if (index < count)
            {
                return (table, index);
            }

            index -= count;
        }

        throw new ArgumentOutOfRangeException(nameof(index));
    }

    private static (string, string, byte[]) Drawn(IReadOnlyList<FuzzShape> shapes, Random random, string extension)
    {
        var shape = shapes[random.Next(shapes.Count)];
        return (shape.Label, extension, shape.Make());
    }

    private static (string, string, byte[]) Built((string Label, byte[] Bytes) made, string extension) => (made.Label, extension, made.Bytes);
}
