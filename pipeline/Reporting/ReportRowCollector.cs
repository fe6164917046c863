using SharedServicesPipeline.Pipeline.Reading;
using SharedServicesPipeline.Pipeline.Submissions;
using SharedServicesPipeline.Pipeline.Validation;

namespace SharedServicesPipeline.Pipeline.Reporting;

/// <summary>
/// Keeps the rows the report workbook will show while the submission streams past. The rule, so that a huge file's
/// report stays small and quick: every row while the submission has at most <see cref="IntakeOptions.ReportAllRowsUpTo"/>
/// rows; beyond that only rows with problems (the rows without are dropped as soon as the threshold is passed), and
/// never more than <see cref="IntakeOptions.ReportMaxProblemRows"/> of those. The Summary sheet says what was left out.
/// </summary>
public sealed class ReportRowCollector
{
    private readonly IntakeOptions _options;
    private readonly List<ReportedRow> _rows = [];
    private int _rowsSeen;
    private int _problemRowsKept;

    public ReportRowCollector(IntakeOptions options) => _options = options;

    /// <summary>Rows kept for the report, in the order read.</summary>
    public IReadOnlyList<ReportedRow> Rows => _rows;

    /// <summary>True while every row read is kept; false once the file passed the threshold and clean rows were dropped.</summary>
    public bool ShowsAllRows => _rowsSeen <= _options.ReportAllRowsUpTo;

    /// <summary>Rows with problems that were not kept because the cap was reached.</summary>
    public int ProblemRowsLeftOut { get; private set; }

    public void Add(SubmissionRow row, RowOutcome outcome, IReadOnlyList<SubmissionProblem> problems)
    {
        _rowsSeen++;
        if (_rowsSeen == _options.ReportAllRowsUpTo + 1)
        {
            _rows.RemoveAll(r => r.Problems.Count == 0);
        }

        if (problems.Count == 0 && !ShowsAllRows)
        {
            return;
        }

        if (problems.Count > 0 && _problemRowsKept >= _options.ReportMaxProblemRows)
        {
            ProblemRowsLeftOut++;
            return;
        }

        if (problems.Count > 0)
        {
            _problemRowsKept++;
        }

        _rows.Add(new ReportedRow(row.Layout, row.RowNumber, row.Cells, outcome, problems) { LastRowNumber = row.LastRowNumber });
    }
}
