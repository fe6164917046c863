using System.Diagnostics;

namespace SharedServicesPipeline.Bench.Measurement;

/// <summary>
/// Processor time this process spends (all its threads: JIT and GC included) between start and now. On a machine
/// shared with others, wall time grows with their load while processor time stays close to what the work costs.
/// </summary>
internal readonly struct CpuClock
{
    private readonly TimeSpan _started;

    private CpuClock(TimeSpan started) => _started = started;

    public static CpuClock Start() => new(Now());

    public double ElapsedMs => (Now() - _started).TotalMilliseconds;

    private static TimeSpan Now()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }
}
