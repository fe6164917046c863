using System.Globalization;
using System.Xml;
using ClosedXML.Excel;
using SharedServicesPipeline.Pipeline.Reading;
using SharedServicesPipeline.Pipeline.Submissions;
using SharedServicesPipeline.Pipeline.Validation;

namespace SharedServicesPipeline.Pipeline.Reporting;

/// <summary>
/// The submitter's report (<c>report.xlsx</c>): a Summary sheet (counts, warnings, what to do next), then their rows as
/// submitted with an Outcome and a Problems column and each offending cell filled and commented, then a Problems sheet.
/// Written with ClosedXML without anything that needs System.Drawing (column widths are set, never measured).
/// Contact details stay in: the report goes only to the submitter, whose data it is.
/// </summary>
public static class ReportWorkbook
{
    public const string FileName = "report.xlsx";

    private static readonly XLColor ErrorFill = XLColor.FromHtml("#FFC7CE");
    private static readonly XLColor WarningFill = XLColor.FromHtml("#FFEB9C");
    private static readonly XLColor HeaderFill = XLColor.FromHtml("#DDEBF7");

    public static byte[] Write(SubmissionOutcome outcome, IReadOnlyList<SheetLayout> sheets, ReportRowCollector? rows, IntakeOptions options)
    {
        using var workbook = new XLWorkbook();
        WriteSummary(workbook.AddWorksheet("Summary"), outcome, rows, options);
        if (rows is not null)
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Summary", "Problems" };
            foreach (var layout in sheets)
            {
                WriteRows(workbook.AddWorksheet(UniqueSheetName(layout.Sheet, names)), layout, rows.Rows.Where(r => r.Layout == layout));
            }
        }

        // A rejected file has no rows to show: its Summary alone says what was wrong.
        if (outcome.Problems.Count > 0 && outcome.Disposition != SubmissionDisposition.Rejected)
        {
            WriteProblems(workbook.AddWorksheet("Problems"), outcome.Problems, options.ReportMaxProblems);
        }

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static void WriteSummary(IXLWorksheet sheet, SubmissionOutcome outcome, ReportRowCollector? rows, IntakeOptions options)
    {
        sheet.Column(1).Width = 28;
        sheet.Column(2).Width = 100;
        sheet.Cell(1, 1).SetValue("Submission report");
        sheet.Cell(1, 1).Style.Font.Bold = true;
        sheet.Cell(1, 1).Style.Font.FontSize = 14;

        var warnings = outcome.CountOf(ProblemSeverity.Warning);
        var facts = new List<(string Label, object Value)>
        {
            ("File", outcome.FileName),
            ("Submission id", outcome.SubmissionId),
            ("Received (UTC)", outcome.ReceivedAt.UtcDateTime.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture)),
            ("Outcome", outcome.Disposition switch
            {
                SubmissionDisposition.Rejected => "Rejected: nothing was loaded",
                SubmissionDisposition.Duplicate => $"Duplicate of {outcome.DuplicateOf}: nothing changed",
                _ => "Processed",
            }),
        };
        if (outcome.SubmittingCouncil is { } council)
        {
            facts.Add(("Submitted by", $"Council {council} (folder incoming/{council}/): only its own arrangements load"));
        }

        // As the return describes itself above its header: the submitter can check we read who sent it and for when.
        if (outcome.Return?.Authority is { } authority)
        {
            facts.Add(("Return from", outcome.Return.AuthorityCode is { } code ? $"{authority} ({code})" : $"{authority} (not one council: recorded as written)"));
        }

        if (outcome.Return?.Period is { } period)
        {
            facts.Add(("Period", period));
        }

        if (outcome.Disposition != SubmissionDisposition.Rejected)
        {
            facts.AddRange(
            [
                ("Rows read", outcome.RowsRead),
                ("Rows loaded", outcome.RowsAccepted),
                ("Rows not loaded (errors)", outcome.RowsRejected),
                ("Rows held for review", outcome.RowsHeld),
                ("Warnings", warnings),
                ("Arrangements added", outcome.ArrangementsAdded),
                ("Arrangements updated", outcome.ArrangementsUpdated),
                ("Arrangements unchanged", outcome.ArrangementsUnchanged),
            ]);
        }

