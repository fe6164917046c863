using SharedServicesPipeline.Pipeline.Submissions;

namespace SharedServicesPipeline.Pipeline.Reading;

/// <summary>The warnings a header row earns: columns not in the template, and columns that repeat an earlier one.</summary>
internal static class ColumnWarnings
{
    // Beyond this many, one line counts the rest: a wide export should not bury the report in column warnings.
    private const int UnknownColumnsListed = 10;

    internal static void Report(string sheet, int headerRow, List<string> unknown, List<string> repeated, SubmissionReadResult result)
    {
        foreach (var name in unknown.Take(UnknownColumnsListed))
        {
            result.Problems.Add(new SubmissionProblem(
                ProblemSeverity.Warning,
                "column.unknown",
                "This column is not part of the template and was not loaded. Rename it to a template column if it should be.",
                sheet,
                headerRow,
                name));
        }

        if (unknown.Count > UnknownColumnsListed)
        {
            result.Problems.Add(new SubmissionProblem(
                ProblemSeverity.Warning,
                "column.unknown",
                $"{unknown.Count - UnknownColumnsListed} more columns are not part of the template and were not loaded.",
                sheet,
                headerRow));
        }

        foreach (var name in repeated)
        {
            result.Problems.Add(new SubmissionProblem(
                ProblemSeverity.Warning,
                "column.repeated",
                "This column means the same as an earlier column of the header; only the earlier one was loaded. Remove or rename one of them.",
                sheet,
                headerRow,
                name));
        }
    }
}
