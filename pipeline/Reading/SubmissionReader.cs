using System.Text;
using ExcelDataReader;
using ExcelDataReader.Exceptions;
using Microsoft.Extensions.Options;
using SharedServicesPipeline.Pipeline.Reading.Legacy;
using SharedServicesPipeline.Pipeline.Submissions;

namespace SharedServicesPipeline.Pipeline.Reading;

/// <summary>
/// Finds and reads the arrangements in a submission (.xlsx, .xlsm, .xls or .csv) as a stream of rows.
/// Every format is read forward-only (see <see cref="WorkbookReaders"/>), so memory does not grow with the file;
/// ClosedXML is kept for the workbooks we write (it loads whole workbooks, and cannot share a process with OpenXml 3.x).
/// </summary>
public sealed class SubmissionReader
{
    // Sheets that explain or feed the template: skipped even when they show an example table with the template's headers.
    private static readonly HashSet<string> SkippedSheetNames = new(StringComparer.Ordinal)
    {
        "notes", "readme", "help", "about", "cover", "contents", "glossary", "definitions", "codes", "lists", "list",
        "lookup", "lookups", "dropdown", "dropdowns", "validation", "datavalidation", "referencedata", "example", "examples",
    };

    private static readonly string[] SkippedSheetPrefixes = ["guidance", "instruction", "howto", "lookup", "dropdown"];

    private const int UnknownColumnsListed = 10;

    private readonly IntakeOptions _options;
    private readonly HeaderSynonyms _synonyms;

    static SubmissionReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public SubmissionReader(IOptions<IntakeOptions> options)
        : this(options.Value, HeaderSynonyms.BuiltIn)
    {
    }

    public SubmissionReader(IntakeOptions options, HeaderSynonyms synonyms)
    {
        _options = options;
        _synonyms = synonyms;
    }

    /// <summary>Reads .xlsx and .xlsm with ExcelDataReader as well (it reads .xls and .csv): the oracle the tests compare our reader with.</summary>
    internal bool OpenXmlThroughExcelDataReader { get; init; }

    /// <summary>Reads a seekable stream and collects its rows in <see cref="SubmissionReadResult.Rows"/>. Never throws for a bad file.</summary>
    public SubmissionReadResult Read(Stream content, string fileName)
    {
        var rows = new List<SubmissionRow>();
        var result = Read(content, fileName, rows.Add);
        if (!result.HasFileError)
        {
            result.Rows.AddRange(rows);
        }

        return result;
    }

    /// <summary>
    /// Reads a seekable stream, handing each data row to <paramref name="onRow"/> as it is read, so that no more than one
    /// row is held here. Never throws for a bad file: the result says what was wrong. A file error found part-way
    /// (too many rows, a damaged part) comes after some rows were handed over: the caller must then discard them.
    /// </summary>
    public SubmissionReadResult Read(Stream content, string fileName, Action<SubmissionRow> onRow)
    {
        var result = new SubmissionReadResult();
        var limits = ReadLimits.For(_options, content.Length);
        try
        {
            var problem = CheckFile(content, fileName, out var format);
            result.Format = format;
            if (problem is not null)
            {
                result.Problems.Add(problem);
                return result;
            }

            content.Position = 0;
            var reader = WorkbookReaders.Open(content, format, limits, OpenXmlThroughExcelDataReader);
            try
            {
                // A two-sheet return's partners are read first, so that its arrangements still stream; the workbook is
                // then opened again from its first sheet. A one-sheet workbook (and every CSV) is read once.
                PartnerSheet? partners = null;
                if (reader.SheetCount > 1)
                {
                    partners = ReadPartnerSheet(reader, result);
                    reader.Dispose();
                    if (result.HasFileError)
                    {
                        return result;
                    }

                    content.Position = 0;
                    reader = WorkbookReaders.Open(content, format, limits, OpenXmlThroughExcelDataReader);
                }

                ReadSheets(reader, fileName, format, result, onRow, partners);
            }
            finally
            {
                reader.Dispose();
            }
        }
        catch (FileLimitException ex)
        {
            // A limit that keeps the read bounded, reached in a part or a record (ReadLimits says which and why).
            result.Problems.Add(new SubmissionProblem(ProblemSeverity.FileError, ex.Code, $"{fileName} {ex.Message}"));
        }
        catch (Exception ex) when (IsDamage(ex))
        {
            result.Problems.Add(Unreadable(ex, fileName, result.Format));
        }

        return result;
    }

