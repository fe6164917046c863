namespace SharedServicesPipeline.Pipeline.Submissions;

/// <summary>One reason code as the submitter reads it: a short title, what it means and how to fix it.</summary>
public sealed record ReasonCode(
    string Code,
    ReasonKind Kind,
    string Title,
    string Explanation,
    string Fix)
{
    /// <summary>The severity as the pages and workbooks say it.</summary>
    public string Severity => Kind switch
    {
        ReasonKind.FileError => "Must fix: file refused",
        ReasonKind.RowError => "Must fix: row not loaded",
        ReasonKind.Held => "Held for review",
        _ => "Advice: row loaded",
    };

    /// <summary>True for what stops a file or a row loading (errors and held rows); false for advice.</summary>
    public bool IsMustFix => Kind != ReasonKind.Warning;

    /// <summary>The problem severity this code is reported with.</summary>
    public ProblemSeverity ProblemSeverity => Kind switch
    {
        ReasonKind.FileError => ProblemSeverity.FileError,
        ReasonKind.Warning => ProblemSeverity.Warning,
        _ => ProblemSeverity.RowError,
    };
}
