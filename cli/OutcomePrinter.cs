using SharedServicesPipeline.Pipeline.Publishing;
using SharedServicesPipeline.Pipeline.Submissions;

namespace SharedServicesPipeline.Cli;

/// <summary>Prints outcomes for a person at a terminal.</summary>
internal static class OutcomePrinter
{
    public static void Print(TextWriter output, SubmissionOutcome outcome, string reportsFolder, int maxProblems = 20)
    {
        output.WriteLine(outcome.Summary);
        var problems = outcome.Problems.Where(p => p.Severity != ProblemSeverity.Warning).ToList();
        foreach (var problem in problems.Take(maxProblems))
        {
            output.WriteLine($"  {problem.Severity}: {problem}");
        }

        if (problems.Count > maxProblems)
        {
            output.WriteLine($"  … and {problems.Count - maxProblems} more.");
        }

        var warnings = outcome.Problems.Count(p => p.Severity == ProblemSeverity.Warning);
        if (warnings > 0)
        {
            output.WriteLine($"  {warnings} warning(s).");
        }

        output.WriteLine($"  Report: {Path.Combine(reportsFolder, outcome.SubmissionId)}");
    }

    public static void Print(TextWriter output, RefreshOutcome outcome, string extractsFolder)
    {
        output.WriteLine($"{outcome.Message} ({outcome.Duration.TotalMilliseconds:0} ms)");
        foreach (var file in outcome.Files)
        {
            output.WriteLine($"  {file.Name,-36} {file.Rows,8:N0} rows");
        }

        output.WriteLine($"  Extracts: {Path.GetFullPath(extractsFolder)}");
    }

    public static int ExitCodeOf(IEnumerable<SubmissionOutcome> outcomes)
    {
        var list = outcomes.ToList();
        if (list.Any(o => o.Disposition == SubmissionDisposition.Rejected))
        {
            return ExitCodes.FileRejected;
        }

        return list.Any(o => o.RowsRejected > 0 || o.RowsHeld > 0) ? ExitCodes.RowsRejected : ExitCodes.Success;
    }
}
