using System.Text;
using ExcelDataReader;
using ExcelDataReader.Exceptions;
using Microsoft.Extensions.Options;
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
        var problem = CheckFile(content, fileName, out var format);
        result.Format = format;
        if (problem is not null)
        {
            result.Problems.Add(problem);
            return result;
        }

        try
        {
            content.Position = 0;
            using var reader = WorkbookReaders.Open(content, format, OpenXmlThroughExcelDataReader);
            ReadSheets(reader, fileName, format, result, onRow);
        }
        catch (Exception ex) when (ex is ExcelReaderException or InvalidDataException or IOException or FormatException
                                      or ArgumentException or InvalidOperationException or NotSupportedException
                                      or IndexOutOfRangeException or OverflowException or System.Xml.XmlException
                                      or DecoderFallbackException or EndOfStreamException or NullReferenceException)
        {
            result.Problems.Add(Unreadable(ex, fileName, format));
        }

        return result;
    }

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
            SubmissionFormat.Csv => CsvTextCheck.Check(content, fileName),
            _ => null,
        };
    }

    private void ReadSheets(IWorkbookReader reader, string fileName, SubmissionFormat format, SubmissionReadResult result, Action<SubmissionRow> onRow)
    {
        SubmissionProblem? missingColumns = null;
        do
        {
            var sheet = format == SubmissionFormat.Csv ? Path.GetFileNameWithoutExtension(fileName) : reader.Name;
            if (format != SubmissionFormat.Csv && (IsHidden(reader.VisibleState) || IsGuidanceSheet(sheet)))
            {
                continue;
            }

            var merges = new MergedCellFill(format == SubmissionFormat.Csv ? null : reader.MergeCells);
            var layout = FindHeader(reader, sheet, merges, result);
            if (result.HasFileError)
            {
                return;
            }

            if (layout is null)
            {
                continue;
            }

            var missing = TemplateColumns.Required
                .Where(c => !layout.Has(c) && !(c == TemplateColumn.Partners && layout.HasWidePartners))
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

            result.Sheets.Add(layout);
            ReadData(reader, layout, merges, result, onRow);
            if (result.HasFileError)
            {
                return;
            }
        }
        while (reader.NextResult());

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

    private SheetLayout? FindHeader(IWorkbookReader reader, string sheet, MergedCellFill merges, SubmissionReadResult result)
    {
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
                    $"Row {rowIndex + 1} of sheet '{sheet}' has {nonBlank:N0} filled columns; the template has {Enum.GetValues<TemplateColumn>().Length} and the limit is {_options.MaxColumns:N0}. Keep only the template's columns and resubmit.",
                    sheet,
                    rowIndex + 1));
                return null;
            }

            var width = texts.FindLastIndex(t => t is not null) + 1;
            var layout = new SheetLayout(sheet, rowIndex + 1, [.. texts.Take(width).Select(t => t ?? "")]);
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
                else
                {
                    unknown.Add(text);
                }
            }

            // A header row names at least two template columns, one of them the arrangement or its partners.
            if (layout.Columns.Count + (layout.HasWidePartners ? 1 : 0) >= 2
                && (layout.Has(TemplateColumn.Arrangement) || layout.Has(TemplateColumn.Partners) || layout.HasWidePartners))
            {
                ReportColumnWarnings(sheet, rowIndex + 1, unknown, repeated, result);
                return layout;
            }
        }

        return null;
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

    private void ReadData(IWorkbookReader reader, SheetLayout layout, MergedCellFill merges, SubmissionReadResult result, Action<SubmissionRow> onRow)
    {
        var rowNumber = layout.HeaderRowNumber;
        var blankRun = 0;
        while (reader.Read())
        {
            rowNumber++;
            var cells = ReadCells(reader, layout.Width);
            // A row blank but for a merge reaching down into it is still blank: not an arrangement with no title.
            var blank = Array.TrueForAll(cells, c => c is null);
            merges.Apply(rowNumber - 1, cells);
            var row = new SubmissionRow(layout, rowNumber, cells);
            if (blank || !Fill(row, layout, cells))
            {
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
                return;
            }

            if (result.RowsRead >= _options.MaxRows)
            {
                result.Problems.Add(new SubmissionProblem(
                    ProblemSeverity.FileError,
                    "file.too-many-rows",
                    $"The file has more than {_options.MaxRows:N0} data rows. Split it into smaller files and resubmit.",
                    layout.Sheet,
                    rowNumber));
                return;
            }

            result.RowsRead++;
            onRow(row);
        }
    }

    // Copies the template columns and wide partner columns out of the raw cells; false when none of them has a value.
    private static bool Fill(SubmissionRow row, SheetLayout layout, object?[] cells)
    {
        var filled = false;
        SortedDictionary<int, (string? Name, string? Tier, string? NameColumn, string? TierColumn)>? wide = null;
        for (var i = 0; i < cells.Length; i++)
        {
            if (cells[i] is not { } value)
            {
                continue;
            }

            if (layout.Map.TryGetValue(i, out var column))
            {
                row[column] = value;
                filled = true;
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

        var lower = label.TrimStart('*', ' ').ToLowerInvariant();
        return lower.StartsWith("total", StringComparison.Ordinal) || lower.StartsWith("grand total", StringComparison.Ordinal)
            || lower.StartsWith("sub-total", StringComparison.Ordinal) || lower.StartsWith("subtotal", StringComparison.Ordinal)
            || lower.StartsWith("note", StringComparison.Ordinal) || lower.StartsWith("source:", StringComparison.Ordinal)
            || label.StartsWith('*');
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
