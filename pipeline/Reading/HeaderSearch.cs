using SharedServicesPipeline.Pipeline.Submissions;

namespace SharedServicesPipeline.Pipeline.Reading;

/// <summary>
/// Finds a sheet's header row in its first rows (the rows above are its title block), reads the row below when it
/// finishes the header, and maps the headers to template columns.
/// </summary>
internal sealed class HeaderSearch(IntakeOptions options, HeaderSynonyms synonyms)
{
    internal HeaderFound? Find(IWorkbookReader reader, string sheet, MergedCellFill merges, SubmissionReadResult result)
    {
        var title = new TitleBlock(sheet);
        for (var rowIndex = 0; rowIndex < options.HeaderSearchRows && reader.Read(); rowIndex++)
        {
            var cells = RowCells.Read(reader, reader.FieldCount);
            merges.Apply(rowIndex, cells);
            var texts = cells.Select(CellText.Of).ToList();
            var nonBlank = texts.Count(t => t is not null);
            if (nonBlank > options.MaxColumns)
            {
                result.Problems.Add(new SubmissionProblem(
                    ProblemSeverity.FileError,
                    "file.too-many-columns",
                    $"Row {rowIndex + 1} of sheet '{sheet}' has {nonBlank:N0} filled columns; the template has {TemplateColumns.TemplateCount} and the limit is {options.MaxColumns:N0}. Keep only the template's columns and resubmit.",
                    sheet,
                    rowIndex + 1));
                return null;
            }

            var (layout, unknown, repeated) = BuildLayout(sheet, rowIndex + 1, texts, 1);
            // A header row names at least two template columns, one of them the arrangement or its partners.
            if (!IsHeader(layout))
            {
                title.Add(texts, rowIndex + 1, synonyms);
                continue;
            }

            // The row below may finish the header: "Annual" | "To date" under a "Savings (£)" merged across them.
            PreparedRow? first = null;
            if (reader.Read())
            {
                var next = RowCells.Read(reader, Math.Max(texts.Count, reader.FieldCount));
                var own = Array.ConvertAll(next, c => c is not null);
                var blank = Array.TrueForAll(next, c => c is null);
                merges.Apply(rowIndex + 1, next);
                var headerRow = rowIndex;
                if (!blank && SubHeaderRow.Combine(texts, next, own, c => merges.AcrossFrom(headerRow, c), layout, synonyms) is { } combined)
                {
                    (layout, unknown, repeated) = BuildLayout(sheet, rowIndex + 1, combined, 2);
                }
                else
                {
                    var titleColumn = layout.IndexOf(TemplateColumn.Arrangement);
                    first = new PreparedRow(RowCells.Fit(next, layout.Width), blank, titleColumn >= 0 && titleColumn < own.Length && own[titleColumn]);
                }
            }

            SheetConventions.Settle(layout, title);
            ColumnWarnings.Report(sheet, rowIndex + 1, unknown, repeated, result);
            return new HeaderFound(layout, first, title);
        }

        return null;
    }

    /// <summary>How many template columns <paramref name="texts"/> names when it is a header row; 0 when it is not one.</summary>
    internal int NamedColumns(IReadOnlyList<string?> texts)
    {
        var (layout, _, _) = BuildLayout("", 1, texts, 1);
        return IsHeader(layout) ? layout.Columns.Count + (layout.HasWidePartners ? 1 : 0) : 0;
    }

    private static bool IsHeader(SheetLayout layout) =>
        layout.Columns.Count + (layout.HasWidePartners ? 1 : 0) >= 2
        && (layout.Has(TemplateColumn.Arrangement) || layout.Has(TemplateColumn.Partners) || layout.HasWidePartners);

    private (SheetLayout Layout, List<string> Unknown, List<string> Repeated) BuildLayout(string sheet, int rowNumber, IReadOnlyList<string?> texts, int headerRows)
    {
        var width = 0;
        for (var i = texts.Count - 1; i >= 0; i--)
        {
            if (texts[i] is not null)
            {
                width = i + 1;
                break;
            }
        }

        var layout = new SheetLayout(sheet, rowNumber, [.. texts.Take(width).Select(t => t ?? "")], headerRows);
        var unknown = new List<string>();
        var repeated = new List<string>();
        for (var i = 0; i < width; i++)
        {
            if (texts[i] is not { } text)
            {
                continue;
            }

            if (synonyms.Resolve(text) is { } column)
            {
                if (layout.Has(column))
                {
                    repeated.Add(text);
                }
                else
                {
                    layout.Add(i, column);
                }
            }
            else if (HeaderSynonyms.ResolveWidePartner(text) is { } wide)
            {
                layout.WidePartner[i] = wide;
            }
            else if (layout.PartnerTierIndex < 0 && HeaderSynonyms.IsPartnerTier(text))
            {
                layout.PartnerTierIndex = i;
            }
            else
            {
                unknown.Add(text);
            }
        }

        return (layout, unknown, repeated);
    }
}
