using SharedServicesPipeline.Bench.Scenarios;

namespace SharedServicesPipeline.Bench;

/// <summary>The raw figures of a run, by number of rows (or arrangements in the mart), in milliseconds and bytes.</summary>
internal sealed class BenchResults
{
    public Dictionary<int, double> FloorMs { get; } = [];

    public Dictionary<int, double> FloorCpuMs { get; } = [];

    public Dictionary<int, double> EndToEndMs { get; } = [];

    public Dictionary<int, double> EndToEndCpuMs { get; } = [];

    public Dictionary<int, int> EndToEndRowsRead { get; } = [];

    public Dictionary<int, int> EndToEndArrangements { get; } = [];

    public Dictionary<int, long> PeakBytes { get; } = [];

    public List<StageTime> Stages { get; } = [];

    public Dictionary<int, double> NaiveMs { get; } = [];

    public Dictionary<int, double> NaiveCpuMs { get; } = [];

    public Dictionary<int, int> NaiveLoaded { get; } = [];

    /// <summary>Where the naive run stopped at its budget (its whole-file time is then extrapolated): the time it ran and the
    /// rows it had read by then, measured.</summary>
    public Dictionary<int, (double Ms, int Read, int Rows)> NaiveStopped { get; } = [];

    public Dictionary<int, double> RefreshMs { get; } = [];

    public Dictionary<int, double> RefreshCpuMs { get; } = [];

    public Dictionary<int, int> RefreshFiles { get; } = [];

    public Dictionary<int, int> MartArrangements { get; } = [];

    public Dictionary<int, double> SmallIntoMartMs { get; } = [];

    public Dictionary<int, double> SmallIntoMartCpuMs { get; } = [];

    public double CliMs { get; set; } = double.NaN;

    /// <summary>Processor time of the ssp process (NaN where it cannot be read).</summary>
    public double CliCpuMs { get; set; } = double.NaN;

    public List<int> CliExitCodes { get; } = [];
}
