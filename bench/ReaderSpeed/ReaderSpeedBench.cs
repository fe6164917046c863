using System.Diagnostics;
using System.Globalization;
using SharedServicesPipeline.Bench.Generation;
using SharedServicesPipeline.Bench.Measurement;
using SharedServicesPipeline.Bench.Scenarios;
using SharedServicesPipeline.Pipeline;
using SharedServicesPipeline.Pipeline.Reading;
using SharedServicesPipeline.Pipeline.Reading.OpenXml;
using SharedServicesPipeline.Pipeline.Reference;

namespace SharedServicesPipeline.Bench.ReaderSpeed;

/// <summary>
/// The .xlsx reader against the floor, on the bench's generated submission: our reader and ExcelDataReader, alone
/// and through <see cref="SubmissionReader"/> (with a row handler that does nothing), the zip guard and the merge scan
/// that come with them; wall and processor time (median of several runs), the managed memory held half-way through
/// the read, and each variant's peak working set in a process of its own.
/// </summary>
internal static class ReaderSpeedBench
{
    public const string Command = "reader";

    private static readonly (string Name, Func<string, long> Run)[] Variants =
    [
        ("floor (inflate + XmlReader, every cell a string)", path => FloorReader.Read(path).Cells),
        ("zip guard alone (ZipBombGuard: SharpZipLib inflates every part)", Guard),
        ("merge scan alone (inflate the sheet, search its bytes)", MergeScan),
        ("ExcelDataReader alone (every cell's value)", path => EveryCell(path, excelDataReader: true)),
        ("our reader alone (every cell's value)", path => EveryCell(path, excelDataReader: false)),
        ("SubmissionReader over ExcelDataReader (no-op onRow)", path => ThroughSubmissionReader(path, excelDataReader: true, null)),
        ("SubmissionReader over our reader (no-op onRow)", path => ThroughSubmissionReader(path, excelDataReader: false, null)),
    ];

    /// <summary>
    /// <c>reader [--rows N] [--runs R] [--file F] [--work DIR] [--register CSV] [--no-peaks]</c>;
    /// <c>reader --child I F</c> runs variant I once and prints its peak working set.
    /// </summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        if (Value("--child") is { } child)
        {
            var variant = Variants[int.Parse(child, CultureInfo.InvariantCulture)];
            var count = variant.Run(args[^1]);
            using var self = Process.GetCurrentProcess();
            self.Refresh();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"PEAK {self.PeakWorkingSet64} {count}"));
            return 0;
        }

        var rows = int.Parse(Value("--rows") ?? "100000", CultureInfo.InvariantCulture);
        var runs = int.Parse(Value("--runs") ?? "5", CultureInfo.InvariantCulture);
        var work = Value("--work") ?? Path.Combine(Path.GetTempPath(), "ssp-reader-bench");
        Directory.CreateDirectory(work);
        var register = RegisterSource.Effective(Value("--register"));
        var file = Value("--file") ?? Generate(work, rows, register);
        var small = Generate(work, Math.Min(rows, 1_000), register);
        output.WriteLine($"{Path.GetFileName(file)}: {new FileInfo(file).Length / 1048576.0:0.0} MB; {runs} runs each, median (all runs in brackets)");

        foreach (var (name, run) in Variants)
        {
            run(small);
            run(small);
            var wall = new List<double>();
            var cpu = new List<double>();
            long count = 0;
            for (var i = 0; i < runs; i++)
            {
                GC.Collect();
                var timed = Timing.Time(() => count = run(file));
                wall.Add(timed.Ms);
                cpu.Add(timed.CpuMs);
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}: {Timing.Median(wall):N0} ms wall, {Timing.Median(cpu):N0} ms CPU [{string.Join(", ", wall.Select(w => w.ToString("N0", CultureInfo.InvariantCulture)))}] ({count:N0})"));
        }

        foreach (var excelDataReader in new[] { true, false })
        {
            var before = LiveMemory.Bytes();
            long held = 0;
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            ThroughSubmissionReader(file, excelDataReader, row =>
            {
                if (row.RowNumber == (rows / 2) + 1)
                {
                    held = LiveMemory.Bytes() - before;
                }
            });
            allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"memory, SubmissionReader over {(excelDataReader ? "ExcelDataReader" : "our reader")}: {held / 1048576.0:N1} MB managed memory live half-way through, {allocated / 1048576.0:N0} MB allocated in all"));
        }

        using (var reader = OpenXmlWorkbookReader.Open(File.OpenRead(file)))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"our shared strings: {reader.SharedStrings.Count:N0} strings in {reader.SharedStrings.BytesHeld / 1048576.0:N1} MB of memory and {reader.SharedStrings.BytesSpilled / 1048576.0:N1} MB in a temporary file"));
        }

        for (var i = 0; i < (args.Contains("--no-peaks") ? 0 : Variants.Length); i++)
        {
            var result = await ChildProcess.RunDotnetAsync(["exec", typeof(ReaderSpeedBench).Assembly.Location, Command, "--child", i.ToString(CultureInfo.InvariantCulture), file]);
            var line = result.Output.Split('\n').FirstOrDefault(l => l.StartsWith("PEAK ", StringComparison.Ordinal));
            output.WriteLine(line is null
                ? $"peak working set, {Variants[i].Name}: the child failed ({result.Error.Trim()})"
                : string.Create(CultureInfo.InvariantCulture, $"peak working set, {Variants[i].Name}: {long.Parse(line.Split(' ')[1], CultureInfo.InvariantCulture) / 1048576.0:N0} MB (a process doing only that)"));
        }

        return 0;
    }

    private static string Generate(string work, int rows, AuthorityRegister register)
    {
        var path = Path.Combine(work, $"submission-{rows}.xlsx");
        if (!File.Exists(path))
        {
            new SubmissionGenerator(register.Authorities, seed: 1_000 + rows).WriteXlsx(path, rows);
        }

        return path;
    }

    private static long Guard(string path)
    {
        using var content = File.OpenRead(path);
        return ZipBombGuard.Check(content, Path.GetFileName(path), new IntakeOptions()) is null ? 1 : 0;
    }

    private static long MergeScan(string path)
    {
        using var zip = System.IO.Compression.ZipFile.OpenRead(path);
        return MergeCellScan.Scan(() => zip.GetEntry("xl/worksheets/sheet1.xml")!.Open())?.Count ?? -1;
    }

    private static long EveryCell(string path, bool excelDataReader)
    {
        using var content = File.OpenRead(path);
        using var reader = WorkbookReaders.Open(content, SubmissionFormat.OpenXml, excelDataReader);
        long cells = 0;
        do
        {
            _ = reader.MergeCells;
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    cells += reader.GetValue(i) is null ? 0 : 1;
                }
            }
        }
        while (reader.NextResult());

        return cells;
    }

    private static long ThroughSubmissionReader(string path, bool excelDataReader, Action<SubmissionRow>? onRow)
    {
        using var content = File.OpenRead(path);
        var reader = new SubmissionReader(Scenarios.BenchMart.Options, HeaderSynonyms.BuiltIn) { OpenXmlThroughExcelDataReader = excelDataReader };
        var result = reader.Read(content, Path.GetFileName(path), onRow ?? (_ => { }));
        return result.HasFileError ? -1 : result.RowsRead;
    }
}
