using System.Diagnostics;
using System.Text.Json;
using SharedServicesPipeline.Bench.Measurement;

namespace SharedServicesPipeline.Bench.Scenarios;

/// <summary>
/// End-to-end ingests measured in a process of their own, so its peak working set is that run's alone: the bench
/// re-invokes itself as <c>child-ingest</c>, which warms up on a small file, then ingests the file into fresh marts.
/// </summary>
internal static class ChildIngest
{
    public const string Command = "child-ingest";
    private const string ResultPrefix = "RESULT ";

    /// <summary>Runs in the parent: starts the child and reads back what it measured.</summary>
    public static Task<IngestMeasurement> RunAsync(string file, string work, string warmupFile, int repeat, bool profile, string? registerPath) =>
        StartAsync(file, work, registerPath, ["--warmup", warmupFile, "--repeat", repeat.ToString(System.Globalization.CultureInfo.InvariantCulture), .. profile ? new[] { "--profile" } : []]);

    /// <summary>Runs in the parent: a cold child ingests one file into a copy of an existing mart, timing its phases.</summary>
    public static Task<IngestMeasurement> RunColdAsync(string file, string work, string martDatabase, string? registerPath) =>
        StartAsync(file, work, registerPath, ["--cold", "--mart", martDatabase, "--repeat", "1"]);

    private static async Task<IngestMeasurement> StartAsync(string file, string work, string? registerPath, IEnumerable<string> more)
    {
        var bench = typeof(ChildIngest).Assembly.Location;
        List<string> args = ["exec", bench, Command, "--file", file, "--work", work, .. more];
        if (registerPath is not null)
        {
            args.AddRange(["--register", registerPath]);
        }

        var start = new ProcessStartInfo("dotnet", args) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the child ingest.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var line = (await output).Split('\n').FirstOrDefault(l => l.StartsWith(ResultPrefix, StringComparison.Ordinal));
        if (process.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException($"The child ingest of {file} failed (exit {process.ExitCode}):\n{await output}\n{await error}");
        }

        return JsonSerializer.Deserialize<IngestMeasurement>(line[ResultPrefix.Length..])!;
    }

    /// <summary>Runs in the child: <c>child-ingest --file F --work DIR --warmup F50 --repeat N [--profile] [--register CSV]</c>.</summary>
    public static async Task<int> MainAsync(IReadOnlyList<string> args)
    {
        string Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? throw new ArgumentException($"{name} is required.");
        var file = Arg("--file");
        var work = Arg("--work");
        var repeat = int.Parse(Arg("--repeat"), System.Globalization.CultureInfo.InvariantCulture);
        var registerPath = args.Contains("--register") ? Arg("--register") : null;
        var register = RegisterSource.Override(registerPath);
        if (args.Contains("--cold"))
        {
            return await ColdAsync(file, work, Arg("--mart"), register);
        }

        await using (var warm = await BenchMart.OpenAsync(Path.Combine(work, "warmup"), register))
        {
            await warm.IngestAsync(Arg("--warmup"), DateTimeOffset.UtcNow);
        }

        GC.Collect();
        var times = new List<double>();
        var cpu = new List<double>();
        Pipeline.Submissions.SubmissionOutcome? outcome = null;
        BenchMart? last = null;
        for (var run = 1; run <= repeat; run++)
        {
            if (last is not null)
            {
                await last.DisposeAsync();
            }

            last = await BenchMart.OpenAsync(Path.Combine(work, $"run{run}"), register);
            last.Log.Clear();
            var timed = await Timing.TimeAsync(() => last.IngestAsync(file, DateTimeOffset.UtcNow));
            outcome = timed.Result;
            times.Add(timed.Ms);
            cpu.Add(timed.CpuMs);
        }

        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var peak = self.PeakWorkingSet64;
        var arrangements = await last!.CountArrangementsAsync();
        var log = last.Log.Messages;
        var martFolder = last.Folder;
        await last.DisposeAsync();

        // What the outcome alone keeps alive; then let it go, so that the stage profile starts clean.
        var measurement = new IngestMeasurement(times, cpu, peak, outcome!.RowsRead, outcome.RowsAccepted, outcome.RowsHeld, outcome.RowsRejected, arrangements, martFolder, log, []);
        var withOutcome = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(outcome);
        outcome = null;
        measurement = measurement with { OutcomeBytes = withOutcome - GC.GetTotalMemory(forceFullCollection: true) };

        if (args.Contains("--profile"))
        {
            await using var profileMart = await BenchMart.OpenAsync(Path.Combine(work, "profile"), register);
            measurement = measurement with { Stages = await StageProfile.RunAsync(profileMart, file) };
        }

        Console.WriteLine(ResultPrefix + JsonSerializer.Serialize(measurement));
        return 0;
    }

    /// <summary>Where a cold process's time goes: runtime start to Main, composing and initialising the mart, the ingest.</summary>
    private static async Task<int> ColdAsync(string file, string work, string martTemplate, Pipeline.Reference.AuthorityRegister? register)
    {
        using var self = Process.GetCurrentProcess();
        var toMain = (DateTime.Now - self.StartTime).TotalMilliseconds;
        var folder = Path.Combine(work, "cold");
        Directory.CreateDirectory(folder);
        File.Copy(martTemplate, BenchMart.MartPath(folder), overwrite: true);
        var cpu = CpuClock.Start();
        var (mart, composeMs, _) = await Timing.TimeAsync(() => BenchMart.OpenAsync(folder, register, initialize: false));
        await using (mart)
        {
            var firstQueryMs = (await Timing.TimeAsync(mart.CountArrangementsAsync)).Ms;
            var initializeMs = (await Timing.TimeAsync(async () =>
            {
                await mart.InitializeAsync();
                return 0;
            })).Ms;
            var (outcome, ingestMs, _) = await Timing.TimeAsync(() => mart.IngestAsync(file, DateTimeOffset.UtcNow));
            self.Refresh();
            IReadOnlyList<StageTime> stages =
            [
                new("process start to Main (runtime, assembly loading)", toMain),
                new("compose the services (configuration, DI, register)", composeMs),
                new("first query (EF Core builds its model, opens SQLite)", firstQueryMs),
                new("initialise the mart (migrations check, calendar, register sync)", initializeMs),
                new($"ingest {outcome.RowsRead} rows (first call: JIT of the whole path)", ingestMs),
            ];
            var measurement = new IngestMeasurement([toMain + composeMs + firstQueryMs + initializeMs + ingestMs], [cpu.ElapsedMs], self.PeakWorkingSet64, outcome.RowsRead, outcome.RowsAccepted, outcome.RowsHeld, outcome.RowsRejected, 0, folder, mart.Log.Messages, stages);
            Console.WriteLine(ResultPrefix + JsonSerializer.Serialize(measurement));
        }

        return 0;
    }
}
