using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using SharedServicesPipeline.Bench.Generation;
using SharedServicesPipeline.Bench.Measurement;
using SharedServicesPipeline.Bench.Reporting;
using SharedServicesPipeline.Bench.Scenarios;
using SharedServicesPipeline.Pipeline.Reference;

namespace SharedServicesPipeline.Bench;

/// <summary>
/// One run of the whole benchmark, on the same generated files throughout: the floor, our end-to-end ingest (in child
/// processes, for their peak memory), the naive way, refresh, small submissions into big marts and a cold <c>ssp</c>.
/// </summary>
internal sealed class BenchRunner
{
    private readonly BenchOptions _options;
    private readonly TextWriter _out;
    private readonly BenchReport _report;
    private readonly Queue<string> _smallFiles = new();
    private readonly Dictionary<int, string> _files = [];
    private readonly Dictionary<int, IngestMeasurement> _endToEnd = [];
    private readonly Dictionary<int, string> _marts = [];
    private AuthorityRegister _register = null!;
    private AuthorityRegister? _registerOverride;

    public BenchRunner(BenchOptions options, TextWriter output)
    {
        _options = options;
        _out = output;
        _report = new BenchReport(MachineInfo.Describe(), options.Mode);
    }

    public BenchResults Results { get; } = new();

    public async Task<BenchReport> RunAsync()
    {
        var stopwatch = Stopwatch.StartNew();
        Directory.CreateDirectory(_options.WorkFolder);
        _out.WriteLine($"Bench ({_options.Mode}) in {_options.WorkFolder} on {_report.Machine}");
        try
        {
            _registerOverride = RegisterSource.Override(_options.RegisterPath);
            _register = _registerOverride ?? AuthorityRegister.BuiltIn;
            if (_register.Authorities.Count(a => a.IsCouncil) < 2)
            {
                throw new InvalidOperationException("The register has no councils to draw partners from. Pass --register <authorities.csv>.");
            }

            if (_options.ColdOnly)
            {
                await ColdOnlyAsync();
            }
            else
            {
                Generate();
                Floor();
                await EndToEndAsync();
                await NaiveAsync();
                await BuildMartsAsync();
                await RefreshAsync();
                await SmallIntoBigMartsAsync();
                await ColdCliAsync();
                Targets.Evaluate(_options, Results, _report);
            }
        }
        finally
        {
            _report.Duration = stopwatch.Elapsed;
            if (!_options.KeepWork)
            {
                SqliteConnection.ClearAllPools();
                TryDelete(_options.WorkFolder);
            }
        }

        _out.WriteLine();
        _out.Write(_report.Table());
        if (_options.ResultsPath is { } path)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            await File.WriteAllTextAsync(path, _report.ToMarkdown());
            _out.WriteLine($"Wrote {path} ({_report.Duration.TotalMinutes:0.0} min)");
        }

