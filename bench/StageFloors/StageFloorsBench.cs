using System.Globalization;
using SharedServicesPipeline.Bench.Generation;
using SharedServicesPipeline.Bench.Measurement;
using SharedServicesPipeline.Bench.Scenarios;

namespace SharedServicesPipeline.Bench.StageFloors;

/// <summary>
/// <c>stages [--rows 100000] [--work DIR] [--register CSV] [--keep]</c>: the one run for issue 22's figures. Generates the
/// bench's submission (same generator and seeds as the full run), times the read floor, ingests the file end to end in a
/// process of its own (time, peak working set), then profiles the stages in another, with the load and match floors
/// measured in that same process right after them. Prints every stage beside its floor, the end-to-end ratio to the read
/// floor and the peak, with the machine's load average before and after.
/// </summary>
internal static class StageFloorsBench
{
    public const string Command = "stages";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var rows = Value("--rows") is { } r ? int.Parse(r, CultureInfo.InvariantCulture) : 100_000;
        var work = Value("--work") ?? Path.Combine(Path.GetTempPath(), "ssp-stages-" + Guid.NewGuid().ToString("N")[..8]);
        var registerPath = Value("--register");
        var register = RegisterSource.Effective(registerPath);
        Directory.CreateDirectory(work);
        output.WriteLine($"stages: {rows:N0} rows in {work} on {Reporting.MachineInfo.Describe()}");
        try
        {
            var file = Generate(register, work, rows, 1_000 + rows);
            string[] warmup = [Generate(register, work, 50, 50_000), Generate(register, work, 1_000, 2_000), Generate(register, work, 1_000, 2_000)];

            FloorReader.Read(warmup[1]);
            var (floorMs, floorCpuMs) = Timing.MedianOf(3, () => FloorReader.Read(file));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"read floor (inflate + XmlReader, median of 3): {floorMs:N0} ms, {floorCpuMs:N0} ms CPU"));

            // Fresh marts every run, --keep or not: in a kept mart the same file is a duplicate, and nothing is loaded.
            var e2e = await ChildIngest.RunAsync(file, Fresh(Path.Combine(work, "e2e")), warmup, 1, registerPath);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"end to end (own process, warmed up on three small files first, as a worker that has served others): {e2e.Ms[0]:N0} ms ({e2e.CpuMs[0]:N0} ms CPU) = {e2e.Ms[0] / floorMs:0.0}× the read floor (target ≤ 3×); peak working set {e2e.PeakWorkingSetBytes / (1024.0 * 1024):N0} MB; {e2e.RowsAccepted:N0} accepted, {e2e.RowsHeld:N0} held, {e2e.RowsRejected:N0} rejected"));

            // The product's own process, cold, as an operator runs it: what a host holds for this file, with nothing of the
            // bench's (its warm-up files, its generator) in the same process.
            var (sspMs, sspPeak) = await ColdCli.IngestLiftedAsync(ColdCli.BuiltSspPath, file, Fresh(Path.Combine(work, "ssp")));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ssp ingest (the cli, cold, its own process): {sspMs:N0} ms; peak working set {sspPeak / (1024.0 * 1024):N0} MB (target ≤ 250 MB)"));

            var stages = await ChildIngest.ProfileAsync(file, Fresh(Path.Combine(work, "profile")), warmup, registerPath);
            output.WriteLine("stages (each called directly, in a process of its own, fresh mart; FLOOR lines are not part of the total):");
            foreach (var stage in stages)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {stage.Ms,9:N0} ms  {stage.Stage}{(stage.LiveBytesAfter is { } live ? $" [{live / (1024.0 * 1024):N0} MB live after]" : "")}"));
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {stages.Where(s => s.InTotal).Sum(s => s.Ms),9:N0} ms  total of the stages"));
            output.WriteLine($"load average after: {LoadAverage()}");
            return 0;
        }
        finally
        {
            if (!args.Contains("--keep"))
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                try
                {
                    Directory.Delete(work, recursive: true);
                }
                catch (IOException)
                {
                    // Left for the temp folder's own cleaning.
                }
            }
        }
    }

    private static string Generate(Pipeline.Reference.AuthorityRegister register, string work, int rows, int seed)
    {
        var path = Path.Combine(work, $"submission-{rows}-{seed}.xlsx");
        if (!File.Exists(path))
        {
            new SubmissionGenerator(register.Authorities, seed, 0.35).WriteXlsx(path, rows);
        }

        return path;
    }

    private static string Fresh(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        return folder;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
