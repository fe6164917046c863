using SharedServicesPipeline.Pipeline.Submissions;

namespace SharedServicesPipeline.Pipeline.Reading;

/// <summary>
/// The first pass over a workbook of several sheets: finds a sheet of partners listed by reference and reads it whole,
/// so that the arrangements on the other sheets can still stream in the second pass.
/// </summary>
internal sealed class PartnerSheetPass(IntakeOptions options, HeaderSearch headers)
{
    internal PartnerSheet? Read(IWorkbookReader reader, SubmissionReadResult result)
    {
        do
        {
            var sheet = reader.Name;
            if (SkippedSheets.IsHidden(reader.VisibleState) || SkippedSheets.IsGuidance(sheet))
            {
                continue;
            }

            // Merges are not needed to find a header, and scanning for them would read each sheet to its end.
            var scratch = new SubmissionReadResult();
            if (headers.Find(reader, sheet, new MergedCellFill(null), scratch) is not { } header || !PartnerSheet.IsPartnerLayout(header.Layout))
            {
                continue;
            }

            result.Problems.AddRange(scratch.Problems);
            return ReadPartnerRows(reader, header, result);
        }
        while (reader.NextResult());

        return null;
    }

    private PartnerSheet? ReadPartnerRows(IWorkbookReader reader, HeaderFound header, SubmissionReadResult result)
    {
        var layout = header.Layout;
        var partners = new PartnerSheet(layout);
        var rowNumber = layout.LastHeaderRowNumber;
        var first = header.FirstRow;
        var blankRun = 0;
        while ((first is not null || reader.Read()) && blankRun < options.MaxConsecutiveBlankRows)
        {
            rowNumber++;
            var cells = first?.Cells ?? RowCells.Read(reader, layout.Width);
            first = null;
            var row = new SubmissionRow(layout, rowNumber, cells);
            if (!RowFill.Fill(row, layout, cells) || row.Text(TemplateColumn.Partners) is not { } partner)
            {
                blankRun++;
                continue;
            }

            blankRun = 0;
            if (partners.Count >= options.MaxRows)
            {
                result.Problems.Add(new SubmissionProblem(
                    ProblemSeverity.FileError,
                    "file.too-many-rows",
                    $"Sheet '{layout.Sheet}' lists more than {options.MaxRows:N0} partners. Split the return into smaller files and resubmit.",
                    layout.Sheet,
                    rowNumber));
                return null;
            }

            var lead = row.Text(TemplateColumn.LeadAuthority) is { } named && string.Equals(named, partner, StringComparison.OrdinalIgnoreCase);
            partners.Add(row.Text(TemplateColumn.Reference)?.Trim(), partner, lead, rowNumber);
        }

        return partners;
    }
}
