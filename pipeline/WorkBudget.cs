using System.Globalization;
using SharedServicesPipeline.Pipeline.Reading;

namespace SharedServicesPipeline.Pipeline;

/// <summary>
/// The work one pass over one submission may still do, in processor nanoseconds at the rates of <see cref="WorkCost"/>:
/// every stage charges it before (or, for a bounded step, as) it does the work, so the whole ingest is answered within
/// <see cref="WorkCost.Bound"/> whatever the file holds. When a charge goes past it the file is refused as a whole
/// (<see cref="TooMuchWork"/>), as a file past <see cref="IntakeOptions.MaxRows"/> is: the reader stops, and the loader,
/// whose transaction has taken the slices so far, loads nothing. Charged on the thread that reads and validates only.
/// </summary>
public sealed class WorkBudget
{
    public const string TooMuchWork = "file.too-much-work";

    private readonly double _limit;
    private double _spent;
    private double _onBytes, _onRows, _onPartners, _onPairs, _onMatching, _onStrings;

    public WorkBudget(double seconds) => _limit = seconds * 1e9;

    /// <summary>A budget that is never exhausted: a tally of what a read would be charged (the bench's rates, the tests).</summary>
    public static WorkBudget Unlimited => new(double.PositiveInfinity);

    /// <summary>The budget of one submission under <paramref name="options"/>.</summary>
    public static WorkBudget For(IntakeOptions options) => new(options.MaxWorkSeconds);

    public long Bytes { get; private set; }

    public int Rows { get; private set; }

    public long PartnerNames { get; private set; }

    public int DistinctNames { get; private set; }

    /// <summary>Distinct partners of accepted rows: the bridge rows the load will write.</summary>
    public long AcceptedPartners { get; private set; }

    /// <summary>Shared strings made for cells (each time a cell's string is not in the table's cache), and the reads and bytes read from the table's temporary file.</summary>
    public (long Made, long FileReads, long FileBytes) SharedStrings { get; private set; }

    /// <summary>Lookups the matcher may make, and the characters they read.</summary>
    public (long Lookups, long Chars) Matching { get; private set; }

    /// <summary>Processor seconds charged so far.</summary>
    public double SpentSeconds => _spent / 1e9;

    /// <summary>Where the reader is (sheet, row), for the refusal's message; set as rows are read.</summary>
    public (string Sheet, int Row)? At { get; set; }

    /// <summary>Bytes inflated (.xlsx) or parsed as they are (.csv, .xls).</summary>
    public void ChargeBytes(long bytes, double nanosecondsEach)
    {
        Bytes += bytes;
        Spend(ref _onBytes, bytes * nanosecondsEach);
    }

    /// <summary>
    /// A shared string made for a cell from <paramref name="bytes"/> of UTF-8, whichever row and column the cell is in:
    /// a sheet may name a long string in every cell of every row, each made anew when the cells defeat the table's cache.
    /// </summary>
    public void ChargeSharedString(int bytes)
    {
        SharedStrings = SharedStrings with { Made = SharedStrings.Made + 1 };
        Spend(ref _onStrings, WorkCost.SharedString + (bytes * WorkCost.SharedStringByte));
    }

    /// <summary>A read of <paramref name="bytes"/> from the shared strings' temporary file (one string, or a window read ahead).</summary>
    public void ChargeSharedStringRead(int bytes)
    {
        SharedStrings = (SharedStrings.Made, SharedStrings.FileReads + 1, SharedStrings.FileBytes + bytes);
        Spend(ref _onStrings, WorkCost.SharedStringRead + (bytes * WorkCost.SharedStringReadByte));
    }

    /// <summary>A data row the reader hands on, holding <paramref name="chars"/> characters of text.</summary>
    public void ChargeRow(long chars)
    {
        Rows++;
        Spend(ref _onRows, WorkCost.Row + (chars * WorkCost.RowChar));
    }

    /// <summary>Partner names a partners cell was split into: each is matched and checked against the row's partners so far.</summary>
    public void ChargePartners(int names)
    {
        PartnerNames += names;
        Spend(ref _onPartners, names * WorkCost.PartnerName);
    }

    /// <summary>
    /// An accepted row's distinct partners, before the load writes a bridge row for each and works out the distance
    /// between every pair of them.
    /// </summary>
    public void ChargeAcceptedPartners(int partners)
    {
        AcceptedPartners += partners;
        Spend(ref _onPartners, partners * WorkCost.BridgeRow);
        Spend(ref _onPairs, (double)partners * (partners - 1) / 2 * WorkCost.PartnerPair);
    }

    /// <summary>
    /// Names the matcher may work out in full: <paramref name="lookups"/> reading <paramref name="chars"/> characters in
    /// all, the first of them a name this submission has not named before when <paramref name="distinctName"/> (which, if
    /// unknown, is also held for review with its nearest candidates); otherwise the ways of cutting a new line of a
    /// partners cell that the splitter tries.
    /// </summary>
    public void ChargeMatching(long lookups, long chars, bool distinctName)
    {
        DistinctNames += distinctName ? 1 : 0;
        Matching = (Matching.Lookups + lookups, Matching.Chars + chars);
        var first = distinctName && lookups > 0 ? WorkCost.DistinctName - WorkCost.Lookup : 0;
        Spend(ref _onMatching, first + (lookups * WorkCost.Lookup) + (chars * WorkCost.NameChar));
    }

    /// <summary>Processor seconds charged so far for each kind of work (what <c>bench hostile</c> compares with what the work took).</summary>
    public (double Bytes, double Rows, double Partners, double Pairs, double Matching, double Strings) SpentSecondsOn =>
        (_onBytes / 1e9, _onRows / 1e9, _onPartners / 1e9, _onPairs / 1e9, _onMatching / 1e9, _onStrings / 1e9);

    private void Spend(ref double on, double nanoseconds)
    {
        on += nanoseconds;
        _spent += nanoseconds;
        if (_spent > _limit)
        {
            throw Exhausted();
        }
    }

    private FileLimitException Exhausted()
    {
        var where = At is { } at ? $" at row {at.Row.ToString("N0", CultureInfo.InvariantCulture)} of sheet '{at.Sheet}'" : "";
        var spent = string.Create(CultureInfo.InvariantCulture,
            $"checking and loading it would take more than the {_limit / 1e9:N1} s of processing one file is allowed. It was refused{where}, after {Rows:N0} rows, {PartnerNames:N0} partner names ({DistinctNames:N0} different) and {Bytes / 1048576.0:N0} MB read.");
        return new FileLimitException(TooMuchWork,
            $"holds more than one submission may: {spent} Nothing from it was loaded. Split the file into smaller returns (a few thousand rows each) and submit each on its own; " +
            "list each partner once in an arrangement's Partners, by its official name.");
    }
}
