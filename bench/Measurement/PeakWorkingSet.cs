using System.Diagnostics;

namespace SharedServicesPipeline.Bench.Measurement;

/// <summary>
/// The process's largest working set while a measured step runs, sampled every 20 ms on a thread of its own (the
/// process's lifetime peak would count what ran before the step, such as building the mart).
/// </summary>
internal sealed class PeakWorkingSet : IDisposable
{
    private readonly Thread _sampler;
    private volatile bool _stopped;
    private long _peak;

    private PeakWorkingSet()
    {
        _sampler = new Thread(Sample) { IsBackground = true, Name = "peak working set" };
        _sampler.Start();
    }

    public static PeakWorkingSet Start() => new();

    /// <summary>The peak so far, in bytes.</summary>
    public long Bytes => Interlocked.Read(ref _peak);

    public void Dispose()
    {
        _stopped = true;
        _sampler.Join();
    }

    private void Sample()
    {
        using var self = Process.GetCurrentProcess();
        while (!_stopped)
        {
            self.Refresh();
            var now = self.WorkingSet64;
            if (now > Interlocked.Read(ref _peak))
            {
                Interlocked.Exchange(ref _peak, now);
            }

            Thread.Sleep(20);
        }
    }
}
