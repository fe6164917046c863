namespace SharedServicesPipeline.Pipeline.Submissions;

/// <summary>One thing wrong with a submission, said so that a council officer can find and fix it.</summary>
/// <param name="Code">A stable reason code, e.g. <c>partner.unknown</c>.</param>
/// <param name="Message">Plain English: what is wrong and what to do.</param>
/// <param name="Sheet">The sheet, where the problem is in one.</param>
/// <param name="Row">The row number as Excel shows it.</param>
/// <param name="Column">The column's header as submitted.</param>
/// <param name="Value">The offending value as submitted.</param>
public sealed record SubmissionProblem(
    ProblemSeverity Severity,
    string Code,
    string Message,
    string? Sheet = null,
    int? Row = null,
    string? Column = null,
    string? Value = null)
{
    public override string ToString()
    {
        var where = string.Join(", ", new[]
        {
            Sheet is null ? null : $"sheet '{Sheet}'",
            Row is null ? null : $"row {Row}",
            Column is null ? null : $"column '{Column}'",
        }.Where(s => s is not null));
        var value = Value is null ? "" : $" (value: '{Value}')";
        return where.Length == 0 ? $"{Code}: {Message}{value}" : $"{where}: {Code}: {Message}{value}";
    }
}
