using SharedServicesPipeline.HostileFiles;
using SharedServicesPipeline.Pipeline;
using SharedServicesPipeline.Pipeline.Reading;
using SharedServicesPipeline.Pipeline.Submissions;
using SharedServicesPipeline.Tests.Support;
using Xunit.Abstractions;

namespace SharedServicesPipeline.Tests.Security;

/// <summary>
/// Every hostile file of <see cref="HostileCases"/> through a real <c>ssp ingest</c>, each in a process of its own:
/// a clear outcome (the reason code the case expects, a report written, the original left as it was) within
/// 400 MB of peak working set (the child's own, so the cases may run beside other tests). Time is not asserted, only outwaited: a case still running after five minutes hangs (bench hostile prints the times).
/// </summary>
public sealed class HostileFileTests(ITestOutputHelper output)
{
    private const long PeakBound = 400L * 1024 * 1024;
    // Generous: this shared machine has run at a load of 40 on two cores; a quiet one answers the worst case in seconds.
    private static readonly TimeSpan Hang = TimeSpan.FromMinutes(5);

    public static TheoryData<string> Cases => new(HostileCases.All.Select(c => c.ToString()));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_hostile_file_gets_a_clear_outcome_and_its_report_within_400_MB(string name)
    {
        var hostile = HostileCases.All.Single(c => c.ToString() == name);
        using var folder = new TempFolder("ssp-hostile-");
        var file = folder.File(hostile.FileName);
        var bytes = hostile.Build();
        await File.WriteAllBytesAsync(file, bytes);

        var run = await BoundedProcess.RunAsync(Path.Combine(AppContext.BaseDirectory, "ssp.dll"), folder.Path, Hang,
            "ingest", file, "--db", folder.File("mart.db"), "--out", folder.File("out"));

        output.WriteLine($"{hostile}: {bytes.Length / 1024.0:N0} KB; exit {run.ExitCode}, {run.Elapsed.TotalSeconds:N1} s ({run.ProcessorTime.TotalSeconds:N1} s processor), peak {run.PeakWorkingSetBytes / (1024.0 * 1024):N0} MB\n{run.Output}{run.Error}");
        Assert.False(run.TimedOut, $"ssp ingest was still running after {Hang.TotalMinutes} minutes");
        Assert.True(run.PeakWorkingSetBytes > 0, "the peak working set could not be read from /proc");
        Assert.True(run.PeakWorkingSetBytes < PeakBound, $"peak working set {run.PeakWorkingSetBytes / (1024.0 * 1024):N0} MB");
        if (hostile.Code is { } code)
        {
            Assert.Equal(2, run.ExitCode);
            // "FileError: [sheet …, ][row …: ]code: message"
            Assert.Contains(run.Output.Split('\n'), line => line.Contains("FileError: ", StringComparison.Ordinal) && line.Contains($" {code}: ", StringComparison.Ordinal));
        }
        else
        {
            Assert.True(run.ExitCode is 0 or 1, $"exit {run.ExitCode}: {run.Output}{run.Error}");
        }

        Assert.Single(Directory.GetFiles(folder.File("out"), "outcome.json", SearchOption.AllDirectories));
        Assert.Equal(bytes, await File.ReadAllBytesAsync(file));
    }

    [Fact]
    public void Every_outcome_a_hostile_case_expects_is_a_catalogued_reason_that_says_what_to_do()
    {
        var codes = HostileCases.All.Select(c => c.Code).OfType<string>().Distinct().ToList();

        Assert.All(codes, code =>
        {
            Assert.True(ReasonCatalogue.BuiltIn.Contains(code), $"{code} is not in reason_codes.csv");
            Assert.False(string.IsNullOrWhiteSpace(ReasonCatalogue.BuiltIn.Of(code, ProblemSeverity.FileError).Fix));
        });
        Assert.Contains(FileLimitException.PasswordProtected, codes);
        Assert.Contains(FileLimitException.Corrupt, codes);
    }

