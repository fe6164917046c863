using System.Globalization;
using System.Text;
using SharedServicesPipeline.Pipeline.Reading;
using SharedServicesPipeline.Pipeline.Submissions;

namespace SharedServicesPipeline.Pipeline.Reporting;

/// <summary>
/// The report page's problems: a table of reason codes, then a group per code (must fix before advice) with its
/// count, share of rows, explanation and fix, and each occurrence in its row as the submitter wrote it.
/// </summary>
internal static class ReportPageProblems
{
    /// <summary>Occurrences shown in their row per reason code; the workbook and outcome.json list more (up to <c>Intake:MaxListedProblems</c> in all).</summary>
    internal const int OccurrencesShown = 25;

    private const int CellTextShown = 160;

    public static void Write(StringBuilder page, SubmissionReport report)
    {
        var o = report.Outcome;
        var groups = o.Summarise();
        page.Append("<section id=\"problems\" aria-labelledby=\"problems-title\">\n<h2 id=\"problems-title\">Problems</h2>\n");
        if (groups.Count == 0)
        {
            page.Append("<p>None: every row was read as written.</p>\n</section>\n");
            return;
        }

        var rowsRead = Math.Max(o.RowsRead, 0);
        page.Append("""
            <table class="reasons">
            <caption>Problems by reason, must fix first</caption>
            <thead><tr><th scope="col">Reason</th><th scope="col">Severity</th><th scope="col" class="number">Occurrences</th><th scope="col" class="number">Rows</th><th scope="col" class="number">Share of rows</th></tr></thead>
            <tbody>

            """);
        foreach (var group in groups)
        {
            page.Append(CultureInfo.InvariantCulture,
                $"<tr data-code=\"{group.Reason.Code}\"><th scope=\"row\"><a href=\"#{Html.Id("code-", group.Reason.Code)}\">{Html.Encode(group.Reason.Title)}</a> <code>{group.Reason.Code}</code></th><td>{Html.Encode(group.Reason.Severity)}</td><td class=\"number\">{group.Occurrences:N0}</td><td class=\"number\">{group.Rows:N0}</td><td class=\"number\">{Share(group.Rows, rowsRead)}</td></tr>\n");
        }

        page.Append("</tbody>\n</table>\n");
        if (o.ProblemsNotListed.Count > 0)
        {
            page.Append(CultureInfo.InvariantCulture,
                $"<p class=\"note\" data-not-listed=\"{o.ProblemCount - o.Problems.Count}\">This file has {o.ProblemCount.ToString("N0", ReportPage.EnGb)} problems. {o.Problems.Count.ToString("N0", ReportPage.EnGb)} are listed ({ReportWorkbook.FileName} and {OutcomeReport.FileName} too): those of the first rows, and the first row of each reason met after them; the other {(o.ProblemCount - o.Problems.Count).ToString("N0", ReportPage.EnGb)} are counted in the table above but not listed. Every reason has a listed example: fix its other rows the same way.</p>\n");
        }

        var rows = (report.Rows?.Rows ?? []).GroupBy(r => (r.Layout.Sheet, r.RowNumber)).ToDictionary(g => g.Key, g => g.First());
        WriteSection(page, "must-fix", "Must fix", "Rows with these problems were not loaded (or are held for review). Fix them and send the whole file again.",
            groups.Where(g => g.Reason.IsMustFix).ToList(), o, rows, rowsRead);
        WriteSection(page, "advice", "Advice", "These rows loaded, but check them: something was read in a way you may not have meant.",
            groups.Where(g => !g.Reason.IsMustFix).ToList(), o, rows, rowsRead);
        page.Append("</section>\n");
    }

