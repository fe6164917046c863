using SharedServicesPipeline.Pipeline.Submissions;

namespace SharedServicesPipeline.Pipeline.Reading;

/// <summary>
/// The pass that reads arrangements: each sheet not skipped, its header found and checked for the required columns,
/// its rows read; then the file errors for a file with no usable header or no arrangements.
/// </summary>
internal sealed class ArrangementSheets(IntakeOptions options, HeaderSearch headers, SheetRows rows)
{
    internal void Read(IWorkbookReader reader, string fileName, SubmissionFormat format, SubmissionReadResult result, Action<SubmissionRow> onRow, PartnerSheet? partners)
    {
        SubmissionProblem? missingColumns = null;
        List<SheetLayout>? emptySheets = null;
        if (partners is not null)
        {
            var handOn = onRow;
            onRow = row =>
            {
                partners.Attach(row);
                handOn(row);
            };
        }

        do
        {
            var sheet = format == SubmissionFormat.Csv ? Path.GetFileNameWithoutExtension(fileName) : reader.Name;
            if (format != SubmissionFormat.Csv && (SkippedSheets.IsHidden(reader.VisibleState) || SkippedSheets.IsGuidance(sheet) || sheet == partners?.Sheet))
            {
                continue;
            }

            var merges = new MergedCellFill(format == SubmissionFormat.Csv ? null : reader.MergeCells);
            var found = headers.Find(reader, sheet, merges, result);
            if (result.HasFileError)
            {
                return;
            }

            if (found is not { } header)
            {
                continue;
            }

            var layout = header.Layout;
            var missing = TemplateColumns.Required
                .Where(c => !layout.Has(c)
                    && !(c == TemplateColumn.Partners && (layout.HasWidePartners || (partners is not null && PartnerSheet.Joins(layout))))
                    && !(c == TemplateColumn.ServiceArea && layout.SheetServiceArea is not null))
                .ToList();
            if (missing.Count > 0)
            {
                missingColumns ??= new SubmissionProblem(
                    ProblemSeverity.FileError,
                    "file.required-column-missing",
                    $"The header row on sheet '{sheet}' (row {layout.HeaderRowNumber}) has no {string.Join(" or ", missing.Select(c => $"'{TemplateColumns.DisplayName(c)}'"))} column. Add it (see the template's column names) and resubmit.",
                    sheet,
                    layout.HeaderRowNumber);
                continue;
            }

            SheetConventions.Report(layout, result.Problems);
            if (!header.Title.IsEmpty)
            {
                result.Description ??= header.Title;
                result.Description.Period ??= header.Title.Period;
            }

            result.Sheets.Add(layout);
            var rowsBefore = result.RowsRead;
            rows.Read(reader, layout, merges, result, onRow, header.FirstRow);
            if (result.HasFileError)
            {
                return;
            }

            if (result.RowsRead == rowsBefore)
            {
                (emptySheets ??= []).Add(layout);
            }
        }
        while (reader.NextResult());

        // A partners sheet beside no arrangements sheet that joins it: the file error below says what is missing.
        if (result.Sheets.Count > 0)
        {
            partners?.Report(result.Problems);
        }

        // A sheet whose table held only the form's example says nothing the report needs to show.
        if (result.RowsRead > 0 && emptySheets is not null)
        {
            result.Sheets.RemoveAll(emptySheets.Contains);
        }

        if (result.Sheets.Count == 0)
        {
            result.Problems.Add(missingColumns ?? new SubmissionProblem(
                ProblemSeverity.FileError,
                "file.no-header-row",
                $"No sheet in {fileName} has a header row with the template's columns (Arrangement, Partners, Service area) in its first {options.HeaderSearchRows} rows. Use the template and resubmit."));
        }
        else if (result.RowsRead == 0)
        {
            var first = result.Sheets[0];
            result.Problems.Add(new SubmissionProblem(
                ProblemSeverity.FileError,
                "file.no-arrangements",
                $"{fileName} has the template's header row (sheet '{first.Sheet}', row {first.HeaderRowNumber}) but no arrangements under it. Fill in one row per arrangement and resubmit.",
                first.Sheet,
                first.HeaderRowNumber));
        }
    }
}
