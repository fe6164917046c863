using SharedServicesPipeline.Pipeline.Reading;

namespace SharedServicesPipeline.Pipeline;

/// <summary>
/// What each unit of work a submission causes costs at worst, in processor nanoseconds on the 2-core machine the
/// pipeline is sized for: the arithmetic behind <see cref="IntakeOptions.MaxWorkSeconds"/>. <see cref="ReadCost"/> bounds
/// what the reader does by the bytes it inflates; what comes after reading grows with rows, partner names and distinct
/// names, which bytes do not bound (one shared string repeats a 32,767-character partners cell on every row for a few
/// bytes a row). So every stage charges one budget a submission as it works (<see cref="WorkBudget"/>): the reader its
/// bytes, its rows and the shared strings it makes for cells, the validator its partner names, the names the matcher
/// works out and the pairs of partners. The budget, spent at these rates, plus a cold start fits in <see cref="Bound"/>,
/// whatever the file holds (<c>tests/Security/WorkCostTests</c>); <c>bench hostile</c> measures each rate again and prints
/// it beside the one assumed.
/// </summary>
public static class WorkCost
{
    /// <summary>The bound every submission is answered within (as <see cref="ReadCost.Bound"/>).</summary>
    public static readonly TimeSpan Bound = ReadCost.Bound;

    /// <summary>A cold <c>ssp ingest</c> of a file refused at once (as <see cref="ReadCost.ColdStartSeconds"/>).</summary>
    public const double ColdStartSeconds = ReadCost.ColdStartSeconds;

    /// <summary>A byte an .xlsx inflates, every opening counted: <see cref="ReadCost.WorstMegabytesPerSecond"/> (24 MB/s).</summary>
    public const double InflatedByte = 1e9 / (ReadCost.WorstMegabytesPerSecond * 1024 * 1024);

    // The rates below were measured 2026-12-06 between 10:50 and 11:10 UTC on this machine while it was shared (load
    // average 11 to 14 on 2 cores), Release build, each probe a cold `ssp ingest` with the budget lifted, less the cold
    // start (bench hostile's "rates" table, which prints them again beside these). Processor time at that load runs
    // above a quiet machine's, so taking them as measured, rounded up, errs on the side of the bound.

    /// <summary>
    /// A byte of a .csv or .xls file, which is parsed as it is (not inflated): hashed, checked record by record, parsed by
    /// ExcelDataReader, and each raw row compared with the one above (a row of the same title continues it). Charged for
    /// the whole file before it is parsed. Measured: 40 MB of 1 MB cells, which continue one row, 120 to 165 ns a byte.
    /// Taken as 170 ns (5.6 MB/s): a 50 MB file takes 8.9 s of the budget before its rows.
    /// </summary>
    public const double FileByte = 170;

    /// <summary>
    /// A data row the reader hands on: validated (dates, money, choices), reported (report rows, snapshot), loaded (fact,
    /// history, identity), with its partners' own charges apart. Measured: rows with every column filled, 180 to 260 µs a
    /// row beyond the first 10,000 (before this budget, a 48 MB file of them: 142 µs). Taken as 200 µs.
    /// </summary>
    public const double Row = 200_000;

    /// <summary>Each character of a data row's text (every cell, partners on rows below or another sheet included):
    /// validated, reported, kept in the snapshot and loaded. Measured with 1 MB cells. Taken as 50 ns.</summary>
    public const double RowChar = 50;

    /// <summary>
    /// A partner name a partners cell splits into: found in the matcher's memo and checked against the row's partners so
    /// far (at most every body in the register). Taken as 3 µs (the register's 520 bodies compared, 5 ns each, and the lookup).
    /// </summary>
    public const double PartnerName = 3_000;

    /// <summary>
    /// Each distinct partner of an accepted row: the bridge row the load writes for it. Measured: rows of 1,100 register
    /// names (about 390 distinct councils), 50 to 90 µs a distinct partner. Taken as 60 µs.
    /// </summary>
    public const double BridgeRow = 60_000;