    // What a damaged file makes a parser throw. A NullReferenceException or IndexOutOfRangeException is the file's only
    // when ExcelDataReader threw it (it indexes records as they say); from our own code it is a bug: a fault, not the
    // submitter's problem, so it is not caught here.
    private static bool IsDamage(Exception ex) => ex switch
    {
        ExcelReaderException or InvalidDataException or IOException or FormatException or ArgumentException or InvalidOperationException
            or NotSupportedException or OverflowException or System.Xml.XmlException or DecoderFallbackException or EndOfStreamException => true,
        NullReferenceException or IndexOutOfRangeException => ExceptionOrigin.IsFrom(ex, typeof(IExcelDataReader).Assembly),
        _ => false,
    };

    private SubmissionProblem? CheckFile(Stream content, string fileName, out SubmissionFormat format)
    {
        format = SubmissionFormat.Unknown;
        if (content.Length == 0)
        {
            return new SubmissionProblem(ProblemSeverity.FileError, "file.empty", $"{fileName} is empty (0 bytes). Attach the completed template and resubmit.");
        }

        if (content.Length > _options.MaxFileBytes)
        {
            return new SubmissionProblem(
                ProblemSeverity.FileError,
                "file.too-large",
                $"{fileName} is {content.Length / (1024.0 * 1024):0.0} MB; the limit is {_options.MaxFileBytes / (1024.0 * 1024):0.#} MB. Split it into smaller files and resubmit.");
        }

        format = SubmissionFormatSniffer.Detect(content, out var otherFormat);
        return format switch
        {
            SubmissionFormat.Unknown => new SubmissionProblem(
                ProblemSeverity.FileError,
                "file.not-a-spreadsheet",
                $"{fileName} is {otherFormat ?? "not a spreadsheet"}, not a file we can read (we read .xlsx, .xlsm, .xls and .csv). Save it from Excel as .xlsx and resubmit."),
            SubmissionFormat.Encrypted => PasswordProtected(fileName),
            SubmissionFormat.OpenXml => ZipBombGuard.Check(content, fileName, _options),
            SubmissionFormat.LegacyExcel when LegacyWorkbook.Classify(CompoundFile.Read(content)) == LegacyWorkbook.Kind.NotAWorkbook => new SubmissionProblem(
                ProblemSeverity.FileError,
                "file.not-a-spreadsheet",
                $"{fileName} is an Office file but not an Excel workbook (it has no Workbook stream: a Word document or another program's file). Save the arrangements from Excel as .xlsx and resubmit."),
            SubmissionFormat.Csv => CsvTextCheck.Check(content, fileName),
            _ => null,
        };
    }

    private void ReadSheets(IWorkbookReader reader, string fileName, SubmissionFormat format, SubmissionReadResult result, Action<SubmissionRow> onRow, PartnerSheet? partners)
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
            if (format != SubmissionFormat.Csv && (IsHidden(reader.VisibleState) || IsGuidanceSheet(sheet) || sheet == partners?.Sheet))
            {
                continue;
            }