    private static void WriteSection(StringBuilder page, string id, string title, string lead, List<ReasonCount> groups, SubmissionOutcome o,
        Dictionary<(string Sheet, int RowNumber), ReportedRow> rows, int rowsRead)
    {
        if (groups.Count == 0)
        {
            return;
        }

        page.Append(CultureInfo.InvariantCulture, $"<section class=\"severity severity-{id}\" aria-labelledby=\"{id}-title\">\n<h3 id=\"{id}-title\">{title}</h3>\n<p>{lead}</p>\n");
        foreach (var group in groups)
        {
            var reason = group.Reason;
            var occurrences = o.Problems.Where(p => p.Code == reason.Code).ToList();
            var anchor = Html.Id("code-", reason.Code);
            page.Append(CultureInfo.InvariantCulture, $"""
                <section class="group kind-{reason.Kind.ToString().ToLowerInvariant()}" id="{anchor}" data-code="{reason.Code}" data-count="{group.Occurrences}" data-rows="{group.Rows}" aria-labelledby="{anchor}-title">
                <h4 id="{anchor}-title">{Html.Encode(reason.Title)} <code>{reason.Code}</code></h4>
                <p class="badge">{Html.Encode(reason.Severity)}</p>
                <p class="count">{Count(group, rowsRead)}</p>
                <div class="help">
                <p><strong>What it means.</strong> {Html.Encode(reason.Explanation)}</p>
                <p><strong>How to fix it.</strong> {Html.Encode(reason.Fix)}</p>
                </div>
                <ol class="occurrences">

                """);
            foreach (var problem in occurrences.Take(OccurrencesShown))
            {
                WriteOccurrence(page, problem, problem is { Sheet: { } sheet, Row: { } row } && rows.TryGetValue((sheet, row), out var reported) ? reported : null);
            }

            page.Append("</ol>\n");
            var shown = Math.Min(occurrences.Count, OccurrencesShown);
            if (group.NotListed > 0)
            {
                page.Append(CultureInfo.InvariantCulture,
                    $"<p class=\"note\" data-not-listed=\"{group.NotListed}\">And {(group.Occurrences - shown).ToString("N0", ReportPage.EnGb)} more{(occurrences.Count > shown ? $": {(occurrences.Count - shown).ToString("N0", ReportPage.EnGb)} listed in {ReportWorkbook.FileName} and {OutcomeReport.FileName}, and {group.NotListed.ToString("N0", ReportPage.EnGb)}" : ",")} in {RowsText(group.RowsNotListed)} with the same problem, counted but not listed: fix them the same way.</p>\n");
            }
            else if (occurrences.Count > OccurrencesShown)
            {
                page.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">And {occurrences.Count - OccurrencesShown:N0} more: {ReportWorkbook.FileName} and {OutcomeReport.FileName} list every one.</p>\n");
            }

            page.Append("</section>\n");
        }

