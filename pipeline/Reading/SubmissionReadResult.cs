using SharedServicesPipeline.Pipeline.Submissions;

namespace SharedServicesPipeline.Pipeline.Reading;

/// <summary>The rows found in a submission, or the file-level problem that stopped it being read.</summary>
public sealed class SubmissionReadResult
{
    public List<SubmissionRow> Rows { get; } = [];

    public List<SubmissionProblem> Problems { get; } = [];

    /// <summary>The header as submitted, per sheet read, in column order (for the feedback report).</summary>
    public Dictionary<string, IReadOnlyList<string>> Headers { get; } = [];

    public bool HasFileError => Problems.Any(p => p.Severity == ProblemSeverity.FileError);
}
