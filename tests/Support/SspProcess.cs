using System.Diagnostics;

namespace SharedServicesPipeline.Tests.Support;

/// <summary>Runs the real `ssp` executable (built beside the tests) as a separate process, as a user would.</summary>
internal static class SspProcess
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string workingDirectory, params string[] args)
    {
        var ssp = Path.Combine(AppContext.BaseDirectory, "ssp.dll");
        var start = new ProcessStartInfo("dotnet", ["exec", ssp, .. args])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