    [Fact]
    public void The_catalogue_says_what_the_reader_now_detects_for_encrypted_and_damaged_files()
    {
        // An encrypted package, an .xls with Excel's built-in password (never decrypted), and damage found by parsing a
        // compound file's structure are what the reader refuses; the texts must not promise a repair it cannot do.
        var protectedFile = ReasonCatalogue.BuiltIn.Of(FileLimitException.PasswordProtected, ProblemSeverity.FileError);
        var corrupt = ReasonCatalogue.BuiltIn.Of(FileLimitException.Corrupt, ProblemSeverity.FileError);

        Assert.Contains("built-in password", protectedFile.Explanation, StringComparison.Ordinal);
        Assert.Contains("never decrypt", protectedFile.Explanation, StringComparison.Ordinal);
        Assert.Contains("Read-only recommended", protectedFile.Fix, StringComparison.Ordinal);
        Assert.Contains(".xls", corrupt.Explanation, StringComparison.Ordinal);
        Assert.Contains("zip directory", corrupt.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_csv_of_formulas_is_reported_back_in_text_cells_marked_as_typed_text()
    {
        using var folder = new TempFolder("ssp-formulas-");
        var file = folder.File("formulas.csv");
        await File.WriteAllTextAsync(file, HostileCsvCases.Formulas(60));

        var run = await BoundedProcess.RunAsync(Path.Combine(AppContext.BaseDirectory, "ssp.dll"), folder.Path, Hang,
            "ingest", file, "--db", folder.File("mart.db"), "--out", folder.File("out"));

        Assert.True(run.ExitCode is 0 or 1, $"exit {run.ExitCode}: {run.Output}{run.Error}");
        var reports = Directory.GetFiles(folder.File("out"), "*.xlsx", SearchOption.AllDirectories);
        Assert.NotEmpty(reports);
        var formulaLike = 0;
        foreach (var report in reports)
        {
            using var workbook = new ClosedXML.Excel.XLWorkbook(report);
            foreach (var cell in workbook.Worksheets.SelectMany(w => w.CellsUsed()))
            {
                Assert.False(cell.HasFormula, $"{cell.Address} holds the formula {cell.FormulaA1}");
                if (Pipeline.Reporting.FormulaGuard.IsFormulaLike(cell.GetString()))
                {
                    formulaLike++;
                    Assert.True(cell.Style.IncludeQuotePrefix, $"{cell.Address} '{cell.GetString()}' is not marked as typed text");
                }
            }
        }

        Assert.True(formulaLike >= HostileCsvCases.FormulaCells.Length, $"{formulaLike} formula-like cells reported back");
    }

    [Fact]
    public void Each_class_has_a_worst_case_for_the_bench()
    {
        var classes = HostileCases.All.GroupBy(c => c.Class).ToList();
        Assert.All(classes, c => Assert.Single(c, h => h.Worst));
        Assert.True(classes.Count >= 10, $"{classes.Count} classes");
    }

    [Theory]
    [InlineData("directory.xlsx")]
    [InlineData("empty-strings.xlsx")]
    [InlineData("huge-attribute.xlsx")]
    public void The_reader_bounds_what_it_inflates_on_its_own_without_the_zip_guard(string fileName)
    {
        // Where bytes are inflated, they are counted: our reader opened without the guard's check first still refuses.
        var bytes = HostileCases.All.Single(c => c.FileName == fileName).Build();
        var allocated = GC.GetAllocatedBytesForCurrentThread();

        var refused = Assert.Throws<FileLimitException>(() =>
        {
            using var reader = WorkbookReaders.Open(new MemoryStream(bytes), SubmissionFormat.OpenXml);
            while (reader.Read())
            {
            }
        });

        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        Assert.Contains(refused.Code, (string[])[HostileCases.TooManyStrings, HostileCases.InflatesTooFar, HostileCases.BeyondExcel]);
        Assert.True(allocated < 200L * 1024 * 1024, $"reading allocated {allocated:N0} bytes");
    }

    [Fact]
    public void A_row_whose_cells_name_a_huge_shared_string_in_turn_is_refused_before_it_holds_more_than_a_rows_limit()
    {
        // Two strings of a million characters that share a place in the table's cache, named in turn by 1,000 cells a
        // row: each cell's string made anew, 2 GB of text a row if the row held them all.
        var bytes = HostileStringReadCases.AlternatingWorkbook(1_000_000, 1_000, 3);
        var allocated = GC.GetAllocatedBytesForCurrentThread();

        var read = new SubmissionReader(new IntakeOptions(), HeaderSynonyms.BuiltIn).Read(new MemoryStream(bytes), "return.xlsx");

        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        var refused = Assert.Single(read.Problems, p => p.Severity == ProblemSeverity.FileError);
        Assert.Equal(HostileCases.RowTooLong, refused.Code);
        // Named by its own code and row (the first after the header and two valid rows), not as beyond Excel: it is not.
        Assert.True(refused.Message.StartsWith("return.xlsx has a row, row 4, holding more than 4,194,304 characters of text", StringComparison.Ordinal), refused.Message);
        Assert.True(allocated < 100L * 1024 * 1024, $"reading allocated {allocated:N0} bytes");
    }

    [Fact]
    public void A_fault_of_ours_while_reading_is_thrown_not_reported_as_an_unreadable_file()
    {
        // The onRow callback runs inside the reader's read; a NullReferenceException there is our bug, not the file's.
        var reader = new SubmissionReader(new IntakeOptions(), HeaderSynonyms.BuiltIn);

        Assert.Throws<NullReferenceException>(() => reader.Read(new MemoryStream(new WorkbookParts().Build()), "return.xlsx", _ => throw new NullReferenceException()));
        Assert.Throws<IndexOutOfRangeException>(() => reader.Read(new MemoryStream(new BiffWorkbook().ValidSheet().BuildXls()), "return.xls", _ => throw new IndexOutOfRangeException()));
    }

    [Fact]
    public void The_valid_workbooks_the_generator_writes_are_read_in_full()
    {
        // The control: the cases' raw zip, compound file and BIFF writers make files our reader and ExcelDataReader read.
        var reader = new SubmissionReader(new IntakeOptions(), HeaderSynonyms.BuiltIn);

        var xlsx = reader.Read(new MemoryStream(new WorkbookParts().Build()), "return.xlsx");
        var xls = reader.Read(new MemoryStream(new BiffWorkbook().ValidSheet().BuildXls()), "return.xls");

        Assert.Equal((2, false), (xlsx.RowsRead, xlsx.HasFileError));
        Assert.Equal((2, false), (xls.RowsRead, xls.HasFileError));
        Assert.Equal("Shared legal service", xls.Rows[0].Text(Pipeline.Reading.TemplateColumn.Arrangement));
    }
}
