using System.Globalization;
using System.Runtime.InteropServices;

namespace SharedServicesPipeline.Bench.Reporting;

/// <summary>What the figures were measured on; the load average matters on a machine shared with others.</summary>
internal sealed record MachineInfo(int Cores, string Cpu, double MemoryGb, string Os, string Runtime, string LoadAverage)
{
    public static MachineInfo Describe() => new(
        Environment.ProcessorCount,
        ProcLine("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
        Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024), 1),
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a");

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Cores} cores ({Cpu}), {MemoryGb:0.0} GB memory, {Os}, {Runtime}, load average {LoadAverage}");

    private static string? ProcLine(string path, string key) =>
        File.Exists(path)
            ? File.ReadLines(path).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
}
