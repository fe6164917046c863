namespace SharedServicesPipeline.Pipeline.Reading;

/// <summary>
/// What reading a submission can cost at worst, in processor seconds, from the bytes it may inflate: the arithmetic
/// behind <see cref="IntakeOptions.MaxInflatedBytes"/>. A file cannot make the reader do more than parse every byte it
/// is allowed to inflate, so the slowest rate at which the reader gets through any XML bounds the time whatever the file
/// contains; no list of known tricks is needed. <c>bench hostile</c> measures the rate again and prints it beside
/// <see cref="WorstMegabytesPerSecond"/>; <c>tests/Security/ReadCostTests</c> holds the defaults to the bound.
/// </summary>
public static class ReadCost
{
    /// <summary>The bound every submission is answered within on the 2-core machine the pipeline is sized for.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The slowest rate, in MB inflated a processor second, measured for any pattern (2026-12-06, this machine at a load
    /// of 15 to 30, Release): one-digit number cells (<c>&lt;c&gt;&lt;v&gt;1&lt;/v&gt;&lt;/c&gt;</c>, 4,000 a row), 26 MB/s
    /// through <see cref="SubmissionReader"/> in process (200 MB in 7.6 s, the guard's inflation, the merge scan and the
    /// parse of every byte counted), 25 MB/s of budget through a whole cold <c>ssp ingest</c> (bench hostile, its rows
    /// validated and reported too). Empty cells (<c>&lt;c/&gt;</c>) ran at 34 MB/s, empty cells with a reference and a
    /// style 28, unknown elements 39 to 45, comments and blank rows hundreds. Assumed a little below the slowest seen,
    /// and every byte the budget admits is charged at it, though a scanned byte costs a tenth of a parsed one.
    /// </summary>
    public const double WorstMegabytesPerSecond = 24;

    /// <summary>
    /// A cold <c>ssp ingest</c> of a file that is refused at once: runtime start, the mart opened and the report
    /// written, about 3.5 processor seconds here (bench hostile's smallest cases).
    /// </summary>
    public const double ColdStartSeconds = 3.5;

    /// <summary>Processor seconds a submission may cost at worst under <paramref name="options"/>: a cold start plus every byte the budget admits read at the slowest rate.</summary>
    public static double WorstSeconds(IntakeOptions options) =>
        ColdStartSeconds + (options.MaxInflatedBytes / (1024.0 * 1024) / WorstMegabytesPerSecond);

    /// <summary>The largest <see cref="IntakeOptions.MaxInflatedBytes"/> that keeps <see cref="WorstSeconds"/> within <see cref="Bound"/>.</summary>
    public static long LargestInflateBudget => (long)((Bound.TotalSeconds - ColdStartSeconds) * WorstMegabytesPerSecond) * 1024 * 1024;
}