        page.Append("</section>\n");
    }

    private static string Count(ReasonCount group, int rowsRead)
    {
        var occurrences = group.Occurrences == 1 ? "1 occurrence" : $"{group.Occurrences.ToString("N0", ReportPage.EnGb)} occurrences";
        return group.Rows == 0
            ? occurrences
            : $"{occurrences} in {(group.Rows == 1 ? "1 row" : $"{group.Rows.ToString("N0", ReportPage.EnGb)} rows")}, {Share(group.Rows, rowsRead)} of the rows read";
    }

    private static string RowsText(int rows) => rows == 1 ? "1 more row" : $"{rows.ToString("N0", ReportPage.EnGb)} more rows";

    internal static string Share(int rows, int rowsRead)
    {
        if (rows == 0 || rowsRead == 0)
        {
            return "–";
        }

        var share = (double)rows / rowsRead;
        return share < 0.01 ? "under 1%" : share.ToString("0%", ReportPage.EnGb);
    }

    private static void WriteOccurrence(StringBuilder page, SubmissionProblem problem, ReportedRow? row)
    {
        var column = row is null || problem.Column is null ? -1 : IndexOf(row.Layout, problem.Column);
        var where = new List<string>();
        if (problem.Sheet is not null)
        {
            where.Add($"sheet <strong>{Html.Encode(problem.Sheet)}</strong>");
        }

        if (problem.Row is { } number)
        {
            where.Add($"row <strong>{number}</strong>");
        }

        if (problem.Column is not null)
        {
            where.Add(column >= 0
                ? $"column <strong>{Html.ColumnLetters(column)}</strong> ({Html.Encode(problem.Column)}), cell <strong>{Html.ColumnLetters(column)}{problem.Row}</strong>"
                : $"column <strong>{Html.Encode(problem.Column)}</strong>");
        }

        page.Append(CultureInfo.InvariantCulture,
            $"<li class=\"occurrence\" data-sheet=\"{Html.Encode(problem.Sheet)}\" data-row=\"{problem.Row}\" data-column=\"{Html.Encode(problem.Column)}\">\n");
        if (where.Count > 0)
        {
            page.Append(CultureInfo.InvariantCulture, $"<p class=\"where\">{Capitalise(string.Join(", ", where))}</p>\n");
        }

        page.Append(CultureInfo.InvariantCulture, $"<p class=\"message\">{Html.Encode(problem.Message)}</p>\n");
        if (row is not null)
        {
            WriteRow(page, row, column);
        }
        else if (problem.Value is not null)
        {
            page.Append(CultureInfo.InvariantCulture, $"<p class=\"value\">As written: <mark>{Html.Encode(problem.Value)}</mark></p>\n");
        }

        page.Append("</li>\n");
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    // The row as written, under its sheet's headers and Excel's column letters; the offending cell marked by more than
    // colour (a border and words). Blank cells are left out, so that the row fits the page: the letters say where each is.
    private static void WriteRow(StringBuilder page, ReportedRow row, int offending)
    {
        var label = row.LastRowNumber > row.RowNumber ? $"Rows {row.RowNumber} to {row.LastRowNumber}" : $"Row {row.RowNumber}";
        var texts = Enumerable.Range(0, row.Layout.Width).Select(c => c < row.Cells.Count ? CellText.Of(row.Cells[c]) ?? "" : "").ToList();
        var shown = Enumerable.Range(0, row.Layout.Width).Where(c => c == offending || texts[c].Length > 0).ToList();
        page.Append(CultureInfo.InvariantCulture,
            $"<div class=\"context\" role=\"group\" tabindex=\"0\" aria-label=\"{label} of sheet {Html.Encode(row.Layout.Sheet)} as you wrote it\">\n<table>\n<caption class=\"visually-hidden\">{label} of sheet {Html.Encode(row.Layout.Sheet)} as you wrote it{(offending >= 0 ? "; the cell with the problem is marked" : "")}</caption>\n<thead><tr><th scope=\"col\">Row</th>");
        foreach (var c in shown)
        {
            page.Append(CultureInfo.InvariantCulture, $"<th scope=\"col\"{(c == offending ? " class=\"offending\"" : "")}><span class=\"letter\">{Html.ColumnLetters(c)}</span> {Html.Encode(row.Layout.Headers[c])}</th>");
        }

        page.Append(CultureInfo.InvariantCulture, $"</tr></thead>\n<tbody><tr><th scope=\"row\">{(row.LastRowNumber > row.RowNumber ? $"{row.RowNumber}–{row.LastRowNumber}" : row.RowNumber)}</th>");
        foreach (var c in shown)
        {
            var text = texts[c].Length > CellTextShown ? string.Concat(texts[c].AsSpan(0, CellTextShown), "…") : texts[c];
            page.Append(c == offending
                ? $"<td class=\"offending\"><mark>{Html.Encode(text)}</mark><span class=\"flag\">problem here</span></td>"
                : $"<td>{Html.Encode(text)}</td>");
        }

        page.Append("</tr></tbody>\n</table>\n</div>\n");
        if (shown.Count < row.Layout.Width)
        {
            page.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">Blank cells of the row are not shown ({row.Layout.Width - shown.Count} of {row.Layout.Width}).</p>\n");
        }
    }

    private static int IndexOf(SheetLayout layout, string header)
    {
        for (var i = 0; i < layout.Headers.Count; i++)
        {
            if (string.Equals(layout.Headers[i], header, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
