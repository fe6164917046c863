using System.Data;
using System.Text;
using ExcelDataReader;
using ExcelDataReader.Exceptions;
using Microsoft.Extensions.Options;
using SharedServicesPipeline.Pipeline.Submissions;

namespace SharedServicesPipeline.Pipeline.Reading;

/// <summary>
/// Finds and reads the arrangements in a submission (.xlsx, .xlsm, .xls or .csv) as a stream of rows.
/// ExcelDataReader reads all three formats forward-only, so memory does not grow with the file; ClosedXML is kept
/// for the workbooks we write (it loads whole workbooks, and cannot share a process with OpenXml 3.x).
/// </summary>
public sealed class SubmissionReader
{
    private static readonly TemplateColumn[] RequiredColumns = [TemplateColumn.Arrangement, TemplateColumn.Partners, TemplateColumn.ServiceArea];

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

    /// <summary>Reads a seekable stream. Never throws for a bad file: the result says what was wrong.</summary>
    public SubmissionReadResult Read(Stream content, string fileName)
    {
        var result = new SubmissionReadResult();
        var problem = CheckFile(content, fileName, out var format);
        if (problem is not null)
        {
            result.Problems.Add(problem);
            return result;
        }

        try
        {
            using var reader = format == SubmissionFormat.Csv
                ? ExcelReaderFactory.CreateCsvReader(content, new ExcelReaderConfiguration
                {
                    FallbackEncoding = Encoding.GetEncoding(1252),
                    AutodetectSeparators = [',', ';', '\t', '|'],
                    LeaveOpen = true,
                })
                : ExcelReaderFactory.CreateReader(content, new ExcelReaderConfiguration { LeaveOpen = true });
            ReadSheets(reader, fileName, format, result);
        }
        catch (Exception ex) when (ex is ExcelReaderException or InvalidDataException or IOException or FormatException
                                      or ArgumentException or InvalidOperationException or NotSupportedException
                                      or IndexOutOfRangeException or OverflowException or System.Xml.XmlException
                                      or DecoderFallbackException or EndOfStreamException)
        {
            result.Rows.Clear();
            result.Problems.Add(new SubmissionProblem(
                ProblemSeverity.FileError,
                ex is InvalidPasswordException ? "file.password-protected" : "file.unreadable",
                ex is InvalidPasswordException
                    ? $"{fileName} is password-protected. Remove the password (File > Info > Protect Workbook) and resubmit."
                    : $"{fileName} could not be read as a spreadsheet ({ex.GetType().Name}: {ex.Message}). Open it in Excel, save it as .xlsx and resubmit."));
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
                $"{fileName} is {content.Length / (1024.0 * 1024):0.0} MB; the limit is {_options.MaxFileBytes / (1024 * 1024)} MB. Split it into smaller files and resubmit.");
        }

