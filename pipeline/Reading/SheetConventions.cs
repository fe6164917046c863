using SharedServicesPipeline.Pipeline.Submissions;
using SharedServicesPipeline.Pipeline.Reference;

namespace SharedServicesPipeline.Pipeline.Reading;

/// <summary>
/// How a sheet's own conventions change the reading of its rows, each said back to the submitter once per sheet: the
/// submitting council named in a column or above the header (added to every row's partners), a sheet per service area
/// (its name is the service area), partners continued on the rows below an arrangement.
/// </summary>
internal static class SheetConventions
{
    /// <summary>Settles what the header alone cannot say, once the header row (and any sub-header row) is known.</summary>
    public static void Settle(SheetLayout layout, string? submitterAbove)
    {
        // "Council" beside no Partners column is the partners, one per row, not the council sending the return.
        if (layout.Has(TemplateColumn.Submitter) && !layout.Has(TemplateColumn.Partners) && !layout.HasWidePartners)
        {
            var index = layout.IndexOf(TemplateColumn.Submitter);
            layout.Remove(TemplateColumn.Submitter);
            layout.Add(index, TemplateColumn.Partners);
        }

        if (!layout.Has(TemplateColumn.Submitter) && submitterAbove is not null)
        {
            layout.Submitter = submitterAbove;
        }

        // "Annual savings (£000s)": the finance team's figures in thousands.
        foreach (var column in new[] { TemplateColumn.AnnualSavings, TemplateColumn.SavingsToDate })
        {
            if (layout.Has(column) && HeaderUnit.ScaleOf(layout.HeaderFor(column)) is var scale && scale != 1m)
            {
                (layout.Scales ??= [])[column] = scale;
            }
        }

        // A workbook with a sheet per service area ("ICT", "HR", "Revenues & Benefits") names the area once, in the tab.
        if (!layout.Has(TemplateColumn.ServiceArea) && ServiceAreaTaxonomy.BuiltIn.Resolve(layout.Sheet) is not null)
        {
            layout.SheetServiceArea = layout.Sheet;
        }
    }

    public static void Report(SheetLayout layout, int submitterRow, List<SubmissionProblem> problems)
    {
        if (layout.Has(TemplateColumn.Submitter))
        {
            problems.Add(new SubmissionProblem(
                ProblemSeverity.Warning,
                "partners.submitter-added",
                $"'{layout.HeaderFor(TemplateColumn.Submitter)}' names the council sending the return, so on each row that council was added to the partners "
                + $"(where '{layout.HeaderFor(TemplateColumn.Partners)}' does not already name it). If an arrangement does not include it, list that arrangement's partners in full on a return of its own.",
                layout.Sheet,
                layout.HeaderRowNumber,
                layout.HeaderFor(TemplateColumn.Submitter)));
        }
        else if (layout.Submitter is { } submitter)
        {
            problems.Add(new SubmissionProblem(
                ProblemSeverity.Warning,
                "partners.submitter-added",
                $"{submitter}, named above the table as the council sending the return, was added to the partners of every arrangement on this sheet "
                + "that does not already name it. If an arrangement does not include it, list that arrangement's partners in full on a return of its own.",
                layout.Sheet,
                submitterRow,
                null,
                submitter));
        }

        foreach (var (column, scale) in layout.Scales ?? [])
        {
            problems.Add(new SubmissionProblem(
                ProblemSeverity.Warning,
                "savings.scaled",
                $"'{layout.HeaderFor(column)}' gives savings in {(scale == 1_000m ? "thousands" : "millions")} of pounds, so each figure in it without a unit of its own was multiplied by {scale:#,##0} (600 was read as {600 * scale:£#,##0}).",
                layout.Sheet,
                layout.HeaderRowNumber,
                layout.HeaderFor(column)));
        }

        if (layout.SheetServiceArea is { } area)
        {
            problems.Add(new SubmissionProblem(
                ProblemSeverity.Warning,
                "service-area.from-sheet-name",
                $"Sheet '{area}' has no Service area column, so its name was taken as the service area of every arrangement on it. Add a Service area column if that is not right.",
                layout.Sheet,
                layout.HeaderRowNumber));
        }
    }

    public static void ReportJoined(SheetLayout layout, ContinuationRows continuation, List<SubmissionProblem> problems)
    {
        if (continuation.JoinedCount == 0)
        {
            return;
        }

        var rows = string.Join(", ", continuation.JoinedRows) + (continuation.JoinedCount > continuation.JoinedRows.Count ? $" and {continuation.JoinedCount - continuation.JoinedRows.Count:N0} more" : "");
        problems.Add(new SubmissionProblem(
            ProblemSeverity.Warning,
            "partners.continued",
            $"{(continuation.JoinedCount == 1 ? "Row" : "Rows")} {rows} name a partner but no arrangement of their own (the title is blank, merged down or repeated with the same reference), "
            + "so each partner was added to the arrangement above it. If a row is an arrangement of its own, give it a title.",
            layout.Sheet,
            continuation.JoinedRows[0],
            layout.HeaderFor(TemplateColumn.Partners)));
    }
}
