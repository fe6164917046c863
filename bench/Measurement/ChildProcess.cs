using System.Diagnostics;
using System.Globalization;

namespace SharedServicesPipeline.Bench.Measurement;

/// <summary>Runs <c>dotnet</c> with arguments as a child process to its end, collecting what it printed and its peak memory.</summary>
internal static class ChildProcess
{
    /// <param name="PeakResidentBytes">The child's peak resident set (Linux's VmHWM, read every 10 ms while it ran; the
    /// last reading before it exited holds the peak, since the mark only rises). 0 where /proc is not available.</param>
    public sealed record Result(int ExitCode, string Output, string Error, long PeakResidentBytes = 0);

    public static async Task<Result> RunDotnetAsync(IEnumerable<string> args, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet", args)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start dotnet {string.Join(' ', args)}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        var exited = process.WaitForExitAsync();
        long peak = 0;
        while (!exited.IsCompleted)
        {
            peak = Math.Max(peak, HighWaterMark(process.Id));
            await Task.WhenAny(exited, Task.Delay(10));
        }

        await exited;
        return new Result(process.ExitCode, await output, await error, peak);
    }

    private static long HighWaterMark(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
            // Exited between the check and the read, or no /proc here.
        }
        catch (UnauthorizedAccessException)
        {
        }

        return 0;
    }
}
