using SharedServicesPipeline.Pipeline.Submissions;

namespace SharedServicesPipeline.Pipeline.Reading;

/// <summary>What reading a submission found: the sheets with arrangements, how many rows, and any problems.</summary>
public sealed class SubmissionReadResult
{
    /// <summary>The rows read, when the caller asked for them to be collected; empty when they were streamed to a callback.</summary>
    public List<SubmissionRow> Rows { get; } = [];

    public List<SubmissionProblem> Problems { get; } = [];

    /// <summary>The sheets whose arrangements were read, with their header as submitted (for the feedback report).</summary>
    public List<SheetLayout> Sheets { get; } = [];

    /// <summary>How many data rows were read (title, notes, blank and totals rows are not data rows).</summary>
    public int RowsRead { get; internal set; }

    public SubmissionFormat Format { get; internal set; }

    /// <summary>What the lines above the header say about the return (authority, period), from the first sheet that says it; null when none does.</summary>
    public TitleBlock? Description { get; internal set; }

    /// <summary>The submission's work budget, which the reader charges for its bytes and rows (and the validator, as the
    /// rows are handed to it, for their partners); a scratch read of a header alone charges nothing.</summary>
    public WorkBudget Work { get; internal init; } = WorkBudget.Unlimited;

    public bool HasFileError => Problems.Any(p => p.Severity == ProblemSeverity.FileError);
}
