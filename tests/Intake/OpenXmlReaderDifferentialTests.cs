using SharedServicesPipeline.Pipeline;
using SharedServicesPipeline.Pipeline.Reading;
using SharedServicesPipeline.Pipeline.Reference;
using SharedServicesPipeline.Tests.Bench;
using SharedServicesPipeline.Tests.Fuzz;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Intake;

/// <summary>
/// Our .xlsx reader against ExcelDataReader, which read every .xlsx before it and stays the oracle: on every workbook
/// the tests have (committed test files, the samples, the builders' workbooks, the fuzz corpus's seeds, the bench's
/// generated submissions), both give the same sheets, visibility, merged ranges and cell values row by row, and
/// <see cref="SubmissionReader"/> gives the same outcome over either. Where ours deliberately differs, the focused
/// tests in <see cref="OpenXmlReaderTests"/> name the case and why; none of these files has such a case.
/// </summary>
public sealed class OpenXmlReaderDifferentialTests
{
    private const string Partners = "Essex County Council; Slough Borough Council";

    public static TheoryData<string> Workbooks => new(Corpus().Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Workbooks))]
    public void Both_readers_give_the_same_sheets_visibility_merges_and_cells(string name)
    {
        var bytes = Corpus().Single(c => c.Name == name).Bytes();
        if (ZipBombGuard.Check(new MemoryStream(bytes), name, new IntakeOptions()) is { } refused)
        {
            Assert.Contains(refused.Code, (string[])["file.not-a-spreadsheet", "file.unsupported-format", "file.corrupt", "file.xml-doctype", "file.inflates-too-far", "file.too-many-parts"]);
            return; // never opened by either reader
        }

        var oracle = WorkbookSnapshot.Of(bytes, excelDataReader: true);
        var ours = WorkbookSnapshot.Of(bytes, excelDataReader: false);
        if (ours.Failure?.StartsWith(nameof(FileLimitException), StringComparison.Ordinal) == true)
        {
            return; // past a limit that bounds our reading (ReadLimits), which ExcelDataReader has not: refused on purpose
        }

        Assert.True(ours.DifferenceFrom(oracle) is null, $"{name}: {ours.DifferenceFrom(oracle)}");
        Assert.True(oracle.Sheets.Count > 0 || oracle.Failure is not null, "the corpus file has no sheets: it proves nothing");
    }

    [Theory]
    [MemberData(nameof(Workbooks))]
    public void The_submission_reader_gives_the_same_outcome_rows_and_problems_over_either_reader(string name)
    {
        var comparison = ReaderComparison.Of(Corpus().Single(c => c.Name == name).Bytes(), name);
        if (comparison.OurCode is "file.beyond-excel-limits" or "file.too-many-strings")
        {
            return; // past a limit that bounds our reading (ReadLimits), which ExcelDataReader has not: refused on purpose
        }

        Assert.True(comparison.Difference() is null, $"{name}: {comparison.Difference()}");
    }

    [Fact]
    public void The_corpus_holds_every_committed_workbook_and_the_samples()
    {
        var names = Corpus().Select(c => c.Name).ToHashSet();
        var committed = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestData"), "*.xls?", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(RepositoryPaths.Samples, "*.xls?"))
            .Where(p => p.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".xlsm", StringComparison.OrdinalIgnoreCase))
            .Select(Path.GetFileName);

        Assert.All(committed, n => Assert.Contains(n!, names));
        Assert.True(names.Count >= 30, $"{names.Count} workbooks");
    }

    private sealed record Case(string Name, Func<byte[]> Bytes);

    private static IEnumerable<Case> Corpus()
    {
        foreach (var path in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestData"), "*", SearchOption.AllDirectories)
                     .Concat(Directory.GetFiles(RepositoryPaths.Samples))
                     .Where(p => Path.GetExtension(p).ToLowerInvariant() is ".xlsx" or ".xlsm")
                     .Order(StringComparer.Ordinal))
        {
            yield return new(Path.GetFileName(path), () => File.ReadAllBytes(path));
        }

        foreach (var seed in FuzzSeeds.Zips.Where(s => !s.Name.EndsWith(".xlsx", StringComparison.Ordinal) || !File.Exists(Path.Combine(RepositoryPaths.Samples, s.Name))))
        {
            yield return new("fuzz seed " + seed.Name, () => seed.Bytes);
        }

        foreach (var malformed in MalformedCorpus.All.Where(c => c.Name.EndsWith(".xlsx", StringComparison.Ordinal) && !c.Name.StartsWith("zip-bomb", StringComparison.Ordinal)
                                                                 && !File.Exists(Path.Combine(AppContext.BaseDirectory, "TestData", "intake", "malformed", c.Name))))
        {
            yield return new("built " + malformed.Name, malformed.Bytes);
        }

        var register = AuthorityRegister.WithOverrides(new StringReader(BenchRegister.Csv)).Authorities;
        yield return new("bench generator, 300 rows", () =>
        {
            using var stream = new MemoryStream();
            new SharedServicesPipeline.Bench.Generation.SubmissionGenerator(register, seed: 1_300, messyShare: 0.35).WriteXlsx(stream, 300);
            return stream.ToArray();
        });
        yield return new("intake-memory generator, 300 rows", () =>
        {
            using var folder = new TempFolder();
            var path = Path.Combine(folder.Path, "submission.xlsx");
            SharedServicesPipeline.Bench.Intake.SubmissionGenerator.WriteXlsx(path, 300);
            return File.ReadAllBytes(path);
        });

        foreach (var (name, builder) in Builders())
        {
            yield return new("builder " + name, builder.Build);
        }
    }

    // The shapes the reader's tests build: merges, hidden and guidance sheets, formulas, dates, numbers, blank rows, wide partners.
    private static IEnumerable<(string, WorkbookBuilder)> Builders()
    {
        yield return ("template with every kind of value", new WorkbookBuilder().TemplateSheet("Arrangements",
            WorkbookBuilder.Row("Shared legal", Partners, reference: "R01", start: new DateTime(2011, 4, 1), end: "31/03/2015", annualSavings: 125_000, savingsToDate: 12.5m),
            WorkbookBuilder.Row("Joint waste", "Kent County Council; Maidstone Borough Council", service: "Waste", start: 2010, annualSavings: "£1,200", savingsToDate: -3.25),
            WorkbookBuilder.Row("Total", "", service: "")));
        yield return ("merged service area, title row and notes", new WorkbookBuilder()
            .Sheet("Arrangements",
                ["Shared services return 2011-12"],
                ["Please fill in one row per arrangement"],
                ["Arrangement", "Partners", "Service area", "Description", "Notes"],
                ["Shared legal", Partners, "Legal", "One team", null],
                ["Legal advice", Partners, null, null, null],
                ["Museums", Partners, "Museums", null, "note"])
            .Merge("Arrangements", "A1:E1")
            .Merge("Arrangements", "C4:C5")
            .Merge("Arrangements", "D4:E4"));
        yield return ("guidance, hidden and data sheets", new WorkbookBuilder()
            .Sheet("Guidance", ["Arrangement", "Partners", "Service area"], ["Example shared service", Partners, "Legal"])
            .Sheet("Lists", ["Legal"], ["ICT"])
            .TemplateSheet("Return", WorkbookBuilder.Row("Shared ICT", Partners, service: "ICT"))
            .Hide("Lists"));
        yield return ("formulas with cached values", new WorkbookBuilder().WithCachedFormulaValues()
            .Sheet("Arrangements", ["Arrangement", "Partners", "Service area", "Annual savings (£)"], ["Shared legal", Partners, "Legal", "=1000*12"], ["=\"Joint \"&\"waste\"", Partners, "Waste", "=SUM(D2:D2)"]));
        yield return ("blank rows between arrangements", new WorkbookBuilder().Sheet("Arrangements",
            ["Arrangement", "Partners", "Service area"], [null, null, null], ["Shared legal", Partners, "Legal"], [null, null, null], [null, null, null], ["Shared HR", Partners, "HR"]));
        yield return ("wide partner columns", new WorkbookBuilder().Sheet("Arrangements",
            ["Arrangement", "Partner 1", "Partner 1 tier", "Partner 2", "Service area"], ["Shared legal", "Essex County Council", "county", "Slough Borough Council", "Legal"]));
        yield return ("two data sheets", new WorkbookBuilder()
            .TemplateSheet("North", WorkbookBuilder.Row("Shared legal", Partners))
            .TemplateSheet("South", WorkbookBuilder.Row("Shared audit", Partners, service: "Internal audit")));
    }
}
