using System.Globalization;
using System.IO.Compression;
using SharedServicesPipeline.Pipeline.Reading;
using SharedServicesPipeline.Pipeline.Submissions;
using SharedServicesPipeline.Pipeline.Validation;
using SharedServicesPipeline.Pipeline.Workbooks;

namespace SharedServicesPipeline.Pipeline.Reporting;

/// <summary>
/// The submitter's report (<c>report.xlsx</c>): a Summary sheet (counts, warnings, what to do next), then their rows as
/// submitted with an Outcome and a Problems column and each offending cell filled and commented, then a Problems sheet.
/// Written as a stream (<see cref="XlsxStreamWriter"/>, the writer publishing's compendium uses too): sheet by sheet
/// and row by row, holding only a sheet's notes until its end, so that an ingest never loads ClosedXML (it cost the
/// 100k-row ingest's peak 30 MB). Column widths are set, never measured. Contact details stay in: the report goes only
/// to the submitter, whose data it is.
/// </summary>
public static class ReportWorkbook
{
    public const string FileName = "report.xlsx";

    private static readonly double[] ProblemWidths = [12, 28, 20, 8, 24, 30, 100, 60];
    private static readonly string[] ProblemHeaders = ["Severity", "Reason code", "Sheet", "Row", "Column", "Value", "Message", "How to fix"];

    /// <summary>Writes the workbook to <paramref name="output"/> (left open).</summary>
    public static void Write(Stream output, SubmissionOutcome outcome, IReadOnlyList<SheetLayout> sheets, ReportRowCollector? rows, IntakeOptions options)
    {
        // Optimal: at most a few thousand rows, and the submitter downloads it (inline strings take more room than shared ones).
        using var workbook = new XlsxStreamWriter(output, CompressionLevel.Optimal);
        workbook.AddSheet("Summary", [28, 100], freezeHeader: false, sheet => WriteSummary(sheet, outcome, rows, options));
        if (rows is not null)
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Summary", "Problems" };
            foreach (var layout in sheets)
            {
                var width = layout.Width;
                double[] widths = [.. Enumerable.Repeat(22.0, width), 10, 16, 80];
                workbook.AddSheet(UniqueSheetName(layout.Sheet, names), widths, freezeHeader: true, sheet => WriteRows(sheet, layout, rows.Rows.Where(r => r.Layout == layout)));
            }
        }