        var r = 3;
        foreach (var (label, value) in facts)
        {
            sheet.Cell(r, 1).SetValue(label).Style.Font.Bold = true;
            SetCell(sheet.Cell(r, 2), value);
            sheet.Cell(r, 2).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Left;
            r++;
        }

        r++;
        sheet.Cell(r, 1).SetValue("What to do next").Style.Font.Bold = true;
        foreach (var line in NextSteps(outcome, rows, options))
        {
            SetCell(sheet.Cell(r, 2), line);
            sheet.Cell(r, 2).Style.Alignment.WrapText = true;
            r++;
        }

        var byCode = outcome.Summarise();
        if (byCode.Count > 0)
        {
            r++;
            sheet.Cell(r, 1).SetValue("Problems by reason").Style.Font.Bold = true;
            foreach (var group in byCode)
            {
                var reason = group.Reason;
                var line = sheet.Cell(r, 2);
                var notListed = group.NotListed > 0 ? UnlistedNote(group) : "";
                line.SetValue(string.Create(CultureInfo.InvariantCulture, $"{reason.Title} [{reason.Code}], {reason.Severity}: {group.Occurrences:N0}{notListed}. {reason.Fix}"));
                line.Style.Alignment.WrapText = true;
                r++;
            }
        }
    }

    private static IEnumerable<string> NextSteps(SubmissionOutcome outcome, ReportRowCollector? rows, IntakeOptions options)
    {
        switch (outcome.Disposition)
        {
            case SubmissionDisposition.Rejected:
                foreach (var problem in outcome.Problems.Where(p => p.Severity == ProblemSeverity.FileError))
                {
                    yield return problem.Message;
                }

                yield return "Nothing from this file was loaded. Fix the problem above and send the whole file again.";
                yield break;
            case SubmissionDisposition.Duplicate:
                yield return $"This file is byte-for-byte the same as submission {outcome.DuplicateOf}; nothing changed. Send a corrected file if you meant to change something.";
                yield break;
        }

        if (outcome.RowsRejected > 0)
        {
            yield return $"{outcome.RowsRejected:N0} row(s) were not loaded. On the row sheets, the Problems column says why and the cells to correct are shaded red (hover for the note). Correct them and send the whole file again: rows already loaded are updated, not duplicated.";
        }

        var notOurs = outcome.Summarise().FirstOrDefault(r => r.Reason.Code == CouncilParty.NotAPartyCode)?.Rows ?? 0;
        if (notOurs > 0)
        {
            yield return $"{notOurs:N0} row(s) are arrangements that council {outcome.SubmittingCouncil} is not part of: their lead authority and partners do not include it. They are held, not published. If your council is a partner, add it to Partners and send the file again; otherwise ask a partner council to submit them, or send them to the programme team.";
        }

        if (outcome.RowsHeld > notOurs)
        {
            yield return $"{outcome.RowsHeld - notOurs:N0} row(s) name a partner we could not match to a council or public body. They are held for review and load once it is resolved; you can also write the partner's full official name and resubmit.";
        }

        if (outcome.CountOf(ProblemSeverity.Warning) > 0)
        {
            yield return "Warnings (shaded amber) did not stop a row loading, but check them: something was read in a way you may not have meant.";
        }

        if (outcome.RowsRejected == 0 && outcome.RowsHeld == 0)
        {
            yield return "Every row was loaded. Nothing more to do.";
        }

        if (rows is not null && !rows.ShowsAllRows)
        {
            yield return $"The file has more than {options.ReportAllRowsUpTo:N0} rows, so the row sheets show only the rows with problems.";
        }

        if (rows is { ProblemRowsLeftOut: > 0 })
        {
            yield return outcome.ProblemsNotListed.Count == 0
                ? $"{rows.ProblemRowsLeftOut:N0} further row(s) with problems are not shown here (the limit is {options.ReportMaxProblemRows:N0}); outcome.json lists every problem."
                : $"{rows.ProblemRowsLeftOut:N0} further row(s) with problems are not shown here (the limit is {options.ReportMaxProblemRows:N0}).";
        }

        if (outcome.ProblemsNotListed.Count > 0)
        {
            var notListed = outcome.ProblemsNotListed.Sum(u => u.Occurrences);
            yield return $"The file has {outcome.ProblemCount:N0} problems. {outcome.Problems.Count:N0} are listed (here and in outcome.json): those of the first rows, and the first row of each reason met after them; the other {notListed:N0}, in {outcome.ProblemsNotListed.Sum(u => u.Rows):N0} more rows, are counted under \"Problems by reason\" but not listed. Every reason has a listed example: fix its other rows the same way, then send the whole file again.";
        }

        if (outcome.Problems.Count > options.ReportMaxProblems)
        {
            yield return outcome.ProblemsNotListed.Count == 0
                ? $"The Problems sheet lists the first {options.ReportMaxProblems:N0} of {outcome.Problems.Count:N0} problems; outcome.json lists every one."
                : $"The Problems sheet lists the first {options.ReportMaxProblems:N0} of {outcome.ProblemCount:N0} problems; outcome.json lists the first {outcome.Problems.Count:N0}.";
        }
    }

    // What the Summary says of a reason whose problems were not all listed.
    private static string UnlistedNote(ReasonCount group) =>
        string.Create(CultureInfo.InvariantCulture, $" (the first {group.Occurrences - group.NotListed:N0} listed; {group.NotListed:N0} more in {group.RowsNotListed:N0} more rows with the same problem are counted, not listed: fix them the same way)");

    private static void WriteRows(IXLWorksheet sheet, SheetLayout layout, IEnumerable<ReportedRow> rows)
    {
        var width = layout.Width;
        var rowColumn = width + 1;
        var outcomeColumn = width + 2;
        var problemsColumn = width + 3;
        for (var c = 0; c < width; c++)
        {
            SetCell(sheet.Cell(1, c + 1), layout.Headers[c]);
            sheet.Column(c + 1).Width = 22;
        }

        sheet.Cell(1, rowColumn).SetValue("Row in your file");
        sheet.Cell(1, outcomeColumn).SetValue("Outcome");
        sheet.Cell(1, problemsColumn).SetValue("Problems");
        sheet.Column(rowColumn).Width = 10;
        sheet.Column(outcomeColumn).Width = 16;
        sheet.Column(problemsColumn).Width = 80;
        var header = sheet.Range(1, 1, 1, problemsColumn);
        header.Style.Font.Bold = true;
        header.Style.Fill.BackgroundColor = HeaderFill;
        sheet.SheetView.FreezeRows(1);

        var columnOf = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var c = 0; c < width; c++)
        {
            columnOf.TryAdd(layout.Headers[c], c + 1);
        }

        var r = 2;
        foreach (var row in rows)
        {
            for (var c = 0; c < width && c < row.Cells.Count; c++)
            {
                SetCell(sheet.Cell(r, c + 1), row.Cells[c]);
            }

            if (row.LastRowNumber > row.RowNumber)
            {
                sheet.Cell(r, rowColumn).SetValue($"{row.RowNumber}\u2013{row.LastRowNumber}"); // one arrangement over several rows
            }
            else
            {
                sheet.Cell(r, rowColumn).SetValue(row.RowNumber);
            }
            sheet.Cell(r, outcomeColumn).SetValue(row.Outcome switch
            {
                RowOutcome.Accepted => "Loaded",
                RowOutcome.Held => "Held for review",
                _ => "Not loaded",
            });
            if (row.Problems.Count > 0)
            {
                var problems = sheet.Cell(r, problemsColumn);
                SetCell(problems, string.Join("\n", row.Problems.Select(p => $"{p.Column ?? "Row"}: {p.Message}")));
                problems.Style.Alignment.WrapText = true;
                problems.Style.Fill.BackgroundColor = row.Problems.Any(p => p.Severity != ProblemSeverity.Warning) ? ErrorFill : WarningFill;
                Highlight(sheet, r, row.Problems, columnOf);
            }

            r++;
        }
    }

    // Each offending cell: red for an error, amber for a warning, with the messages in a comment.
    private static void Highlight(IXLWorksheet sheet, int r, IReadOnlyList<SubmissionProblem> problems, Dictionary<string, int> columnOf)
    {
        foreach (var group in problems.Where(p => p.Column is not null).GroupBy(p => p.Column!, StringComparer.OrdinalIgnoreCase))
        {
            if (!columnOf.TryGetValue(group.Key, out var column))
            {
                continue;
            }

            var cell = sheet.Cell(r, column);
            cell.Style.Fill.BackgroundColor = group.Any(p => p.Severity != ProblemSeverity.Warning) ? ErrorFill : WarningFill;
            cell.Comment.AddText(XmlSafe(string.Join("\n", group.Select(p => $"{p.Message} [{p.Code}]"))));
        }
    }

    private static void WriteProblems(IXLWorksheet sheet, IReadOnlyList<SubmissionProblem> problems, int max)
    {
        string[] headers = ["Severity", "Reason code", "Sheet", "Row", "Column", "Value", "Message", "How to fix"];
        double[] widths = [12, 28, 20, 8, 24, 30, 100, 60];
        for (var c = 0; c < headers.Length; c++)
        {
            sheet.Cell(1, c + 1).SetValue(headers[c]);
            sheet.Column(c + 1).Width = widths[c];
        }

        var header = sheet.Range(1, 1, 1, headers.Length);
        header.Style.Font.Bold = true;
        header.Style.Fill.BackgroundColor = HeaderFill;
        sheet.SheetView.FreezeRows(1);

        var r = 2;
        foreach (var problem in problems.OrderByDescending(p => p.Severity).Take(max))
        {
            sheet.Cell(r, 1).SetValue(Describe(problem.Severity));
            sheet.Cell(r, 2).SetValue(problem.Code);
            SetCell(sheet.Cell(r, 3), problem.Sheet);
            SetCell(sheet.Cell(r, 4), problem.Row);
            SetCell(sheet.Cell(r, 5), problem.Column);
            SetCell(sheet.Cell(r, 6), problem.Value);
            SetCell(sheet.Cell(r, 7), problem.Message);
            SetCell(sheet.Cell(r, 8), ReasonCatalogue.BuiltIn.Of(problem.Code, problem.Severity).Fix);
            r++;
        }
    }

    private static void SetCell(IXLCell cell, object? value)
    {
        switch (value)
        {
            case null:
                break;
            case string s:
                cell.SetValue(XmlSafe(s));
                if (FormulaGuard.IsFormulaLike(s))
                {
                    // Shown as submitted, in a text cell (never a formula), and marked as typed text (Excel's quote
                    // prefix), so that editing the cell in Excel cannot turn a submitted "=HYPERLINK(…)" into one.
                    cell.Style.IncludeQuotePrefix = true;
                }

                break;
            case double d:
                cell.SetValue(d);
                break;
            case int i:
                cell.SetValue(i);
                break;
            case bool b:
                cell.SetValue(b);
                break;
            case DateTime dt:
                cell.SetValue(dt);
                cell.Style.NumberFormat.Format = dt.TimeOfDay == TimeSpan.Zero ? "dd/mm/yyyy" : "dd/mm/yyyy hh:mm";
                break;
            default:
                SetCell(cell, CellText.Of(value) ?? "");
                break;
        }
    }

    // Text from a CSV (or an .xlsx's _x0001_ escapes) can hold control characters XML cannot carry; Excel's cell limit is 32,767.
    private static string XmlSafe(string text)
    {
        var clean = text.Any(c => !XmlConvert.IsXmlChar(c) && !char.IsSurrogate(c))
            ? new string(text.Where(c => XmlConvert.IsXmlChar(c) || char.IsSurrogate(c)).ToArray())
            : text;
        return clean.Length <= 32_767 ? clean : clean[..(char.IsHighSurrogate(clean[32_766]) ? 32_766 : 32_767)];
    }

    private static string Describe(ProblemSeverity severity) => severity switch
    {
        ProblemSeverity.FileError => "File error",
        ProblemSeverity.RowError => "Row error",
        _ => "Warning",
    };

    // Excel sheet names: at most 31 characters, none of : \ / ? * [ ], unique ignoring case.
    private static string UniqueSheetName(string name, HashSet<string> taken)
    {
        var clean = new string(XmlSafe(name).Select(c => ":\\/?*[]".Contains(c, StringComparison.Ordinal) ? '-' : c).ToArray()).Trim('\'', ' ');
        if (clean.Length == 0)
        {
            clean = "Rows";
        }

        var candidate = clean.Length > 31 ? clean[..31] : clean;
        for (var n = 2; !taken.Add(candidate); n++)
        {
            var suffix = $" ({n})";
            candidate = (clean.Length + suffix.Length > 31 ? clean[..(31 - suffix.Length)] : clean) + suffix;
        }

        return candidate;
    }
}
