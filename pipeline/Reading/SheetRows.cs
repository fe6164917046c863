using SharedServicesPipeline.Pipeline.Submissions;

namespace SharedServicesPipeline.Pipeline.Reading;

/// <summary>
/// Reads a sheet's data rows under its header and hands each arrangement on as it is complete: partners continued over
/// rows joined, blank runs, totals, repeated headers and the form's examples passed over, the row limit kept.
/// </summary>
internal sealed class SheetRows(IntakeOptions options, HeaderSynonyms synonyms)
{
    internal void Read(IWorkbookReader reader, SheetLayout layout, MergedCellFill merges, SubmissionReadResult result, Action<SubmissionRow> onRow, PreparedRow? first)
    {
        var continuation = new ContinuationRows(layout, result.Problems);
        ReadRows(reader, layout, merges, result, onRow, first, continuation);
        SheetConventions.ReportJoined(layout, continuation, result.Problems);
    }

    private void ReadRows(IWorkbookReader reader, SheetLayout layout, MergedCellFill merges, SubmissionReadResult result, Action<SubmissionRow> onRow, PreparedRow? first, ContinuationRows continuation)
    {
        var rowNumber = layout.LastHeaderRowNumber;
        var title = layout.IndexOf(TemplateColumn.Arrangement);
        var blankRun = 0;
        var seenData = false;
        while (first is not null || reader.Read())
        {
            rowNumber++;
            var prepared = first ?? Prepare(reader, layout.Width, title, merges, rowNumber - 1);
            first = null;
            var row = new SubmissionRow(layout, rowNumber, prepared.Cells);
            if (prepared.Blank || !RowFill.Fill(row, layout, prepared.Cells))
            {
                // A blank row ends an arrangement whose partners run over several rows.
                if (!Hand(continuation.Take(), result, onRow))
                {
                    return;
                }

                if (++blankRun >= options.MaxConsecutiveBlankRows)
                {
                    result.Problems.Add(new SubmissionProblem(
                        ProblemSeverity.Warning,
                        "sheet.reading-stopped",
                        $"Reading stopped after {options.MaxConsecutiveBlankRows:N0} blank rows in a row; anything further down this sheet was not read. Remove the blank rows if there are arrangements below.",
                        layout.Sheet,
                        rowNumber));
                    return;
                }

                continue;
            }

            blankRun = 0;
            if (TableBoundaries.IsTrailer(row))
            {
                Hand(continuation.Take(), result, onRow);
                return;
            }

            if (TableBoundaries.IsRepeatedHeader(row, layout, synonyms))
            {
                // Another table starts; the row held back may be its caption rather than an arrangement.
                if (continuation.Take() is { } before && !TableBoundaries.IsCaption(before) && !Hand(before, result, onRow))
                {
                    return;
                }

                continue;
            }

            if (PlaceholderRows.IsExample(row))
            {
                result.Problems.Add(new SubmissionProblem(
                    ProblemSeverity.Warning,
                    "row.example-skipped",
                    "This row looks like the form's worked example ('e.g. …'), so it was not read as an arrangement. Delete it, or write your arrangement over it.",
                    layout.Sheet,
                    rowNumber,
                    layout.HeaderFor(TemplateColumn.Arrangement),
                    row.Text(TemplateColumn.Arrangement)));
                continue;
            }

            if (!seenData && PlaceholderRows.IsColumnNumbers(prepared.Cells))
            {
                continue; // 1, 2, 3 … numbering the columns under the header
            }

            seenData = true;
            if (continuation.TryJoin(row, prepared.Cells, prepared.OwnTitle))
            {
                continue;
            }

            if (!Hand(continuation.Take(), result, onRow))
            {
                return;
            }

            continuation.Hold(row, prepared.Cells);
        }

        Hand(continuation.Take(), result, onRow);
    }

    private PreparedRow Prepare(IWorkbookReader reader, int width, int title, MergedCellFill merges, int rowIndex)
    {
        var cells = RowCells.Read(reader, width);
        // A row blank but for a merge reaching down into it is still blank: not an arrangement with no title.
        var blank = Array.TrueForAll(cells, c => c is null);
        var ownTitle = title >= 0 && cells[title] is not null;
        merges.Apply(rowIndex, cells);
        return new PreparedRow(cells, blank, ownTitle);
    }

    // What the row's text costs whatever it holds: validated, reported, kept in the snapshot and loaded, character by character.
    private static long TextLength(SubmissionRow row)
    {
        long chars = 0;
        foreach (var cell in row.Cells)
        {
            chars += cell is string text ? text.Length : 0;
        }

        foreach (var source in row.PartnerSources ?? [])
        {
            chars += source.Text.Length;
        }

        foreach (var partner in row.WidePartners)
        {
            chars += partner.Name.Length + (partner.Tier?.Length ?? 0);
        }

        return chars;
    }

    // Hands a complete arrangement on; false when the file has too many and reading must stop.
    private bool Hand(SubmissionRow? row, SubmissionReadResult result, Action<SubmissionRow> onRow)
    {
        if (row is null)
        {
            return true;
        }

        if (result.RowsRead >= options.MaxRows)
        {
            result.Problems.Add(new SubmissionProblem(
                ProblemSeverity.FileError,
                "file.too-many-rows",
                $"The file has more than {options.MaxRows:N0} data rows. Split it into smaller files and resubmit.",
                row.Sheet,
                row.RowNumber));
            return false;
        }

        // Charged before the row's work is done (validation, matching, the load): a file the budget cannot take stops here.
        result.Work.At = (row.Sheet, row.RowNumber);
        result.Work.ChargeRow(TextLength(row));
        result.RowsRead++;
        onRow(row);
        return true;
    }
}
