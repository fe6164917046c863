namespace SharedServicesPipeline.Tests.Support;

/// <summary>Runs the real `ssp` executable (built beside the tests) as a separate process, as a user would.</summary>
internal static class SspProcess
{
    public static Task<(int ExitCode, string Output, string Error)> RunAsync(string workingDirectory, params string[] args) =>
        RunAsync(workingDirectory, null, args);

    /// <param name="environment">Settings for this run only (e.g. <c>SSP_Publish__LockWait</c>), never the test process's own.</param>
    public static Task<(int ExitCode, string Output, string Error)> RunAsync(
        string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        ChildProcess.RunAsync("dotnet", ["exec", Path.Combine(AppContext.BaseDirectory, "ssp.dll"), .. args], environment, workingDirectory);
}