        format = SubmissionFormatSniffer.Detect(content);
        return format switch
        {
            SubmissionFormat.Unknown => new SubmissionProblem(
                ProblemSeverity.FileError,
                "file.not-a-spreadsheet",
                $"{fileName} is not a spreadsheet we can read (expected .xlsx, .xlsm, .xls or .csv). Save it from Excel as .xlsx and resubmit."),
            SubmissionFormat.Encrypted => new SubmissionProblem(
                ProblemSeverity.FileError,
                "file.password-protected",
                $"{fileName} is password-protected. Remove the password (File > Info > Protect Workbook) and resubmit."),
            SubmissionFormat.OpenXml => ZipBombGuard.Check(content, fileName, _options),
            _ => null,
        };
    }

    private void ReadSheets(IExcelDataReader reader, string fileName, SubmissionFormat format, SubmissionReadResult result)
    {
        var sheetsWithHeader = 0;
        SubmissionProblem? missingColumns = null;
        do
        {
            var sheet = format == SubmissionFormat.Csv ? Path.GetFileNameWithoutExtension(fileName) : reader.Name;
            if (format != SubmissionFormat.Csv && !string.Equals(reader.VisibleState, "visible", StringComparison.OrdinalIgnoreCase)
                && !string.IsNullOrEmpty(reader.VisibleState))
            {
                continue; // hidden lookup sheets
            }

            var layout = FindHeader(reader, sheet, result);
            if (layout is null)
            {
                continue;
            }

            var missing = RequiredColumns
                .Where(c => !layout.Columns.Contains(c) && !(c == TemplateColumn.Partners && layout.HasWidePartners))
                .ToList();
            if (missing.Count > 0)
            {
                missingColumns ??= new SubmissionProblem(
                    ProblemSeverity.FileError,
                    "file.required-column-missing",
                    $"The header row has no {string.Join(" or ", missing.Select(Describe))} column. Add it (see the template's column names) and resubmit.",
                    sheet,
                    layout.HeaderRowNumber);
                continue;
            }

            sheetsWithHeader++;
            ReadData(reader, sheet, layout, result);
            if (result.HasFileError)
            {
                return;
            }
        }
        while (reader.NextResult());

        if (sheetsWithHeader == 0)
        {
            result.Problems.Add(missingColumns ?? new SubmissionProblem(
                ProblemSeverity.FileError,
                "file.no-header-row",
                $"No sheet in {fileName} has a header row with the template's columns (Arrangement, Partners, Service area) in its first {_options.HeaderSearchRows} rows. Use the template and resubmit."));
        }
    }

    private HeaderLayout? FindHeader(IExcelDataReader reader, string sheet, SubmissionReadResult result)
    {
        for (var rowIndex = 0; rowIndex < _options.HeaderSearchRows && reader.Read(); rowIndex++)
        {
            var layout = new HeaderLayout(rowIndex + 1, reader.FieldCount);
            var headers = new List<string>(reader.FieldCount);
            var unknown = new List<string>();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var text = CellText.Of(reader.GetValue(i));
                headers.Add(text ?? "");
                if (text is null)
                {
                    continue;
                }

                if (_synonyms.Resolve(text) is { } column && !layout.Columns.Contains(column))
                {
                    layout.Map[i] = column;
                    layout.Columns.Add(column);
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
                && (layout.Columns.Contains(TemplateColumn.Arrangement) || layout.Columns.Contains(TemplateColumn.Partners) || layout.HasWidePartners))
            {
                result.Headers[sheet] = headers;
                foreach (var name in unknown)
                {
                    result.Problems.Add(new SubmissionProblem(
                        ProblemSeverity.Warning,
                        "column.unknown",
                        "This column is not part of the template and was not loaded. Rename it to a template column if it should be.",
                        sheet,
                        rowIndex + 1,
                        name));
                }

                return layout;
            }
        }

        return null;
    }

    private void ReadData(IExcelDataReader reader, string sheet, HeaderLayout layout, SubmissionReadResult result)
    {
        var rowNumber = layout.HeaderRowNumber;
        var blankRun = 0;
        while (reader.Read())
        {
            rowNumber++;
            var row = new SubmissionRow(sheet, rowNumber);
            var filled = false;
            var wide = new SortedDictionary<int, (string? Name, string? Tier)>();
            var fieldCount = Math.Min(reader.FieldCount, layout.FieldCount);
            for (var i = 0; i < fieldCount; i++)
            {
                var value = reader.GetValue(i);
                if (value is string s && string.IsNullOrWhiteSpace(s))
                {
                    value = null;
                }

                if (value is null)
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
                    var entry = wide.GetValueOrDefault(partner.Index);
                    wide[partner.Index] = partner.IsTier ? (entry.Name, CellText.Of(value)) : (CellText.Of(value), entry.Tier);
                    filled = true;
                }
            }

            if (!filled)
            {
                if (++blankRun >= _options.MaxConsecutiveBlankRows)
                {
                    return;
                }

                continue;
            }

            blankRun = 0;
            if (IsTrailer(row))
            {
                return;
            }

            foreach (var (name, tier) in wide.Values)
            {
                if (name is not null)
                {
                    row.WidePartners.Add((name, tier));
                }
            }

            if (result.Rows.Count >= _options.MaxRows)
            {
                result.Problems.Add(new SubmissionProblem(
                    ProblemSeverity.FileError,
                    "file.too-many-rows",
                    $"The file has more than {_options.MaxRows:N0} data rows. Split it into smaller files and resubmit.",
                    sheet,
                    rowNumber));
                return;
            }

            result.Rows.Add(row);
        }
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

    private static string Describe(TemplateColumn column) => column switch
    {
        TemplateColumn.ServiceArea => "'Service area'",
        TemplateColumn.LeadAuthority => "'Lead authority'",
        _ => $"'{column}'",
    };

    private sealed class HeaderLayout(int headerRowNumber, int fieldCount)
    {
        public int HeaderRowNumber { get; } = headerRowNumber;

        public int FieldCount { get; } = fieldCount;

        public Dictionary<int, TemplateColumn> Map { get; } = [];

        public HashSet<TemplateColumn> Columns { get; } = [];

        public Dictionary<int, (int Index, bool IsTier)> WidePartner { get; } = [];

        public bool HasWidePartners => WidePartner.Values.Any(p => !p.IsTier);
    }
}
