using SharedServicesPipeline.Pipeline.Loading;
using SharedServicesPipeline.Pipeline.Reading;
using SharedServicesPipeline.Pipeline.Reporting;
using SharedServicesPipeline.Pipeline.Submissions;
using SharedServicesPipeline.Pipeline.Validation;

namespace SharedServicesPipeline.Pipeline;

/// <summary>
/// Validates rows as the reader streams them and keeps only what the report needs (the problems and the report's rows);
/// accepted and held rows go on to the load in slices of <paramref name="sliceRows"/>, never all held at once.
/// </summary>
internal sealed class RowValidation(ArrangementValidator validator, ReportRowCollector report, Action<RowSlice> onSlice, int sliceRows, CancellationToken cancellationToken)
{
    private List<ArrangementRecord> _accepted = [];
    private List<HeldRow> _held = [];

    public int Accepted { get; private set; }

    public int Held { get; private set; }

    public int Rejected { get; private set; }

    public List<SubmissionProblem> Problems { get; } = [];

    public ReportRowCollector Report => report;

    /// <summary>What the submission holds, for the top of its report page.</summary>
    public SubmissionContents Contents { get; } = new();

    /// <summary>Its arrangements as loaded, for comparing the next return with it.</summary>
    public ArrangementSnapshotCollector Arrangements { get; } = new();

    public void Add(SubmissionRow row)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var verdict = validator.Validate(row);
        Problems.AddRange(verdict.Problems);
        switch (verdict.Outcome)
        {
            case RowOutcome.Accepted:
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
