using System.Text;
using ExcelDataReader;

namespace SharedServicesPipeline.Pipeline.Reading;

/// <summary>ExcelDataReader behind <see cref="IWorkbookReader"/>: how .xls and .csv submissions are read.</summary>
internal sealed class ExcelDataReaderWorkbook : IWorkbookReader
{
    private readonly IExcelDataReader _reader;

    static ExcelDataReaderWorkbook() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private ExcelDataReaderWorkbook(IExcelDataReader reader) => _reader = reader;

    public int SheetCount => _reader.ResultsCount;

    public string Name => _reader.Name;

    public string? VisibleState => _reader.VisibleState;

    public IReadOnlyList<MergedRange>? MergeCells =>
        _reader.MergeCells is { } ranges ? [.. ranges.Select(r => new MergedRange(r.FromRow, r.FromColumn, r.ToRow, r.ToColumn))] : null;

    public int FieldCount => _reader.FieldCount;

    /// <summary>Opens a seekable stream (left open) of the given format: CSV, or any workbook ExcelDataReader reads.</summary>
    /// <param name="csvSeparator">The CSV's separator when known (<see cref="CsvSeparator"/>); else ExcelDataReader guesses among the usual four.</param>
    public static ExcelDataReaderWorkbook Open(Stream content, SubmissionFormat format, char? csvSeparator = null) => new(format == SubmissionFormat.Csv
        ? ExcelReaderFactory.CreateCsvReader(content, new ExcelReaderConfiguration
        {
            // ExcelDataReader honours a BOM, else takes UTF-8 when the bytes are valid UTF-8, else this.
            FallbackEncoding = Encoding.GetEncoding(1252),
            AutodetectSeparators = csvSeparator is { } separator ? [separator] : CsvSeparator.Candidates,
            LeaveOpen = true,
        })
        : ExcelReaderFactory.CreateReader(content, new ExcelReaderConfiguration { LeaveOpen = true }));

    public bool Read() => _reader.Read();

    public object? GetValue(int i) => _reader.GetValue(i);

    public bool NextResult() => _reader.NextResult();

    public void Dispose() => _reader.Dispose();
}
