using SharedServicesPipeline.Publishing;
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

        var mustFix = outcome.ProblemCount - outcome.CountOf(ProblemSeverity.Warning);
        if (mustFix > Math.Min(maxProblems, problems.Count))
        {
            output.WriteLine($"  … and {mustFix - Math.Min(maxProblems, problems.Count):N0} more.");
        }

        var warnings = outcome.CountOf(ProblemSeverity.Warning);
        if (warnings > 0)
        {
            output.WriteLine($"  {warnings} warning(s).");
        }

        output.WriteLine($"  Report: {Path.Combine(reportsFolder, outcome.SubmissionId)}");
        if (PageOf(outcome, reportsFolder) is { } page)
        {
            output.WriteLine($"  Report page: {page}");
        }
    }

    /// <summary>The full path of the submission's report page, when one was written.</summary>
    public static string? PageOf(SubmissionOutcome outcome, string reportsFolder) =>
        outcome.Reports.Contains(Pipeline.Reporting.ReportPage.FileName)
            ? Path.GetFullPath(Path.Combine(reportsFolder, outcome.SubmissionId, Pipeline.Reporting.ReportPage.FileName))
            : null;

    /// <summary>Prints the run record of a refresh: what happened, its files and where to look.</summary>
    public static void Print(TextWriter output, RefreshOutcome outcome, string extractsFolder)
    {
        output.WriteLine(outcome.Message);
        output.WriteLine($"  Refresh {outcome.RunId}: {outcome.Outcome}, started {outcome.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC, {outcome.DurationMs:0} ms");
        if (outcome.Status is RefreshStatus.Busy)
        {
            return;
        }

        output.WriteLine($"  Latest run: {outcome.LatestRunId ?? "none"}, watermark {outcome.Watermark ?? "none"}, {outcome.Files.Count} files, {outcome.Rows:N0} table rows");
        foreach (var file in outcome.Files)
        {
            output.WriteLine(file.Table.Length > 0
                ? $"    {file.Name,-40} {file.Rows,8:N0} rows"
                : $"    {file.Name,-40} {file.Bytes,8:N0} bytes");
        }

        foreach (var notice in outcome.Notices)
        {
            output.WriteLine($"  {notice}");
        }

        output.WriteLine($"  Extracts: {Path.GetFullPath(extractsFolder)}");
    }

    public static int ExitCodeOf(RefreshOutcome outcome) => outcome.Status switch
    {
        RefreshStatus.Busy => ExitCodes.Busy,
        RefreshStatus.Failed => ExitCodes.Fault,
        _ => ExitCodes.Success,
    };

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
