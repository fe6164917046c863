namespace SharedServicesPipeline.Pipeline;

/// <summary>Limits that protect the pipeline from files it should not try to read (configuration section <c>Intake</c>).</summary>
public sealed class IntakeOptions
{
    public const string Section = "Intake";

    /// <summary>Largest file accepted, in bytes (default 50 MB).</summary>
    public long MaxFileBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>Most data rows accepted in one submission.</summary>
    public int MaxRows { get; set; } = 200_000;

    /// <summary>
    /// Most bytes reading one .xlsx may inflate, per submission: its parts together (checked by the zip bomb guard before
    /// inflating), and every opening of a part by the reader together (a sheet scanned for merges and then read counts
    /// twice). This is what bounds a submission's time whatever it contains: at the slowest rate the reader parses
    /// anything (<see cref="Reading.ReadCost"/>), the default is answered within the 15 s bound. Raise it only with that
    /// arithmetic redone.
    /// </summary>
    public long MaxInflatedBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>
    /// Processor seconds of work one submission may cost after its cold start, every stage charging it at the rates of
    /// <see cref="WorkCost"/>: bytes read or inflated, rows, partner names, names the matcher works out, pairs of partners.
    /// A file past it is refused as a whole (<c>file.too-much-work</c>). The default, 15 s less the 3.5 s cold start, is
    /// what answers every file within the 15 s bound; a return of a few thousand rows uses a few percent of it. Raise it
    /// only where that bound does not matter (a benchmark of a 100,000-row file).
    /// </summary>
    public double MaxWorkSeconds { get; set; } = WorkCost.LargestWorkSeconds;

    /// <summary>Largest inflate ratio of any one part of an .xlsx.</summary>
    public int MaxCompressionRatio { get; set; } = 200;

    /// <summary>
    /// Most shared strings a workbook may hold (.xlsx shared strings part, .xls SST), whatever its size; a smaller file is
    /// held to fewer (see <see cref="Reading.ReadLimits"/>: one string per byte of the file, plus 65,536).
    /// </summary>
    public int MaxSharedStrings { get; set; } = 2_000_000;

    /// <summary>
    /// Most bytes of text (UTF-8) the shared strings may hold, whatever the file's size; a smaller file is held to less
    /// (32 bytes of text per byte of the file, plus 16 MB).
    /// </summary>
    public long MaxSharedStringBytes { get; set; } = 128L * 1024 * 1024;

    /// <summary>Most parts (files inside the zip) an .xlsx may have; a real workbook has a few dozen.</summary>
    public int MaxZipEntries { get; set; } = 10_000;

    /// <summary>Most non-blank cells a header row may have before the sheet is refused as not a submission.</summary>
    public int MaxColumns { get; set; } = 500;

    /// <summary>
    /// The report workbook shows every submitted row when the submission has at most this many rows; above it, only the
    /// rows with problems (and says so), so that a huge file's report stays quick to write and open.
    /// </summary>
    public int ReportAllRowsUpTo { get; set; } = 1_000;

    /// <summary>Most rows with problems shown in the report workbook; the outcome JSON lists more (<see cref="MaxListedProblems"/>).</summary>
    public int ReportMaxProblemRows { get; set; } = 1_000;

    /// <summary>Most problems listed on the report workbook's Problems sheet; the outcome JSON lists more (<see cref="MaxListedProblems"/>).</summary>
    public int ReportMaxProblems { get; set; } = 2_000;

    /// <summary>
    /// Most problems a submission's reports list one by one (outcome.json, report.xlsx, report.html); past it each reason
    /// code's problems are only counted, exactly, and the reports say how many more rows to fix the same way. What a file
    /// of 200,000 bad rows holds in memory is this many problems, not one per row.
    /// </summary>
    public int MaxListedProblems { get; set; } = 5_000;

    /// <summary>How many rows from the top of a sheet are searched for the header row.</summary>
    public int HeaderSearchRows { get; set; } = 30;

    /// <summary>After this many blank rows in a row, the rest of a sheet is treated as empty.</summary>
    public int MaxConsecutiveBlankRows { get; set; } = 10_000;

    /// <summary>Accepted and held rows handed to the load at a time while the file is still being read: what a big file holds
    /// in memory is a few of these slices, not its rows.</summary>
    public int SliceRows { get; set; } = 2_000;

    /// <summary>How many times a submission that faults is tried before it is rejected (matches host.json poisonBlobThreshold).</summary>
    public int MaxAttempts { get; set; } = 5;
}
