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
    /// <param name="warmupFiles">Ingested first, each into a mart of its own, untimed.</param>
    public static Task<IngestMeasurement> RunAsync(string file, string work, IReadOnlyList<string> warmupFiles, int repeat, string? registerPath) =>
        StartAsync(file, work, registerPath, ["--warmup", string.Join(Path.PathSeparator, warmupFiles), "--repeat", repeat.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

    /// <summary>Runs in the parent: a child warms up, then calls the ingest's stages one by one on the file (see <see cref="StageProfile"/>).</summary>
    public static async Task<IReadOnlyList<StageTime>> ProfileAsync(string file, string work, IReadOnlyList<string> warmupFiles, string? registerPath) =>
        (await StartAsync(file, work, registerPath, ["--warmup", string.Join(Path.PathSeparator, warmupFiles), "--repeat", "0", "--profile"])).Stages;

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

        var run = await ChildProcess.RunDotnetAsync(args);
        var line = run.Output.Split('\n').FirstOrDefault(l => l.StartsWith(ResultPrefix, StringComparison.Ordinal));
        if (run.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException($"The child ingest of {file} failed (exit {run.ExitCode}):\n{run.Output}\n{run.Error}");
        }

        return JsonSerializer.Deserialize<IngestMeasurement>(line[ResultPrefix.Length..])!;
    }

    /// <summary>Runs in the child: <c>child-ingest --file F --work DIR --warmup F1:F2 --repeat N [--profile] [--register CSV]</c>.</summary>
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

        // Warm means the hot paths are past tier-0 JIT: several ingests, not one small one. Each into a new mart.
        var warmups = Arg("--warmup").Split(Path.PathSeparator);
        for (var i = 0; i < warmups.Length; i++)
        {
            await using var warm = await BenchMart.OpenAsync(Path.Combine(work, $"warmup{i}"), register);
            await warm.IngestAsync(warmups[i], DateTimeOffset.UtcNow);
        }

        // The profile runs in a process of its own (repeat 0), so that nothing a timed run leaves behind is counted.
        GC.Collect();
        var measurement = repeat > 0 ? await TimedRunsAsync(file, work, repeat, register) : new IngestMeasurement([], [], 0, 0, 0, 0, 0, 0, "", [], []);
        if (args.Contains("--profile"))
        {
            await using var profileMart = await BenchMart.OpenAsync(Path.Combine(work, "profile"), register);
            measurement = measurement with { Stages = await StageProfile.RunAsync(profileMart, file) };
        }

        Console.WriteLine(ResultPrefix + JsonSerializer.Serialize(measurement));
        return 0;
    }

    /// <summary>Ingests the file into a fresh mart <paramref name="repeat"/> times and measures the last run.</summary>
    private static async Task<IngestMeasurement> TimedRunsAsync(string file, string work, int repeat, Pipeline.Reference.AuthorityRegister? register)
    {
        var times = new List<double>();
        var cpu = new List<double>();
        IngestMeasurement? measurement = null;
        for (var run = 1; run <= repeat; run++)
        {
            await using var mart = await BenchMart.OpenAsync(Path.Combine(work, $"run{run}"), register);
            mart.Log.Clear();
            var timed = await Timing.TimeAsync(() => mart.IngestAsync(file, DateTimeOffset.UtcNow));
            times.Add(timed.Ms);
            cpu.Add(timed.CpuMs);
            var outcome = timed.Result;
            using var self = Process.GetCurrentProcess();
            self.Refresh();
            measurement = new IngestMeasurement(times, cpu, self.PeakWorkingSet64, outcome.RowsRead, outcome.RowsAccepted, outcome.RowsHeld, outcome.RowsRejected,
                await mart.CountArrangementsAsync(), mart.Folder, mart.Log.Messages, []);
        }

        return measurement ?? throw new ArgumentOutOfRangeException(nameof(repeat), "At least one run.");
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
                new("first query (EF Core loads its compiled model, opens SQLite)", firstQueryMs),
                new("initialise the mart (migrations check, calendar, register sync)", initializeMs),
                new($"ingest {outcome.RowsRead} rows (first call: JIT of the whole path)", ingestMs),
            ];
            var measurement = new IngestMeasurement([toMain + composeMs + firstQueryMs + initializeMs + ingestMs], [cpu.ElapsedMs], self.PeakWorkingSet64, outcome.RowsRead, outcome.RowsAccepted, outcome.RowsHeld, outcome.RowsRejected, 0, folder, mart.Log.Messages, stages);
            Console.WriteLine(ResultPrefix + JsonSerializer.Serialize(measurement));
        }

        return 0;
    }
}
