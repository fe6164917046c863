using System.Runtime.InteropServices;

namespace SharedServicesPipeline.Bench.Measurement;

/// <summary>
/// Processor time of child processes that have exited (getrusage RUSAGE_CHILDREN, Linux and macOS): how a process
/// we cannot change, such as ssp, is measured. Null where the call is not available.
/// </summary>
internal static class ChildProcessUsage
{
    private const int RusageChildren = -1;

    /// <summary>Total processor time of all waited-for children so far, and the largest peak resident set among them.</summary>
    public static (TimeSpan Cpu, long MaxResidentBytes)? Read()
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        try
        {
            if (GetRusage(RusageChildren, out var usage) != 0)
            {
                return null;
            }

            var cpu = TimeSpan.FromTicks(((usage.UserSeconds + usage.SystemSeconds) * TimeSpan.TicksPerSecond) + ((usage.UserMicroseconds + usage.SystemMicroseconds) * 10));
            // ru_maxrss is in kilobytes on Linux.
            return (cpu, usage.MaxResidentSet * 1024);
        }
        catch (DllNotFoundException)
        {
            return null;
        }
        catch (EntryPointNotFoundException)
        {
            return null;
        }
    }

#pragma warning disable SYSLIB1054 // DllImport keeps the project free of unsafe code; the call is made a handful of times.
    [DllImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    private static extern int GetRusage(int who, out Rusage usage);
#pragma warning restore SYSLIB1054

    [StructLayout(LayoutKind.Sequential)]
    private struct Rusage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        public long MaxResidentSet;
        public long SharedMemory;
        public long UnsharedData;
        public long UnsharedStack;
        public long MinorFaults;
        public long MajorFaults;
        public long Swaps;
        public long BlockInputs;
        public long BlockOutputs;
        public long MessagesSent;
        public long MessagesReceived;
        public long Signals;
        public long VoluntarySwitches;
        public long InvoluntarySwitches;
    }
}