        return _report;
    }

    private void Generate()
    {
        var folder = Folder("files");
        var lines = _report.Section("Generated submissions");
        lines.Add($"Seeded generator, {_register.Authorities.Count} authorities in the register{(_options.RegisterPath is null ? "" : $" ({Path.GetFileName(_options.RegisterPath)} merged over the built-in one)")}, 2–6 partners a row from one region, {_options.MessyShare:P0} of partner names spelled messily, all 16 template columns filled.");
        lines.Add("");
        foreach (var rows in _options.Sizes)
        {
            var path = Path.Combine(folder, $"submission-{rows}.xlsx");
            var generator = new SubmissionGenerator(_register.Authorities, seed: 1_000 + rows, _options.MessyShare);
            var ms = Timing.Time(() =>
            {
                generator.WriteXlsx(path, rows);
                return 0;
            }).Ms;
            _files[rows] = path;
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"- {BenchOptions.Label(rows)} rows: {new FileInfo(path).Length / 1024.0:N0} KB, written in {ms:N0} ms; {generator.MessyNames:N0} of {generator.PartnerNames:N0} partner and lead names messy"));
            _out.WriteLine(lines[^1]);
        }

        GenerateSmallFiles(2 + (2 * (_options.SmallRuns + 1)) + _options.CliRuns + 2);
    }

    /// <summary>Each small ingest needs a file of its own: the same bytes twice are a duplicate, not an ingest.</summary>
    private void GenerateSmallFiles(int count)
    {
        var folder = Folder("files");
        for (var i = 0; i < count; i++)
        {
            var path = Path.Combine(folder, $"small-{i}.xlsx");
            new SubmissionGenerator(_register.Authorities, seed: 50_000 + i, _options.MessyShare).WriteXlsx(path, _options.SmallRows);
            _smallFiles.Enqueue(path);
        }
    }

    /// <summary>
    /// <c>--cold</c>: the cold <c>ssp ingest</c> alone. Its mart of the medium size is built as the full run builds it
    /// (the medium file ingested, then topped up) the first time, and reused from the work folder after (<c>--work --keep</c>).
    /// </summary>
    private async Task ColdOnlyAsync()
    {
        var rows = _options.Medium;
        var folder = Folder($"cold-mart-{rows}");
        await using (var mart = await BenchMart.OpenAsync(folder, _registerOverride))
        {
            // Opening it ran the initialiser, so a reused mart is migrated and synced as this build would leave it.
            var arrangements = await mart.CountArrangementsAsync();
            if (arrangements == 0)
            {
                var file = Path.Combine(Folder("files"), $"submission-{rows}.xlsx");
                new SubmissionGenerator(_register.Authorities, seed: 1_000 + rows, _options.MessyShare).WriteXlsx(file, rows);
                var outcome = await mart.IngestAsync(file, DateTimeOffset.UtcNow);
                await TopUpAsync(mart, rows, outcome.RowsAccepted);
                arrangements = await mart.CountArrangementsAsync();
                _out.WriteLine($"built the mart of {arrangements:N0} arrangements in {folder}");
            }
            else
            {
                _out.WriteLine($"reusing the mart of {arrangements:N0} arrangements in {folder}");
            }

            Results.MartArrangements[rows] = arrangements;
        }

        _marts[rows] = folder;
        GenerateSmallFiles(_options.CliRuns + 2);
        await ColdCliAsync();
        Targets.EvaluateCold(_options, Results, _report);
    }

    private void Floor()
    {
        FloorReader.Read(_files[_options.Sizes[0]]);
        FloorReader.Read(_files[_options.Medium]);
        foreach (var rows in _options.Sizes)
        {
            var cells = 0L;
            (Results.FloorMs[rows], Results.FloorCpuMs[rows]) = Timing.MedianOf(_options.FloorRuns, () => cells = FloorReader.Read(_files[rows]).Cells);
            _out.WriteLine($"floor {BenchOptions.Label(rows)}: {Results.FloorMs[rows]:N0} ms, {Results.FloorCpuMs[rows]:N0} ms CPU ({cells:N0} cells)");
        }
    }

    private async Task EndToEndAsync()
    {
        // A small file, then the smallest size twice: enough calls for the hot paths to reach tier-1 JIT.
        var smallest = _files[_options.Sizes[0]];
        string[] warmup = [_smallFiles.Dequeue(), smallest, smallest];
        var lines = _report.Section("End-to-end ingest outcomes");
        foreach (var rows in _options.Sizes)
        {
            var large = rows == _options.Large;
            var measurement = await ChildIngest.RunAsync(_files[rows], Folder($"e2e-{rows}"), warmup, large ? 1 : _options.EndToEndRepeats, _options.RegisterPath);
            _endToEnd[rows] = measurement;
            Results.EndToEndMs[rows] = Timing.Median([.. measurement.Ms]);
            Results.EndToEndCpuMs[rows] = Timing.Median([.. measurement.CpuMs]);
            Results.PeakBytes[rows] = measurement.PeakWorkingSetBytes;
            Results.EndToEndRowsRead[rows] = measurement.RowsRead;
            Results.EndToEndArrangements[rows] = measurement.Arrangements;
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"- {BenchOptions.Label(rows)}: {measurement.RowsRead:N0} read, {measurement.RowsAccepted:N0} accepted, {measurement.RowsHeld:N0} held, {measurement.RowsRejected:N0} rejected; {measurement.Arrangements:N0} arrangements in the mart; runs {string.Join(", ", measurement.Ms.Select(m => m.ToString("N0", CultureInfo.InvariantCulture)))} ms ({string.Join(", ", measurement.CpuMs.Select(m => m.ToString("N0", CultureInfo.InvariantCulture)))} ms CPU); peak working set {measurement.PeakWorkingSetBytes / (1024.0 * 1024):N0} MB"));
            _out.WriteLine($"end-to-end {lines[^1][2..]}");
            if (large)
            {
                measurement = measurement with { Stages = await ChildIngest.ProfileAsync(_files[rows], Folder($"profile-{rows}"), warmup, _options.RegisterPath) };
                Results.Stages.AddRange(measurement.Stages);
                var stageLines = _report.Section($"Where the {BenchOptions.Label(rows)} ingest's time goes (stages called directly in a process of their own, fresh mart)");
                var total = measurement.Stages.Where(s => s.InTotal).Sum(s => s.Ms);
                stageLines.Add("| Stage | ms | share | managed memory live after it (compacted) |");
                stageLines.Add("|---|---:|---:|---:|");
                stageLines.AddRange(measurement.Stages.Select(s => string.Create(CultureInfo.InvariantCulture,
                    $"| {s.Stage} | {(s.InTotal || s.Ms > 0 ? s.Ms.ToString("N0", CultureInfo.InvariantCulture) : "")} | {(s.InTotal ? (s.Ms / total).ToString("P0", CultureInfo.InvariantCulture) : "")} | {(s.LiveBytesAfter is { } live ? $"{live / (1024.0 * 1024):N0} MB" : "")} |")));
                stageLines.Add(string.Create(CultureInfo.InvariantCulture, $"| total of the stages | {total:N0} | | |"));
                stageLines.Add("");
                stageLines.Add("The pipeline's own log of the timed ingest:");
                stageLines.Add("");
                stageLines.AddRange(measurement.Log.Select(l => "    " + l));
                foreach (var stage in measurement.Stages)
                {
                    _out.WriteLine($"  stage {stage.Stage}: {stage.Ms:N0} ms{(stage.LiveBytesAfter is { } live ? $", {live / (1024 * 1024):N0} MB live after it" : "")}");
                }
            }
        }
    }

    private async Task NaiveAsync()
    {
        await using (var warm = await BenchMart.OpenAsync(Folder("naive-warmup"), _registerOverride))
        {
            await NaiveIngest.RunAsync(warm, _smallFiles.Dequeue(), _options.NaiveBudget);
        }

        foreach (var rows in _options.NaiveSizes)
        {
            await using var mart = await BenchMart.OpenAsync(Folder($"naive-{rows}"), _registerOverride);
            var naive = await Timing.TimeAsync(() => NaiveIngest.RunAsync(mart, _files[rows], _options.NaiveBudget));
            var run = naive.Result;
            Results.NaiveMs[rows] = run.WholeFileMs;
            Results.NaiveCpuMs[rows] = naive.CpuMs * run.WholeFileMs / run.Ms;
            Results.NaiveLoaded[rows] = run.Loaded;
            if (!run.Completed)
            {
                Results.NaiveStopped[rows] = (run.Ms, run.Read, run.Rows);
            }

            var line = run.Completed
                ? $"- naive {BenchOptions.Label(rows)}: {run.Ms:N0} ms, {naive.CpuMs:N0} ms CPU ({run.Read:N0} read, {run.Loaded:N0} loaded)"
                : $"- naive {BenchOptions.Label(rows)}: stopped at its budget after {run.Ms:N0} ms ({naive.CpuMs:N0} ms CPU), {run.Read:N0} of {run.Rows:N0} rows read, {run.Loaded:N0} loaded; the whole file extrapolated (t = a·n + b·n²) to {run.WholeFileMs:N0} ms";
            _report.Section("Naive way").Add(line);
            _out.WriteLine(line);
        }
    }

    /// <summary>
    /// Marts of (nearly) 1k, 10k, 100k arrangements: the end-to-end ingest's mart, topped up when rows were held or
    /// rejected with a file of the missing number whose partners carry their official names.
    /// </summary>
    private async Task BuildMartsAsync()
    {
        var lines = _report.Section("Marts for refresh and small ingests");
        foreach (var rows in _options.Sizes)
        {
            _marts[rows] = _endToEnd[rows].MartFolder;
            var missing = rows - _endToEnd[rows].Arrangements;
            if (missing <= rows / 50)
            {
                lines.Add($"- {BenchOptions.Label(rows)}: the end-to-end ingest's mart ({_endToEnd[rows].Arrangements:N0} arrangements)");
                continue;
            }

            await using var mart = await BenchMart.OpenAsync(_marts[rows], _registerOverride);
            var ms = await TopUpAsync(mart, rows, _endToEnd[rows].Arrangements);
            var count = await mart.CountArrangementsAsync();
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"- {BenchOptions.Label(rows)}: the end-to-end ingest's mart ({_endToEnd[rows].Arrangements:N0} arrangements) topped up with {missing + (missing / 25):N0} rows with official partner names: {count:N0} arrangements (top-up ingested in {ms:N0} ms)"));
        }

        foreach (var line in lines)
        {
            _out.WriteLine(line);
        }
    }

    /// <summary>Tops the mart up to about <paramref name="rows"/> arrangements with rows whose partners carry their official names; returns the milliseconds it took.</summary>
    private async Task<double> TopUpAsync(BenchMart mart, int rows, int arrangements)
    {
        // A few official-name rows are still rejected (dates the validator does not read), hence the margin.
        var missing = rows - arrangements;
        var topUp = Path.Combine(Folder("files"), $"top-up-{rows}.xlsx");
        new SubmissionGenerator(_register.Authorities, seed: 2_000 + rows, messyShare: 0).WriteXlsx(topUp, missing + (missing / 25));
        return (await Timing.TimeAsync(() => mart.IngestAsync(topUp, DateTimeOffset.UtcNow))).Ms;
    }

    private async Task RefreshAsync()
    {
        await using (var warm = await BenchMart.OpenAsync(Folder("naive-warmup"), _registerOverride))
        {
            await warm.RefreshAsync();
        }

        var lines = _report.Section("Refresh");
        foreach (var rows in _options.Sizes)
        {
            await using var mart = await BenchMart.OpenAsync(_marts[rows], _registerOverride);
            var arrangements = await mart.CountArrangementsAsync();
            mart.Log.Clear();
            var refresh = await Timing.TimeAsync(mart.RefreshAsync);
            Results.RefreshMs[rows] = refresh.Ms;
            Results.RefreshCpuMs[rows] = refresh.CpuMs;
            Results.RefreshFiles[rows] = refresh.Result;
            Results.MartArrangements[rows] = arrangements;
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"- mart of {arrangements:N0} arrangements: {refresh.Ms:N0} ms ({refresh.CpuMs:N0} ms CPU), {refresh.Result} files in the extracts folder"));
            lines.AddRange(mart.Log.Messages.Select(m => "    " + m));
            _out.WriteLine($"refresh {BenchOptions.Label(rows)}: {refresh.Ms:N0} ms, {refresh.CpuMs:N0} ms CPU ({refresh.Result} files)");
        }
    }

    private async Task SmallIntoBigMartsAsync()
    {
        foreach (var rows in _options.Sizes.Skip(1))
        {
            await using var mart = await BenchMart.OpenAsync(_marts[rows], _registerOverride);
            await mart.IngestAsync(_smallFiles.Dequeue(), DateTimeOffset.UtcNow);
            var times = new List<double>();
            var cpu = new List<double>();
            var sql = new List<(long Commands, double Ms, IReadOnlyList<(double Ms, string Sql)> Slowest)>();
            for (var run = 0; run < _options.SmallRuns; run++)
            {
                var file = _smallFiles.Dequeue();
                using var meter = new SqlCommandMeter();
                var timed = await Timing.TimeAsync(() => mart.IngestAsync(file, DateTimeOffset.UtcNow));
                times.Add(timed.Ms);
                cpu.Add(timed.CpuMs);
                sql.Add((meter.Commands, meter.Elapsed.TotalMilliseconds, meter.Slowest));
            }

            // What the database does in a median run: tells a cost that grows with the mart from one that does not.
            var median = sql[times.IndexOf(times.Order().ElementAt(times.Count / 2))];
            var lines = _report.Section($"SQL of a {_options.SmallRows}-row ingest into a mart of {BenchOptions.Label(rows)} arrangements (the median run)");
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{median.Commands:N0} commands, {median.Ms:N0} ms executing them; the slowest:"));
            lines.Add("");
            lines.AddRange(median.Slowest.Select(s => string.Create(CultureInfo.InvariantCulture, $"- {s.Ms:N0} ms: `{s.Sql.Replace('`', '\'')}`")));

            Results.SmallIntoMartMs[rows] = Timing.Median(times);
            Results.SmallIntoMartCpuMs[rows] = Timing.Median(cpu);
            _out.WriteLine($"{_options.SmallRows} rows into the {BenchOptions.Label(rows)} mart: median {Results.SmallIntoMartMs[rows]:N0} ms of {string.Join(", ", times.Select(t => t.ToString("N0", CultureInfo.InvariantCulture)))}");
        }
    }

    private async Task ColdCliAsync()
    {
        if (!File.Exists(ColdCli.BuiltSspPath))
        {
            throw new InvalidOperationException($"{ColdCli.BuiltSspPath} is missing: build the bench project, which builds the cli beside it.");
        }

        var ssp = ColdCli.BuiltSspPath;
        if (_options.RepositoryRoot is { } root)
        {
            var published = Stopwatch.StartNew();
            ssp = await ColdCli.PublishAsync(root, Path.Combine(root, "bench", "bin", "ssp-readytorun"));
            _out.WriteLine($"published ssp ReadyToRun in {published.Elapsed.TotalSeconds:N0} s");
        }

        _report.Section("Cold ssp").Add(_options.RepositoryRoot is null
            ? "- `ssp` is the plain build beside the bench (JIT-compiled at start)."
            : "- `ssp` is the cli published ReadyToRun (`dotnet publish cli -c Release -r <rid> --self-contained false -p:PublishReadyToRun=true`), as the README installs it.");

        // The mart exists already (a council's nth submission), copied afresh for each run; the process is new each time.
        var template = BenchMart.MartPath(_marts[_options.Medium]);
        var times = new List<double>();
        var cpu = new List<double>();
        var exitCodes = new List<int>();
        for (var run = 0; run <= _options.CliRuns; run++)
        {
            var folder = Folder($"cli-{run}");
            var database = Path.Combine(folder, "mart.db");
            File.Copy(template, database, overwrite: true);
            var cli = await ColdCli.IngestAsync(ssp, _smallFiles.Dequeue(), database, Path.Combine(folder, "out"));
            if (run > 0)
            {
                times.Add(cli.Ms);
                cpu.Add(cli.CpuMs ?? double.NaN);
                exitCodes.Add(cli.ExitCode);
            }
        }

        var cold = await ChildIngest.RunColdAsync(_smallFiles.Dequeue(), Folder("cold-child"), template, _options.RegisterPath);
        var lines = _report.Section("Where a cold process's time goes (the same composition as ssp, phases timed in a fresh bench process)");
        lines.Add("| Phase | ms |");
        lines.Add("|---|---:|");
        lines.AddRange(cold.Stages.Select(s => string.Create(CultureInfo.InvariantCulture, $"| {s.Stage} | {s.Ms:N0} |")));
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"| peak working set | {cold.PeakWorkingSetBytes / (1024.0 * 1024):N0} MB |"));

        Results.CliMs = Timing.Median(times);
        Results.CliCpuMs = Timing.Median(cpu);
        Results.CliExitCodes.AddRange(exitCodes);
        var runs = string.Create(CultureInfo.InvariantCulture,
            $"{_options.CliRuns} runs after one unmeasured: {string.Join(", ", times.Select(t => t.ToString("N0", CultureInfo.InvariantCulture)))} ms; processor time {string.Join(", ", cpu.Select(t => t.ToString("N0", CultureInfo.InvariantCulture)))} ms");
        _report.Section("Cold ssp").Add($"- {runs}");
        _out.WriteLine($"ssp ingest {_options.SmallRows} rows, cold process: median {Results.CliMs:N0} ms, {Results.CliCpuMs:N0} ms CPU ({runs})");
        foreach (var stage in cold.Stages)
        {
            _out.WriteLine($"  phase {stage.Stage}: {stage.Ms:N0} ms");
        }
    }

    private string Folder(string name)
    {
        var path = Path.Combine(_options.WorkFolder, name);
        Directory.CreateDirectory(path);
        return path;
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
