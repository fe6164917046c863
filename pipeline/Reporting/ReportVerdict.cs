using System.Globalization;
using SharedServicesPipeline.Pipeline.Submissions;

namespace SharedServicesPipeline.Pipeline.Reporting;

/// <summary>The verdict a report opens with: loaded, partly loaded, held, not loaded, refused or duplicate, and what happens next.</summary>
public sealed record ReportVerdict(string Kind, string Headline, string Detail, IReadOnlyList<string> NextSteps)
{
    public static ReportVerdict Of(SubmissionOutcome outcome)
    {
        var o = outcome;
        var warnings = o.CountOf(ProblemSeverity.Warning);
        string[] checkWarnings = warnings > 0
            ? [Say($"Check the {warnings:N0} piece(s) of advice below: those rows loaded, but something was read in a way you may not have meant.")]
            : [];
        switch (o.Disposition)
        {
            case SubmissionDisposition.Rejected:
                var error = o.Problems.FirstOrDefault(p => p.Severity == ProblemSeverity.FileError);
                var reason = error is null ? null : ReasonCatalogue.BuiltIn.Of(error.Code, error.Severity);
                return new ReportVerdict("refused", "Refused: nothing in this file was loaded",
                    error?.Message ?? "The file could not be read as a submission.",
                    [reason?.Fix ?? "Correct the file and send it again.", "Then send the whole file again: nothing from this one was kept in the data."]);
            case SubmissionDisposition.Duplicate:
                return new ReportVerdict("duplicate", "Already received: nothing changed",
                    $"This file is byte for byte the same as submission {o.DuplicateOf}, so nothing was loaded again.",
                    ["Nothing to do. If you meant to change something, correct the file and send it again."]);
        }

        if (o.RowsRejected == 0 && o.RowsHeld == 0)
        {
            return new ReportVerdict("loaded", "Loaded: every arrangement was loaded",
                Say($"All {o.RowsRead:N0} arrangement(s) in the file were loaded: {Changes(o)}."),
                [.. checkWarnings, "They appear in the published data at the next refresh (every night, or sooner when the programme team publishes)."]);
        }

        var steps = new List<string>();
        if (o.RowsRejected > 0)
        {
            steps.Add(Say($"Correct the {o.RowsRejected:N0} row(s) that were not loaded (the problems marked \"must fix\" below say how) and send the whole file again: rows already loaded are updated, not duplicated."));
        }

        if (o.RowsHeld > 0)
        {
            steps.Add(Say($"{o.RowsHeld:N0} row(s) name a partner we could not match. They are held for review and load once the name is resolved; you can also write the partner's full official name and send the file again."));
        }

        steps.AddRange(checkWarnings);
        if (o.RowsAccepted > 0)
        {
            return new ReportVerdict("partly-loaded", Say($"Partly loaded: {o.RowsAccepted:N0} of {o.RowsRead:N0} arrangements loaded"),
                Say($"{o.RowsAccepted:N0} arrangement(s) loaded ({Changes(o)}); {o.RowsRejected:N0} not loaded because of errors; {o.RowsHeld:N0} held for review."), steps);
        }

        return o.RowsHeld > 0
            ? new ReportVerdict("held", "Held for review: nothing loaded yet",
                Say($"No arrangement loaded yet: {o.RowsHeld:N0} held for review until a partner's name is resolved, {o.RowsRejected:N0} not loaded because of errors."), steps)
            : new ReportVerdict("not-loaded", "Not loaded: every arrangement has an error",
                Say($"None of the {o.RowsRead:N0} arrangement(s) loaded: each has at least one error that must be fixed."), steps);
    }

    private static string Changes(SubmissionOutcome o) =>
        Say($"{o.ArrangementsAdded:N0} new, {o.ArrangementsUpdated:N0} updated, {o.ArrangementsUnchanged:N0} unchanged");

    private static string Say(FormattableString text) => text.ToString(CultureInfo.GetCultureInfo("en-GB"));
}
