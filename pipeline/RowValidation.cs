using SharedServicesPipeline.Pipeline.Loading;
using SharedServicesPipeline.Pipeline.Reading;
using SharedServicesPipeline.Pipeline.Reporting;
using SharedServicesPipeline.Pipeline.Submissions;
using SharedServicesPipeline.Pipeline.Validation;

namespace SharedServicesPipeline.Pipeline;

/// <summary>
/// Validates rows as the reader streams them and keeps only what the load and the report need: the accepted and held
/// rows (loaded together, in one <see cref="SubmissionBatch"/>), the problems and the report's rows, never the raw file.
/// </summary>
internal sealed class RowValidation(ArrangementValidator validator, ReportRowCollector report, CancellationToken cancellationToken)
{
    public List<ArrangementRecord> Accepted { get; } = [];

    public List<HeldRow> Held { get; } = [];

    public List<SubmissionProblem> Problems { get; } = [];

    public int Rejected { get; private set; }

    public ReportRowCollector Report => report;

    public void Add(SubmissionRow row)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var verdict = validator.Validate(row);
        Problems.AddRange(verdict.Problems);
        switch (verdict.Outcome)
        {
            case RowOutcome.Accepted:
                Accepted.Add(verdict.Record!);
                break;
            case RowOutcome.Held:
                Held.Add(verdict.Held!);
                break;
            default:
                Rejected++;
                break;
        }

        report.Add(row, verdict.Outcome, verdict.Problems);
    }
}
