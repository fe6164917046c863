using System.Globalization;

namespace SharedServicesPipeline.Bench;

/// <summary>What a run measures and how often. Three sizes: small, medium, large (1k, 10k, 100k in a full run).</summary>
internal sealed record BenchOptions
{
    public required string Mode { get; init; }

    /// <summary>Rows of the three generated submissions, smallest first.</summary>
    public IReadOnlyList<int> Sizes { get; init; } = [1_000, 10_000, 100_000];

    /// <summary>The naive way runs at the two smaller sizes only: at the largest it would take too long.</summary>
    public IReadOnlyList<int> NaiveSizes => Sizes.Take(2).ToList();

    /// <summary>How long a naive run may take before it stops and the rest is extrapolated.</summary>
    public TimeSpan NaiveBudget { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>Rows of the small submission ingested into existing marts and by <c>ssp ingest</c>.</summary>
    public int SmallRows { get; init; } = 50;

    public int SmallRuns { get; init; } = 9;

    public int FloorRuns { get; init; } = 5;

    /// <summary>End-to-end ingests of the smaller sizes (median taken); the largest runs once.</summary>
    public int EndToEndRepeats { get; init; } = 3;

    public int CliRuns { get; init; } = 5;

    /// <summary>Only the cold <c>ssp ingest</c> scenario, into the medium mart (built once and reused from the work folder).</summary>
    public bool ColdOnly { get; init; }

    /// <summary>Where the cold <c>ssp</c> comes from: a ReadyToRun publish of the cli (as operators install it), or,
    /// when null, the plain build copied beside the bench (the smoke test, which must not spend minutes compiling).</summary>
    public string? RepositoryRoot { get; init; }

    /// <summary>Share of partner names spelled messily in the generated submissions.</summary>
    public double MessyShare { get; init; } = 0.35;

    /// <summary>A register CSV merged over the built-in one (for a branch whose built-in register is empty).</summary>
    public string? RegisterPath { get; init; }

    public required string WorkFolder { get; init; }

    /// <summary>Where the Markdown report goes; null: not written.</summary>
    public string? ResultsPath { get; init; }

    public bool KeepWork { get; init; }

    public int Large => Sizes[^1];

    public int Medium => Sizes[^2];

    public static string Label(int rows) => rows >= 1000 && rows % 1000 == 0
        ? (rows / 1000).ToString(CultureInfo.InvariantCulture) + "k"
        : rows.ToString(CultureInfo.InvariantCulture);

    public static BenchOptions Parse(IReadOnlyList<string> args, string repositoryRoot)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var quick = args.Contains("--quick");
        var cold = args.Contains("--cold");
        var work = Value("--work") ?? Path.Combine(Path.GetTempPath(), "ssp-bench-" + Guid.NewGuid().ToString("N")[..8]);
        var results = Value("--results") ?? Path.Combine(repositoryRoot, "bench", "results", cold ? "cold.md" : quick ? "quick.md" : "latest.md");
        var options = new BenchOptions
        {
            Mode = cold ? "cold" : quick ? "quick" : "full",
            RepositoryRoot = repositoryRoot,
            RegisterPath = Value("--register"),
            WorkFolder = work,
            ResultsPath = results,
            KeepWork = args.Contains("--keep"),
        };
        if (cold)
        {
            // Many runs: a cold start's spread on a shared machine is wide, and its median is the figure.
            options = options with { ColdOnly = true, CliRuns = Value("--runs") is { } runs ? int.Parse(runs, CultureInfo.InvariantCulture) : 11 };
        }

        return quick
            ? options with { Sizes = [200, 1_000, 5_000], SmallRuns = 3, FloorRuns = 3, EndToEndRepeats = 1, CliRuns = 3 }
            : options;
    }
}
