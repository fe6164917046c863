using System.Globalization;
using System.Text;
using SharedServicesPipeline.HostileFiles;
using SharedServicesPipeline.Pipeline;
using SharedServicesPipeline.Pipeline.Reading;
using SharedServicesPipeline.Pipeline.Reference;
using SharedServicesPipeline.Pipeline.Validation;

namespace SharedServicesPipeline.Bench.Hostile;

/// <summary>
/// The rates <see cref="WorkCost"/> assumes, measured again: each probe is a file shaped to be dominated by one kind of
/// work, run through a cold <c>ssp ingest</c> with the budget lifted (so it does all its work), and charged in this
/// process exactly as the ingest charges it. The work took what the child's processor time says, less the cold start;
/// it was charged what the budget says. Measured ÷ charged at or under 1 is what makes the budget a bound; the implied
/// rate is what one unit of the probe's main work cost, the rest of its charge taken as measured.
/// </summary>
internal static class WorkRates
{
    private sealed record Probe(string Name, string Unit, string FileName, Func<byte[]> Build, Func<(double Bytes, double Rows, double Partners, double Pairs, double Matching, double Strings), double> Main, Func<WorkBudget, double> Units, double Assumed);

    private static IReadOnlyList<Probe> Probes =>
    [
        new("rows, every column filled (.csv)", "µs a row", "costly-rows.csv", () => Csv(HostileWorkCases.CostlyRowsCsvText(30_000)), s => s.Rows, w => w.Rows, WorkCost.Row / 1000),
        new("rows, every column filled (.xlsx)", "µs a row", "costly-rows.xlsx", () => HostileWorkCases.CostlyRowsWorkbook(30_000), s => s.Rows, w => w.Rows, WorkCost.Row / 1000),
        new("1,100 register names a row, 150 rows", "µs a partner loaded", "many-partners.csv", () => HostileWorkCases.ManyPartnersCsv(150), s => s.Partners, w => w.AcceptedPartners, WorkCost.BridgeRow / 1000),
        new("made-up names, 200 a row, 300 rows", "µs a new name", "distinct-names.csv", () => HostileWorkCases.DistinctNamesCsv(200, 300), s => s.Matching, w => w.DistinctNames, WorkCost.DistinctName / 1000),
        new("made-up names cut 13 ways, 3 lines a cell, 1,000 rows", "µs a lookup", "cut-names.csv", () => HostileWorkCases.CutNamesCsv(1_000), s => s.Matching, w => w.Matching.Lookups, WorkCost.Lookup / 1000),
        new("names of 32,767 letters, 150 rows", "ns a character", "long-names.csv", () => HostileWorkCases.LongNamesCsv(150, HostileWorkCases.ExcelCellChars), s => s.Matching, w => w.Matching.Chars, WorkCost.NameChar),
        new("cells naming a 35 MB table's strings in a jumping order, 900 rows", "µs a string made and read from the file", "scattered-strings.xlsx", () => HostileStringReadCases.Workbook(900, HostileStringReadCases.StringOrder.Scattered), s => s.Strings, w => w.SharedStrings.FileReads, (WorkCost.SharedString + WorkCost.SharedStringRead + (77 * (WorkCost.SharedStringByte + WorkCost.SharedStringReadByte))) / 1000),
        new("cells naming two strings of 32,767 characters in turn, 100 a row, 3,000 rows", "ns a byte of a string made", "alternating-long-strings.xlsx", () => HostileStringReadCases.AlternatingWorkbook(32_767, 100, 3_000), s => s.Strings, w => w.SharedStrings.Made * 32_767.0, WorkCost.SharedStringByte),
        new("40 cells of 1 MB (.csv bytes)", "ns a byte", "huge-cells.csv", () => HostileCsvCases.All.Single(c => c.FileName == "huge-cells.csv").Build(), s => s.Bytes, w => w.Bytes, WorkCost.FileByte),
    ];

    public static async Task WriteAsync(string ssp, string work, StringBuilder report, TextWriter output, string? onlyFile = null)
    {
        report.AppendLine();
        report.AppendLine("## The work budget's rates, measured again");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Each probe through a cold `ssp ingest` with `Intake:MaxWorkSeconds` lifted, its processor time less the {WorkCost.ColdStartSeconds} s cold start beside what the budget charged it (default budget {new IntakeOptions().MaxWorkSeconds:N1} s).");
        report.AppendLine();
        report.AppendLine("| Probe | Charged s | Took s | Took ÷ charged | Main unit | Assumed | Implied |");
        report.AppendLine("|---|---:|---:|---:|---|---:|---:|");
        var lifted = new Dictionary<string, string> { ["SSP_Intake__MaxWorkSeconds"] = Scenarios.BenchMart.Lifted };
        foreach (var probe in Probes.Where(p => onlyFile is null || p.FileName == onlyFile))
        {
            var folder = Path.Combine(work, "rate-" + probe.FileName.Replace('.', '-'));
            Directory.CreateDirectory(folder);
            var file = Path.Combine(folder, probe.FileName);
            var bytes = probe.Build();
            await File.WriteAllBytesAsync(file, bytes);
            var charged = Charge(bytes, probe.FileName);
            var run = await BoundedProcess.RunAsync(ssp, folder, TimeSpan.FromMinutes(5), lifted, "ingest", file, "--db", Path.Combine(folder, "mart.db"), "--out", Path.Combine(folder, "out"));
            var took = run.ProcessorTime.TotalSeconds - WorkCost.ColdStartSeconds;
            var main = probe.Main(charged.SpentSecondsOn);
            var units = probe.Units(charged);
            var implied = units > 0 ? (took - (charged.SpentSeconds - main)) / units * (probe.Unit.StartsWith("µs", StringComparison.Ordinal) ? 1e6 : 1e9) : double.NaN;
            var line = string.Create(CultureInfo.InvariantCulture,
                $"| {probe.Name} | {charged.SpentSeconds:N2} | {took:N2}{(run.ExitCode is 0 or 1 ? "" : $" (exit {run.ExitCode})")} | {took / charged.SpentSeconds:N2} | {probe.Unit} | {probe.Assumed:N2} | {implied:N2} |");
            report.AppendLine(line);
            output.WriteLine(line);
        }

        report.AppendLine();
        report.AppendLine("Implied: what one unit of the probe's main work took, the rest of its charge taken as what that rest cost; below zero where the rest's charge alone is more than the whole probe took (a row's bridge rows, 60 µs each, are charged beside it).");
    }

    /// <summary>What the ingest charges <paramref name="bytes"/>: the reader and a validator charging one unlimited budget, as <c>StreamedSubmissionRows</c> does.</summary>
    private static WorkBudget Charge(byte[] bytes, string fileName)
    {
        var work = WorkBudget.Unlimited;
        var validator = new ArrangementValidator(AuthorityMatcher.CreateBuiltIn(), ServiceAreaTaxonomy.BuiltIn).Charging(work);
        new SubmissionReader(new IntakeOptions(), HeaderSynonyms.BuiltIn).Read(new MemoryStream(bytes), fileName, row =>
        {
            if (validator.Validate(row) is { Outcome: RowOutcome.Accepted, Record: { } record })
            {
                work.ChargeAcceptedPartners(record.Partners.Count);
            }
        }, work);
        return work;
    }

    private static byte[] Csv(string text) => new UTF8Encoding(false).GetBytes(text);
}
