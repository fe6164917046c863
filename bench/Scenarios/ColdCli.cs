using System.Diagnostics;
using SharedServicesPipeline.Bench.Measurement;

namespace SharedServicesPipeline.Bench.Scenarios;

/// <summary>
/// <c>ssp ingest</c> as a user runs it: a new process (<c>dotnet exec ssp.dll</c>) that starts, opens an existing mart,
/// ingests one file and exits. Timed from start to exit. The ssp is the cli as the README installs it (a ReadyToRun
/// publish: precompiled, so a short run does not spend its time in the JIT), or the plain build beside the bench.
/// </summary>
internal static class ColdCli
{
    public static string BuiltSspPath => Path.Combine(AppContext.BaseDirectory, "ssp.dll");

    /// <summary>Publishes the cli ReadyToRun into <paramref name="folder"/> (incremental after the first time) and returns its ssp.dll.</summary>
    public static async Task<string> PublishAsync(string repositoryRoot, string folder)
    {
        var project = Path.Combine(repositoryRoot, "cli", "SharedServicesPipeline.Cli.csproj");
        var run = await ChildProcess.RunDotnetAsync(["publish", project, "-c", "Release", "-r", System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier,
            "--self-contained", "false", "-p:PublishReadyToRun=true", "-o", folder, "-nologo", "-v", "q"]);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish of the cli failed (exit {run.ExitCode}):\n{run.Output}\n{run.Error}");
        }

        return Path.Combine(folder, "ssp.dll");
    }

    /// <returns>Wall-clock and processor milliseconds (null where unknown) and the exit code (0: all rows loaded; 1: some sent back).</returns>
    public static async Task<(double Ms, double? CpuMs, int ExitCode)> IngestAsync(string ssp, string file, string database, string outFolder)
    {
        Directory.CreateDirectory(outFolder);
        var before = ChildProcessUsage.Read();
        var stopwatch = Stopwatch.StartNew();
        var run = await ChildProcess.RunDotnetAsync(["exec", ssp, "ingest", file, "--db", database, "--out", outFolder], outFolder);
        var ms = stopwatch.Elapsed.TotalMilliseconds;
        var after = ChildProcessUsage.Read();
        if (run.ExitCode is not (0 or 1))
        {
            throw new InvalidOperationException($"ssp ingest {file} exited {run.ExitCode}:\n{run.Output}\n{run.Error}");
        }

        // Children's processor time only grows, and these children run one at a time: the difference is this one's.
        // (Their peak memory cannot be told apart this way: ru_maxrss is the largest of all children so far.)
        return (ms, before is { } b && after is { } a ? (a.Cpu - b.Cpu).TotalMilliseconds : null, run.ExitCode);
    }

    /// <summary>
    /// <c>ssp ingest</c> of one file into a new mart, as an operator runs it, with the work budget lifted as the bench's
    /// marts lift it (<see cref="BenchMart.Lifted"/>) through the cli's environment settings.
    /// </summary>
    /// <returns>Wall-clock milliseconds and the process's peak working set.</returns>
    public static async Task<(double Ms, long PeakBytes)> IngestLiftedAsync(string ssp, string file, string folder)
    {
        Directory.CreateDirectory(folder);
        var stopwatch = Stopwatch.StartNew();
        var run = await ChildProcess.RunDotnetAsync(
            ["exec", ssp, "ingest", file, "--db", Path.Combine(folder, "mart.db"), "--out", Path.Combine(folder, "out")],
            folder,
            new Dictionary<string, string> { ["SSP_Intake__MaxWorkSeconds"] = BenchMart.Lifted });
        var ms = stopwatch.Elapsed.TotalMilliseconds;
        if (run.ExitCode is not (0 or 1))
        {
            throw new InvalidOperationException($"ssp ingest {file} exited {run.ExitCode}:\n{run.Output}\n{run.Error}");
        }

        return (ms, run.PeakResidentBytes);
    }
}
