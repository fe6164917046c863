using System.Diagnostics;

namespace SharedServicesPipeline.Bench.Scenarios;

/// <summary>
/// <c>ssp ingest</c> as a user runs it: a new process (<c>dotnet exec ssp.dll</c>, the cli build copied beside the
/// bench) that starts, opens an existing mart, ingests one file and exits. Timed from start to exit.
/// </summary>
internal static class ColdCli
{
    public static string SspPath => Path.Combine(AppContext.BaseDirectory, "ssp.dll");

    /// <returns>Wall-clock milliseconds and the exit code (0: all rows loaded; 1: some sent back).</returns>
    public static async Task<(double Ms, int ExitCode)> IngestAsync(string file, string database, string outFolder)
    {
        var start = new ProcessStartInfo("dotnet", ["exec", SspPath, "ingest", file, "--db", database, "--out", outFolder])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = outFolder,
        };
        Directory.CreateDirectory(outFolder);
        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start ssp.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var ms = stopwatch.Elapsed.TotalMilliseconds;
        if (process.ExitCode is not (0 or 1))
        {
            throw new InvalidOperationException($"ssp ingest {file} exited {process.ExitCode}:\n{await output}\n{await error}");
        }

        return (ms, process.ExitCode);
    }
}