        // A rejected file has no rows to show: its Summary alone says what was wrong.
        if (outcome.Problems.Count > 0 && outcome.Disposition != SubmissionDisposition.Rejected)
        {
            workbook.AddSheet("Problems", ProblemWidths, freezeHeader: true, sheet => WriteProblems(sheet, outcome.Problems, options.ReportMaxProblems));
        }
    }

    private static XlsxTable? WriteSummary(XlsxRowWriter sheet, SubmissionOutcome outcome, ReportRowCollector? rows, IntakeOptions options)
    {
        sheet.StartRow(1);
        sheet.Text("Submission report", XlsxStyle.ReportTitle);

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
            sheet.StartRow(r++);
            sheet.Text(label, XlsxStyle.Bold);
            SetCell(sheet, value, CellLook.Left);
        }

        // A heading, with its first line beside it and the others below.
        void Lines(string heading, IEnumerable<string> lines, Action<string> write)
        {
            r++;
            var first = true;
            foreach (var line in lines)
            {
                sheet.StartRow(r++);
                if (first)
                {
                    sheet.Text(heading, XlsxStyle.Bold);
                }
                else
                {
                    sheet.Skip();
                }

                first = false;
                write(line);
            }

            if (first)
            {
                sheet.StartRow(r);
                sheet.Text(heading, XlsxStyle.Bold);
            }
        }

        Lines("What to do next", NextSteps(outcome, rows, options), line => SetCell(sheet, line, CellLook.Wrap));
        var byCode = outcome.Summarise();
        if (byCode.Count > 0)
        {
            // Our own words (reason titles and fixes): never a formula, so no quote prefix.
            Lines("Problems by reason", byCode.Select(group =>
            {
                var reason = group.Reason;
                var notListed = group.NotListed > 0 ? UnlistedNote(group) : "";
                return string.Create(CultureInfo.InvariantCulture, $"{reason.Title} [{reason.Code}], {reason.Severity}: {group.Occurrences:N0}{notListed}. {reason.Fix}");
            }), line => sheet.Text(line, XlsxStyle.Wrap));
        }

        sheet.EndRows();
        return null;
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

    private static XlsxTable? WriteRows(XlsxRowWriter sheet, SheetLayout layout, IEnumerable<ReportedRow> rows)
    {
        var width = layout.Width;
        sheet.StartRow(1);
        for (var c = 0; c < width; c++)
        {
            SetCell(sheet, layout.Headers[c], CellLook.Header);
        }

        sheet.Text("Row in your file", XlsxStyle.Header);
        sheet.Text("Outcome", XlsxStyle.Header);
        sheet.Text("Problems", XlsxStyle.Header);

        var columnOf = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var c = 0; c < width; c++)
        {
            columnOf.TryAdd(layout.Headers[c], c);
        }

        var r = 2;
        var marks = new Mark?[width];
        foreach (var row in rows)
        {
            sheet.StartRow(r++);
            Marks(row.Problems, columnOf, marks);
            for (var c = 0; c < width; c++)
            {
                SetCell(sheet, c < row.Cells.Count ? row.Cells[c] : null, marks[c]?.Look ?? CellLook.Plain);
                if (marks[c] is { } mark)
                {
                    sheet.Note(mark.Note);
                }
            }

            if (row.LastRowNumber > row.RowNumber)
            {
                sheet.Text($"{row.RowNumber}\u2013{row.LastRowNumber}"); // one arrangement over several rows
            }
            else
            {
                sheet.Number((decimal)row.RowNumber);
            }

            sheet.Text(row.Outcome switch
            {
                RowOutcome.Accepted => "Loaded",
                RowOutcome.Held => "Held for review",
                _ => "Not loaded",
            });
            if (row.Problems.Count > 0)
            {
                var look = row.Problems.Any(p => p.Severity != ProblemSeverity.Warning) ? CellLook.ErrorWrap : CellLook.WarningWrap;
                SetCell(sheet, string.Join("\n", row.Problems.Select(p => $"{p.Column ?? "Row"}: {p.Message}")), look);
            }
        }

        sheet.EndRows();
        return null;
    }

    // What marks a cell: red for an error, amber for a warning.
    private sealed record Mark(CellLook Look, string Note);

    // Each offending cell of a row: its fill, and its messages for the cell's note.
    private static void Marks(IReadOnlyList<SubmissionProblem> problems, Dictionary<string, int> columnOf, Mark?[] marks)
    {
        Array.Clear(marks);
        foreach (var group in problems.Where(p => p.Column is not null).GroupBy(p => p.Column!, StringComparer.OrdinalIgnoreCase))
        {
            if (columnOf.TryGetValue(group.Key, out var column))
            {
                var look = group.Any(p => p.Severity != ProblemSeverity.Warning) ? CellLook.Error : CellLook.Warning;
                marks[column] = new Mark(look, string.Join("\n", group.Select(p => $"{p.Message} [{p.Code}]")));
            }
        }
    }

    private static XlsxTable? WriteProblems(XlsxRowWriter sheet, IReadOnlyList<SubmissionProblem> problems, int max)
    {
        sheet.StartRow(1);
        foreach (var header in ProblemHeaders)
        {
            sheet.Text(header, XlsxStyle.Header);
        }

        var r = 2;
        foreach (var problem in problems.OrderByDescending(p => p.Severity).Take(max))
        {
            sheet.StartRow(r++);
            sheet.Text(Describe(problem.Severity));
            sheet.Text(problem.Code);
            SetCell(sheet, problem.Sheet);
            SetCell(sheet, problem.Row);
            SetCell(sheet, problem.Column);
            SetCell(sheet, problem.Value);
            SetCell(sheet, problem.Message);
            SetCell(sheet, ReasonCatalogue.BuiltIn.Of(problem.Code, problem.Severity).Fix);
        }

        sheet.EndRows();
        return null;
    }

    // How a cell looks besides what its value asks for (a date's format, a formula-like text's quote prefix).
    private enum CellLook
    {
        Plain,
        Left,
        LeftWrap,
        Wrap,
        Header,
        HeaderWrap,
        Error,
        ErrorWrap,
        Warning,
        WarningWrap,
    }

    private enum ValueKind
    {
        Text,
        Quoted,
        Date,
        DateTime,
        Number,
    }

    private static void SetCell(XlsxRowWriter sheet, object? value, CellLook look = CellLook.Plain)
    {
        switch (value)
        {
            case null:
                sheet.Blank(StyleOf(look, ValueKind.Text));
                break;
            case string s when string.IsNullOrEmpty(XlsxRowWriter.XmlSafe(s)):
                sheet.Blank(StyleOf(look, ValueKind.Text));
                break;
            case string s:
                // Shown as submitted, in a text cell (never a formula), and marked as typed text (Excel's quote
                // prefix), so that editing the cell in Excel cannot turn a submitted "=HYPERLINK(…)" into one.
                // Text of several lines wraps, as Excel (and ClosedXML) show it.
                sheet.Text(s, StyleOf(s.Contains('\n', StringComparison.Ordinal) ? Wrapped(look) : look, FormulaGuard.IsFormulaLike(s) ? ValueKind.Quoted : ValueKind.Text));
                break;
            case double d:
                sheet.Real(d, StyleOf(look, ValueKind.Number));
                break;
            case int i:
                sheet.Number((decimal)i, StyleOf(look, ValueKind.Number));
                break;
            case bool b:
                sheet.Boolean(b, StyleOf(look, ValueKind.Number));
                break;
            case DateTime dt:
                sheet.Date(dt, StyleOf(look, dt.TimeOfDay == TimeSpan.Zero ? ValueKind.Date : ValueKind.DateTime));
                break;
            default:
                SetCell(sheet, CellText.Of(value) ?? "", look);
                break;
        }
    }

    private static CellLook Wrapped(CellLook look) => look switch
    {
        CellLook.Plain => CellLook.Wrap,
        CellLook.Left => CellLook.LeftWrap,
        CellLook.Header => CellLook.HeaderWrap,
        CellLook.Error => CellLook.ErrorWrap,
        CellLook.Warning => CellLook.WarningWrap,
        _ => look,
    };

    private static XlsxStyle StyleOf(CellLook look, ValueKind kind) => (look, kind) switch
    {
        (CellLook.Plain, ValueKind.Quoted) => XlsxStyle.Quoted,
        (CellLook.Plain, ValueKind.Date) => XlsxStyle.Date,
        (CellLook.Plain, ValueKind.DateTime) => XlsxStyle.DateTime,
        (CellLook.Plain, _) => XlsxStyle.Normal,
        (CellLook.Left, ValueKind.Quoted) => XlsxStyle.TextLeftQuoted,
        (CellLook.Left, ValueKind.DateTime) => XlsxStyle.DateTimeLeft,
        (CellLook.Left, _) => XlsxStyle.TextLeft,
        (CellLook.LeftWrap, ValueKind.Quoted) => XlsxStyle.TextLeftWrapQuoted,
        (CellLook.LeftWrap, _) => XlsxStyle.TextLeftWrap,
        (CellLook.Wrap, ValueKind.Quoted) => XlsxStyle.WrapQuoted,
        (CellLook.Wrap, _) => XlsxStyle.Wrap,
        (CellLook.Header, ValueKind.Quoted) => XlsxStyle.HeaderQuoted,
        (CellLook.Header, _) => XlsxStyle.Header,
        (CellLook.HeaderWrap, ValueKind.Quoted) => XlsxStyle.HeaderWrapQuoted,
        (CellLook.HeaderWrap, _) => XlsxStyle.HeaderWrap,
        (CellLook.Error, ValueKind.Quoted) => XlsxStyle.ErrorQuoted,
        (CellLook.Error, ValueKind.Date) => XlsxStyle.ErrorDate,
        (CellLook.Error, ValueKind.DateTime) => XlsxStyle.ErrorDateTime,
        (CellLook.Error, _) => XlsxStyle.Error,
        (CellLook.ErrorWrap, ValueKind.Quoted) => XlsxStyle.ErrorWrapQuoted,
        (CellLook.ErrorWrap, _) => XlsxStyle.ErrorWrap,
        (CellLook.Warning, ValueKind.Quoted) => XlsxStyle.WarningQuoted,
        (CellLook.Warning, ValueKind.Date) => XlsxStyle.WarningDate,
        (CellLook.Warning, ValueKind.DateTime) => XlsxStyle.WarningDateTime,
        (CellLook.Warning, _) => XlsxStyle.Warning,
        (CellLook.WarningWrap, ValueKind.Quoted) => XlsxStyle.WarningWrapQuoted,
        (CellLook.WarningWrap, _) => XlsxStyle.WarningWrap,
        _ => XlsxStyle.Normal,
    };

    private static string Describe(ProblemSeverity severity) => severity switch
    {
        ProblemSeverity.FileError => "File error",
        ProblemSeverity.RowError => "Row error",
        _ => "Warning",
    };

    // Excel sheet names: at most 31 characters, none of : \ / ? * [ ], unique ignoring case.
    private static string UniqueSheetName(string name, HashSet<string> taken)
    {
        var clean = new string((XlsxRowWriter.XmlSafe(name) ?? "").Select(c => ":\\/?*[]".Contains(c, StringComparison.Ordinal) ? '-' : c).ToArray()).Trim('\'', ' ');
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
