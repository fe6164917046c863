using System.Diagnostics;

namespace SharedServicesPipeline.Tests.Support;

/// <summary>
/// Runs a program as a separate process with its own environment additions and a bound on how long it may take: a hung
/// child fails its test instead of hanging the run, and no test changes the test process's environment, which every
/// other test's children would inherit.
/// </summary>
internal static class ChildProcess
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(
        string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null,
        string? workingDirectory = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        var limit = timeout ?? DefaultTimeout;
        using var cancel = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish within {limit}; it was killed.");
        }

        return (process.ExitCode, await output, await error);
    }

    /// <summary>For synchronous callers (lazy fixtures); the same bound.</summary>
    public static (int ExitCode, string Output, string Error) Run(string program, IEnumerable<string> arguments, TimeSpan? timeout = null) =>
        RunAsync(program, arguments, timeout: timeout).GetAwaiter().GetResult();
}
