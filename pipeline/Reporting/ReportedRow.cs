using SharedServicesPipeline.Pipeline.Reading;
using SharedServicesPipeline.Pipeline.Submissions;
using SharedServicesPipeline.Pipeline.Validation;

namespace SharedServicesPipeline.Pipeline.Reporting;

/// <summary>One submitted row as the report shows it back: its cells as submitted, what became of it and its problems.</summary>
public sealed record ReportedRow(SheetLayout Layout, int RowNumber, IReadOnlyList<object?> Cells, RowOutcome Outcome, IReadOnlyList<SubmissionProblem> Problems)
{
    /// <summary>The arrangement's last row, when its partners continued on the rows below (shown as "2–4").</summary>
    public int LastRowNumber { get; init; } = RowNumber;
}