    /// <summary>
    /// A pair of an accepted row's distinct partners: the greatest distance between two partners is worked out over every
    /// pair (<see cref="Loading.ArrangementMeasures.MaxDistanceKm"/>), at most the register's size squared a row. Taken as
    /// 60 ns (a Haversine, about 40 ns).
    /// </summary>
    public const double PartnerPair = 60;

    /// <summary>
    /// A partner name this submission has not named before, worked out in full by the matcher when it is new to it too
    /// (exact and affix lookups, body words, the typo pass, the nearest names for review) and, when unknown, held for
    /// review with them. Measured: 60,000 made-up two-word names, 446 µs a name. Taken as 450 µs.
    /// </summary>
    public const double DistinctName = 450_000;

    /// <summary>
    /// Each further lookup the matcher may make: each way of cutting a new line of a partners cell at its separators, and
    /// each part of a name that may be a list of councils. Measured: lines of 13 made-up words between commas (91 ways
    /// each), 84 µs a lookup. Taken as 100 µs.
    /// </summary>
    public const double Lookup = 100_000;

    /// <summary>
    /// Each character those lookups read (a lookup is charged the whole line or name it is part of). Measured: names of
    /// 32,767 letters, 850 to 1,310 ns a character all told (the held row, its problem and its report included), once the
    /// typo pass stopped trying one-letter edits of names longer than any in the register (before, their length squared:
    /// one name of a million letters ran for hours). Taken as 1.5 µs.
    /// </summary>
    public const double NameChar = 1_500;

    // The shared strings' rates were measured 2026-12-06 between 14:03 and 14:14 UTC, the machine shared as above (load
    // average 7 to 14), by bench hostile's probes for them. Before they were charged, a sheet of 4 million cells naming
    // two strings of 32,767 characters in turn (each made anew: they share a place in the table's cache) was read in
    // full in 40.7 processor seconds, charged for its 96 MB of cells alone.

    /// <summary>
    /// A shared string made for a cell (one the table's cache does not hold): its UTF-8 decoded into a new string, which
    /// the cell's row holds until it is handed on or passed over. Measured with a read from the temporary file (below):
    /// cells naming a 35 MB table's strings of 77 bytes in a jumping order, 900,000 of them, took 3.2 processor seconds
    /// all told (their 86 MB inflated and parsed included), 3.5 µs a cell at most. Charged 0.3 µs a string and 5 µs a
    /// read, 5.5 µs a cell with their bytes.
    /// </summary>
    public const double SharedString = 300;

    /// <summary>
    /// Each UTF-8 byte of a shared string made for a cell (decoded; the string's two bytes a character allocated and
    /// collected). Measured: two strings of 32,767 characters in turn, 300,000 cells, 1.43 ns a byte. Taken as 2 ns.
    /// </summary>
    public const double SharedStringByte = 2;

    /// <summary>
    /// A read from the shared strings' temporary file (<c>SpilledStrings</c>): one string's bytes, or a window of 64 KB
    /// read ahead when the sheet moves on through the table (the page cache copied, a system call). Taken as 5 µs (see
    /// <see cref="SharedString"/>).
    /// </summary>
    public const double SharedStringRead = 5_000;

    /// <summary>Each byte read from the shared strings' temporary file. Taken as 0.5 ns (a 64 KB window, 33 µs).</summary>
    public const double SharedStringReadByte = 0.5;

    /// <summary>Processor seconds a submission may cost at worst under <paramref name="options"/>: a cold start and the whole work budget.</summary>
    public static double WorstSeconds(IntakeOptions options) => ColdStartSeconds + options.MaxWorkSeconds;

    /// <summary>The largest <see cref="IntakeOptions.MaxWorkSeconds"/> that keeps <see cref="WorstSeconds"/> within <see cref="Bound"/>.</summary>
    public static double LargestWorkSeconds => Bound.TotalSeconds - ColdStartSeconds;
}
