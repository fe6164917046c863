using System.Diagnostics;
using System.Globalization;

namespace SharedServicesPipeline.HostileFiles;

/// <summary>
/// Runs <c>dotnet exec</c> of an assembly in a process of its own, watching its peak working set (the kernel's
/// high-water mark, VmHWM, read every 20 ms until it exits) and its processor time, and killing it when it outlives
/// the timeout: a hang is an outcome, never a wait. The figures are that process's alone, whatever else runs. Linux only
/// (/proc); elsewhere the peak and processor time read 0.
/// </summary>
public static class BoundedProcess
{
    public sealed record Result(int ExitCode, string Output, string Error, long PeakWorkingSetBytes, TimeSpan Elapsed, TimeSpan ProcessorTime, bool TimedOut);

    public static Task<Result> RunAsync(string assembly, string workingDirectory, TimeSpan timeout, params string[] args) =>
        RunAsync(assembly, workingDirectory, timeout, new Dictionary<string, string>(), args);

    /// <summary>As <see cref="RunAsync(string, string, TimeSpan, string[])"/>, with <paramref name="environment"/> set in the child (e.g. <c>SSP_Intake__MaxWorkSeconds</c>).</summary>
    public static async Task<Result> RunAsync(string assembly, string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", ["exec", assembly, .. args])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start dotnet exec {assembly}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        long peak = 0;
        var cpu = TimeSpan.Zero;
        var timedOut = false;
        while (!process.HasExited)
        {
            peak = Math.Max(peak, HighWaterMark(process.Id));
            cpu = Max(cpu, ProcessorTime(process.Id));
            if (clock.Elapsed > timeout)
            {
                timedOut = true;
                process.Kill(entireProcessTree: true);
                break;
            }

            await Task.Delay(20);
        }

        await process.WaitForExitAsync();
        return new Result(timedOut ? -1 : process.ExitCode, await output, await error, peak, clock.Elapsed, cpu, timedOut);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    // VmHWM in /proc/<pid>/status, in bytes; 0 once the process is gone.
    private static long HighWaterMark(int pid)
    {
        foreach (var line in Lines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }

    // utime + stime in /proc/<pid>/stat (fields 14 and 15, in clock ticks of 1/100 s), after the command's closing parenthesis.
    private static TimeSpan ProcessorTime(int pid)
    {
        var stat = Lines($"/proc/{pid}/stat").FirstOrDefault();
        if (stat is null || stat.LastIndexOf(')') is var end && end < 0)
        {
            return TimeSpan.Zero;
        }

        var fields = stat[(end + 2)..].Split(' ');
        return fields.Length > 12 && long.TryParse(fields[11], CultureInfo.InvariantCulture, out var user) && long.TryParse(fields[12], CultureInfo.InvariantCulture, out var system)
            ? TimeSpan.FromMilliseconds((user + system) * 10)
            : TimeSpan.Zero;
    }

    private static IEnumerable<string> Lines(string path)
    {
        try
        {
            return File.ReadAllLines(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
