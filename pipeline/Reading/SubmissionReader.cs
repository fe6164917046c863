using System.Text;
using Microsoft.Extensions.Options;
using SharedServicesPipeline.Pipeline.Submissions;

namespace SharedServicesPipeline.Pipeline.Reading;

/// <summary>
/// Finds and reads the arrangements in a submission (.xlsx, .xlsm, .xls or .csv) as a stream of rows.
/// Every format is read forward-only (see <see cref="WorkbookReaders"/>), so memory does not grow with the file;
/// ClosedXML is not used by the core at all (it loads whole workbooks): the report we write back is streamed by
/// <c>Workbooks/XlsxStreamWriter</c>.
/// </summary>
public sealed class SubmissionReader
{
    private readonly IntakeOptions _options;
    private readonly PartnerSheetPass _partnerSheet;
    private readonly ArrangementSheets _arrangements;
    private readonly CsvSeparator _csvSeparator;

    static SubmissionReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public SubmissionReader(IOptions<IntakeOptions> options)
        : this(options.Value, HeaderSynonyms.BuiltIn)
    {
    }

    public SubmissionReader(IntakeOptions options, HeaderSynonyms synonyms)
    {
        _options = options;
        var headers = new HeaderSearch(options, synonyms);
        _csvSeparator = new CsvSeparator(headers, options);
        _partnerSheet = new PartnerSheetPass(options, headers);
        _arrangements = new ArrangementSheets(options, headers, new SheetRows(options, synonyms));
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
    public SubmissionReadResult Read(Stream content, string fileName, Action<SubmissionRow> onRow) =>
        Read(content, fileName, onRow, WorkBudget.For(_options));

    /// <summary>
    /// As <see cref="Read(Stream, string, Action{SubmissionRow})"/>, charging the bytes read and the rows handed on to
    /// <paramref name="work"/>, which <paramref name="onRow"/> may charge too: a charge past it ends the read with the file
    /// error <see cref="WorkBudget.TooMuchWork"/>, wherever it was made.
    /// </summary>
    public SubmissionReadResult Read(Stream content, string fileName, Action<SubmissionRow> onRow, WorkBudget work)
    {
        var result = new SubmissionReadResult { Work = work };
        var limits = ReadLimits.For(_options, content.Length, work);
        try
        {
            var problem = SubmissionFileCheck.Check(content, fileName, _options, out var format);
            result.Format = format;
            if (problem is not null)
            {
                result.Problems.Add(problem);
                return result;
            }

            if (format != SubmissionFormat.OpenXml)
            {
                // A CSV or .xls is parsed as it is: its bytes are the read's cost (an .xlsx's are charged as they inflate).
                work.ChargeBytes(content.Length, WorkCost.FileByte);
            }

            content.Position = 0;
            var separator = format == SubmissionFormat.Csv ? _csvSeparator.Find(content) : null;
            var reader = WorkbookReaders.Open(content, format, limits, OpenXmlThroughExcelDataReader, separator);
            try
            {
                // A two-sheet return's partners are read first, so that its arrangements still stream; the workbook is
                // then opened again from its first sheet. A one-sheet workbook (and every CSV) is read once.
                PartnerSheet? partners = null;
                if (reader.SheetCount > 1)
                {
                    partners = _partnerSheet.Read(reader, result);
                    reader.Dispose();
                    if (result.HasFileError)
                    {
                        return result;
                    }

                    content.Position = 0;
                    reader = WorkbookReaders.Open(content, format, limits, OpenXmlThroughExcelDataReader, separator);
                }

                _arrangements.Read(reader, fileName, format, result, onRow, partners);
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
        catch (Exception ex) when (ReadFailure.IsDamage(ex))
        {
            result.Problems.Add(ReadFailure.Unreadable(ex, fileName, result.Format));
        }

        return result;
    }
}
