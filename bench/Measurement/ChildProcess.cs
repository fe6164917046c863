using System.Diagnostics;

namespace SharedServicesPipeline.Bench.Measurement;

/// <summary>Runs <c>dotnet</c> with arguments as a child process to its end, collecting what it printed.</summary>
internal static class ChildProcess
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static async Task<Result> RunDotnetAsync(IEnumerable<string> args, string? workingDirectory = null)
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

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start dotnet {string.Join(' ', args)}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new Result(process.ExitCode, await output, await error);
    }
}
