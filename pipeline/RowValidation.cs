using SharedServicesPipeline.Pipeline.Loading;
using SharedServicesPipeline.Pipeline.Reading;
using SharedServicesPipeline.Pipeline.Reporting;
using SharedServicesPipeline.Pipeline.Submissions;
using SharedServicesPipeline.Pipeline.Validation;

namespace SharedServicesPipeline.Pipeline;

/// <summary>
/// Validates rows as the reader streams them and keeps only what the report needs (the problems, up to a cap, and the report's rows);
/// accepted and held rows go on to the load in slices of <paramref name="sliceRows"/>, never all held at once.
/// A council's submission (<paramref name="council"/>) has the rows that are not its arrangements held for review.
/// The rows' partner names, the names the matcher works out and the pairs of partners the load will measure are charged to
/// <paramref name="work"/> before that work is done.
/// </summary>
internal sealed class RowValidation(
    ArrangementValidator validator, ReportRowCollector report, Action<RowSlice> onSlice, int sliceRows, SubmittingCouncil? council, int maxListedProblems, WorkBudget work, CancellationToken cancellationToken)
{
    private readonly ArrangementValidator _validator = validator.Charging(work);

    private List<ArrangementRecord> _accepted = [];
    private List<HeldRow> _held = [];

    public int Accepted { get; private set; }

    public int Held { get; private set; }

    public int Rejected { get; private set; }

    /// <summary>The rows' problems: the first ones listed, the rest counted per reason code.</summary>
    public ProblemTally Problems { get; } = new(maxListedProblems);

    public ReportRowCollector Report => report;

    private SheetLayout? _lastLayout;

    /// <summary>What the submission holds, for the top of its report page.</summary>
    public SubmissionContents Contents { get; } = new();

    /// <summary>Its arrangements as loaded, for comparing the next return with it.</summary>
    public ArrangementSnapshotCollector Arrangements { get; } = new();

    public void Add(SubmissionRow row)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!ReferenceEquals(row.Layout, _lastLayout))
        {
            // Once per sheet: whether the council named above its header was added to the partners, and why not.
            _lastLayout = row.Layout;
            if (TitleBlockAuthority.SayOnce(row.Layout, _validator) is { } said)
            {
                Problems.Add(said);
            }
        }

        var verdict = _validator.Validate(row, council);
        Problems.AddRange(verdict.Problems);
        switch (verdict.Outcome)
        {
            case RowOutcome.Accepted:
                // The load writes a bridge row for each partner and works out the distance between every pair of them:
                // charged before the row is handed on.
                work.ChargeAcceptedPartners(verdict.Record!.Partners.Count);
                _accepted.Add(verdict.Record!);
                Accepted++;
                break;
            case RowOutcome.Held:
                _held.Add(verdict.Held!);
                Held++;
                break;
            default:
                Rejected++;
                break;
        }

        report.Add(row, verdict.Outcome, verdict.Problems);
        Contents.Add(verdict);
        Arrangements.Add(row, verdict);
        if (_accepted.Count + _held.Count >= sliceRows)
        {
            Flush();
        }
    }

    /// <summary>Hands on the rows not yet sliced (at the end of the file).</summary>
    public void Flush()
    {
        if (_accepted.Count + _held.Count == 0)
        {
            return;
        }

        onSlice(new RowSlice(_accepted, _held));
        _accepted = [];
        _held = [];
    }
}