            var merges = new MergedCellFill(format == SubmissionFormat.Csv ? null : reader.MergeCells);
            var found = FindHeader(reader, sheet, merges, result);
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
            ReadData(reader, layout, merges, result, onRow, header.FirstRow);
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
                $"No sheet in {fileName} has a header row with the template's columns (Arrangement, Partners, Service area) in its first {_options.HeaderSearchRows} rows. Use the template and resubmit."));
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

    // The first pass over a workbook of several sheets: finds a sheet of partners listed by reference (a header with a
    // reference and a partner, no title) and reads it whole; every other sheet is left after its header search.
    private PartnerSheet? ReadPartnerSheet(IWorkbookReader reader, SubmissionReadResult result)
    {
        do
        {
            var sheet = reader.Name;
            if (IsHidden(reader.VisibleState) || IsGuidanceSheet(sheet))
            {
                continue;
            }

            // Merges are not needed to find a header, and scanning for them would read each sheet to its end.
            var scratch = new SubmissionReadResult();
            if (FindHeader(reader, sheet, new MergedCellFill(null), scratch) is not { } header || !PartnerSheet.IsPartnerLayout(header.Layout))
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
        while ((first is not null || reader.Read()) && blankRun < _options.MaxConsecutiveBlankRows)
        {
            rowNumber++;
            var cells = first?.Cells ?? ReadCells(reader, layout.Width);
            first = null;
            var row = new SubmissionRow(layout, rowNumber, cells);
            if (!Fill(row, layout, cells) || row.Text(TemplateColumn.Partners) is not { } partner)
            {
                blankRun++;
                continue;
            }

            blankRun = 0;
            if (partners.Count >= _options.MaxRows)
            {
                result.Problems.Add(new SubmissionProblem(
                    ProblemSeverity.FileError,
                    "file.too-many-rows",
                    $"Sheet '{layout.Sheet}' lists more than {_options.MaxRows:N0} partners. Split the return into smaller files and resubmit.",
                    layout.Sheet,
                    rowNumber));
                return null;
            }

            var lead = row.Text(TemplateColumn.LeadAuthority) is { } named && string.Equals(named, partner, StringComparison.OrdinalIgnoreCase);
            partners.Add(row.Text(TemplateColumn.Reference)?.Trim(), partner, lead, rowNumber);
        }

        return partners;
    }

    /// <summary>A data row as read: its cells (merges filled down), whether it was blank before the fill, whether its title was its own.</summary>
    private readonly record struct PreparedRow(object?[] Cells, bool Blank, bool OwnTitle);

    private readonly record struct HeaderFound(SheetLayout Layout, PreparedRow? FirstRow, TitleBlock Title);

    private HeaderFound? FindHeader(IWorkbookReader reader, string sheet, MergedCellFill merges, SubmissionReadResult result)
    {
        var title = new TitleBlock(sheet);
        for (var rowIndex = 0; rowIndex < _options.HeaderSearchRows && reader.Read(); rowIndex++)
        {
            var cells = ReadCells(reader, reader.FieldCount);
            merges.Apply(rowIndex, cells);
            var texts = cells.Select(CellText.Of).ToList();
            var nonBlank = texts.Count(t => t is not null);
            if (nonBlank > _options.MaxColumns)
            {
                result.Problems.Add(new SubmissionProblem(
                    ProblemSeverity.FileError,
                    "file.too-many-columns",
                    $"Row {rowIndex + 1} of sheet '{sheet}' has {nonBlank:N0} filled columns; the template has {TemplateColumns.TemplateCount} and the limit is {_options.MaxColumns:N0}. Keep only the template's columns and resubmit.",
                    sheet,
                    rowIndex + 1));
                return null;
            }

            var (layout, unknown, repeated) = BuildLayout(sheet, rowIndex + 1, texts, 1);
            // A header row names at least two template columns, one of them the arrangement or its partners.
            if (!IsHeader(layout))
            {
                title.Add(texts, rowIndex + 1, _synonyms);
                continue;
            }

            // The row below may finish the header: "Annual" | "To date" under a "Savings (£)" merged across them.
            PreparedRow? first = null;
            if (reader.Read())
            {
                var next = ReadCells(reader, Math.Max(texts.Count, reader.FieldCount));
                var own = Array.ConvertAll(next, c => c is not null);
                var blank = Array.TrueForAll(next, c => c is null);
                merges.Apply(rowIndex + 1, next);
                var headerRow = rowIndex;
                if (!blank && SubHeaderRow.Combine(texts, next, own, c => merges.AcrossFrom(headerRow, c), layout, _synonyms) is { } combined)
                {
                    (layout, unknown, repeated) = BuildLayout(sheet, rowIndex + 1, combined, 2);
                }
                else
                {
                    var titleColumn = layout.IndexOf(TemplateColumn.Arrangement);
                    first = new PreparedRow(Fit(next, layout.Width), blank, titleColumn >= 0 && titleColumn < own.Length && own[titleColumn]);
                }
            }

            SheetConventions.Settle(layout, title);
            ReportColumnWarnings(sheet, rowIndex + 1, unknown, repeated, result);
            return new HeaderFound(layout, first, title);
        }

        return null;
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

            if (_synonyms.Resolve(text) is { } column)
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

    private static object?[] Fit(object?[] cells, int width)
    {
        if (cells.Length == width)
        {
            return cells;
        }

        var fitted = new object?[width];
        Array.Copy(cells, fitted, Math.Min(width, cells.Length));
        return fitted;
    }

    private static void ReportColumnWarnings(string sheet, int headerRow, List<string> unknown, List<string> repeated, SubmissionReadResult result)
    {
        foreach (var name in unknown.Take(UnknownColumnsListed))
        {
            result.Problems.Add(new SubmissionProblem(
                ProblemSeverity.Warning,
                "column.unknown",
                "This column is not part of the template and was not loaded. Rename it to a template column if it should be.",
                sheet,
                headerRow,
                name));
        }

        if (unknown.Count > UnknownColumnsListed)
        {
            result.Problems.Add(new SubmissionProblem(
                ProblemSeverity.Warning,
                "column.unknown",
                $"{unknown.Count - UnknownColumnsListed} more columns are not part of the template and were not loaded.",
                sheet,
                headerRow));
        }

        foreach (var name in repeated)
        {
            result.Problems.Add(new SubmissionProblem(
                ProblemSeverity.Warning,
                "column.repeated",
                "This column means the same as an earlier column of the header; only the earlier one was loaded. Remove or rename one of them.",
                sheet,
                headerRow,
                name));
        }
    }

    private void ReadData(IWorkbookReader reader, SheetLayout layout, MergedCellFill merges, SubmissionReadResult result, Action<SubmissionRow> onRow, PreparedRow? first)
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
            if (prepared.Blank || !Fill(row, layout, prepared.Cells))
            {
                // A blank row ends an arrangement whose partners run over several rows.
                if (!Hand(continuation.Take(), result, onRow))
                {
                    return;
                }

                if (++blankRun >= _options.MaxConsecutiveBlankRows)
                {
                    result.Problems.Add(new SubmissionProblem(
                        ProblemSeverity.Warning,
                        "sheet.reading-stopped",
                        $"Reading stopped after {_options.MaxConsecutiveBlankRows:N0} blank rows in a row; anything further down this sheet was not read. Remove the blank rows if there are arrangements below.",
                        layout.Sheet,
                        rowNumber));
                    return;
                }

                continue;
            }

            blankRun = 0;
            if (IsTrailer(row))
            {
                Hand(continuation.Take(), result, onRow);
                return;
            }

            if (IsRepeatedHeader(row, layout, _synonyms))
            {
                // Another table starts; the row held back may be its caption rather than an arrangement.
                if (continuation.Take() is { } before && !IsCaption(before) && !Hand(before, result, onRow))
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
        var cells = ReadCells(reader, width);
        // A row blank but for a merge reaching down into it is still blank: not an arrangement with no title.
        var blank = Array.TrueForAll(cells, c => c is null);
        var ownTitle = title >= 0 && cells[title] is not null;
        merges.Apply(rowIndex, cells);
        return new PreparedRow(cells, blank, ownTitle);
    }

    // Hands a complete arrangement on; false when the file has too many and reading must stop.
    private bool Hand(SubmissionRow? row, SubmissionReadResult result, Action<SubmissionRow> onRow)
    {
        if (row is null)
        {
            return true;
        }

        if (result.RowsRead >= _options.MaxRows)
        {
            result.Problems.Add(new SubmissionProblem(
                ProblemSeverity.FileError,
                "file.too-many-rows",
                $"The file has more than {_options.MaxRows:N0} data rows. Split it into smaller files and resubmit.",
                row.Sheet,
                row.RowNumber));
            return false;
        }

        result.RowsRead++;
        onRow(row);
        return true;
    }

    // Copies the template columns and wide partner columns out of the raw cells; false when none of them has a value
    // (a reference or the submitting council alone, filled down a form, is not an arrangement).
    private static bool Fill(SubmissionRow row, SheetLayout layout, object?[] cells)
    {
        var filled = false;
        bool? lead = null;
        SortedDictionary<int, (string? Name, string? Tier, string? NameColumn, string? TierColumn)>? wide = null;
        for (var i = 0; i < cells.Length; i++)
        {
            if (cells[i] is not { } value)
            {
                continue;
            }

            if (layout.Map.TryGetValue(i, out var column))
            {
                // "Lead?" marked Y on the lead partner's row: the lead is that row's partner.
                if (column == TemplateColumn.LeadAuthority && LeadFlag.Of(value) is { } flag)
                {
                    lead = flag;
                    continue;
                }

                row[column] = value;
                filled |= column is not (TemplateColumn.Reference or TemplateColumn.Submitter);
            }
            else if (layout.WidePartner.TryGetValue(i, out var partner))
            {
                wide ??= [];
                var entry = wide.GetValueOrDefault(partner.Index);
                wide[partner.Index] = partner.IsTier
                    ? (entry.Name, CellText.Of(value), entry.NameColumn, layout.Headers[i])
                    : (CellText.Of(value), entry.Tier, layout.Headers[i], entry.TierColumn);
                filled = true;
            }
        }

        if (wide is not null)
        {
            foreach (var (name, tier, nameColumn, tierColumn) in wide.Values)
            {
                if (name is not null)
                {
                    row.WidePartners.Add(new WidePartner(name, tier, nameColumn!, tierColumn));
                }
            }
        }

        if (lead == true)
        {
            row[TemplateColumn.LeadAuthority] = row[TemplateColumn.Partners] ?? row.WidePartners.FirstOrDefault()?.Name;
        }

        if (filled)
        {
            row[TemplateColumn.ServiceArea] ??= layout.SheetServiceArea;
            row[TemplateColumn.Submitter] ??= layout.Submitter;
        }

        return filled;
    }

    private static object?[] ReadCells(IWorkbookReader reader, int width)
    {
        var cells = new object?[width];
        var count = Math.Min(width, reader.FieldCount);
        for (var i = 0; i < count; i++)
        {
            var value = reader.GetValue(i);
            cells[i] = value is string s ? (string.IsNullOrWhiteSpace(s) ? null : UnpairedSurrogates.Replace(s)) : value;
        }

        return cells;
    }

    // Totals and notes under the table end it: "Total", "Grand total", "Notes:", "Source: …".
    private static bool IsTrailer(SubmissionRow row)
    {
        if (row.Text(TemplateColumn.Partners) is not null || row.WidePartners.Count > 0)
        {
            return false;
        }

        var label = row.Text(TemplateColumn.Arrangement) ?? row.Text(TemplateColumn.Reference) ?? row.Text(TemplateColumn.ServiceArea);
        if (label is null)
        {
            return false;
        }

        if (label.StartsWith('*'))
        {
            return true;
        }

        var trimmed = label.AsSpan().TrimStart(' ');
        foreach (var prefix in TrailerPrefixes)
        {
            if (trimmed.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        // A system's footer says when it ran or how many rows it printed; without a figure it may be a title ("Print and post").
        if (trimmed.IndexOfAnyInRange('0', '9') >= 0)
        {
            foreach (var prefix in FooterPrefixes)
            {
                if (trimmed.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // What ends a table: its totals, notes and sources.
    private static readonly string[] TrailerPrefixes = ["total", "grand total", "sub-total", "subtotal", "note", "source:", "end of report"];

    // The footer a system's report prints under its rows ("Report generated 01/12/2012 by …", "Rows: 2").
    private static readonly string[] FooterPrefixes =
    [
        "report generated", "generated ", "generated:", "printed ", "printed:", "exported ", "exported:", "extracted ", "report run",
        "run on ", "run date", "rows:", "row count", "records:", "number of records", "record count", "count:", "page ", "produced by", "produced on",
    ];

    // The same header again further down: a second table on the sheet ("Planned arrangements" under "Live arrangements").
    private static bool IsRepeatedHeader(SubmissionRow row, SheetLayout layout, HeaderSynonyms synonyms)
    {
        var title = layout.IndexOf(TemplateColumn.Arrangement);
        var partners = layout.IndexOf(TemplateColumn.Partners);
        var key = title >= 0 ? title : partners;
        if (key < 0 || row.Cells[key] is not string text || !string.Equals(text.Trim(), layout.Headers[key].Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var same = 0;
        foreach (var (index, column) in layout.Map)
        {
            if (row.Cells[index] is string cell && synonyms.Resolve(cell) == column)
            {
                same++;
            }
        }

        return same >= 2;
    }

    // A caption over the next table ("Planned arrangements"): one text cell and nothing else.
    private static bool IsCaption(SubmissionRow row)
    {
        if (row.WidePartners.Count > 0)
        {
            return false;
        }

        var filled = 0;
        foreach (var index in row.Layout.Map.Keys)
        {
            if (row.Cells[index] is not null && ++filled > 1)
            {
                return false;
            }
        }

        return filled == 1;
    }

    private static bool IsHidden(string? visibleState) =>
        !string.IsNullOrEmpty(visibleState) && !string.Equals(visibleState, "visible", StringComparison.OrdinalIgnoreCase);

    internal static bool IsGuidanceSheet(string sheet)
    {
        var key = HeaderSynonyms.Key(sheet);
        return SkippedSheetNames.Contains(key) || SkippedSheetPrefixes.Any(p => key.StartsWith(p, StringComparison.Ordinal));
    }

    private static SubmissionProblem PasswordProtected(string fileName) => new(
        ProblemSeverity.FileError,
        "file.password-protected",
        $"{fileName} is password-protected, so it cannot be opened. Remove the password (Excel: File > Info > Protect Workbook > Encrypt with Password, clear it), save and resubmit.");

    private static SubmissionProblem Unreadable(Exception ex, string fileName, SubmissionFormat format) => ex switch
    {
        InvalidPasswordException => PasswordProtected(fileName),
        HeaderException when format == SubmissionFormat.LegacyExcel => new SubmissionProblem(
            ProblemSeverity.FileError,
            "file.not-a-spreadsheet",
            $"{fileName} is an Office file but not an Excel workbook ({ex.Message}). Save the arrangements from Excel as .xlsx and resubmit."),
        _ => new SubmissionProblem(
            ProblemSeverity.FileError,
            "file.unreadable",
            $"{fileName} could not be read as a spreadsheet: it is damaged or not what its format says ({ex.GetType().Name}: {ex.Message}). Open it in Excel, save it as .xlsx and resubmit."),
    };
}
