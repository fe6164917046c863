using SharedServicesPipeline.Pipeline.Reading;
using SharedServicesPipeline.Pipeline.Submissions;

namespace SharedServicesPipeline.Pipeline.Reporting;

/// <summary>
/// Everything a submission's reports are written from: its outcome, the sheets and rows read (none for a refused or
/// duplicate file), what it holds, its arrangements as loaded, and what changed since the council's previous return.
/// </summary>
public sealed record SubmissionReport(SubmissionOutcome Outcome)
{
    public IReadOnlyList<SheetLayout> Sheets { get; init; } = [];

    /// <summary>The rows the reports show, or null when the file was not read as a submission.</summary>
    public ReportRowCollector? Rows { get; init; }

    public SubmissionContents? Contents { get; init; }

    public ArrangementSnapshot? Arrangements { get; init; }

    public SubmissionChanges? Changes { get; init; }
}
