namespace SharedServicesPipeline.Pipeline.Reading.OpenXml;

/// <summary>
/// Reads an .xlsx or .xlsm forward only, one pass over each sheet it is asked for: the zip (System.IO.Compression)
/// and XmlReader, shared strings held as UTF-8, dates told from the cells' styles. It gives what ExcelDataReader gave
/// (<c>tests/Intake/OpenXmlReaderDifferentialTests</c> proves it; <c>OpenXmlReaderTests</c> names where and why it
/// differs) in about half of ExcelDataReader's processor time, holding the shared strings in under half its memory.
/// A sheet that is skipped (hidden, guidance) is never parsed. Damage surfaces as <see cref="InvalidDataException"/>,
/// <see cref="System.Xml.XmlException"/> or the zip's own exceptions, when the damaged part is read.
/// </summary>
internal sealed class OpenXmlWorkbookReader : IWorkbookReader
{
    private readonly SpreadsheetXml _xml = new();
    private readonly PackageParts _parts;
    private readonly WorkbookPart _workbook;
    private readonly CellStyles _styles;
    private readonly CellValues _values;
    private int _sheet;
    private List<MergedRange>? _merges;
    private bool _mergesScanned;
    private bool _mergesFromScan;
    private WorksheetRows? _rows;
    private bool _rowsEnded;

    private OpenXmlWorkbookReader(Stream content, ReadLimits limits)
    {
        _parts = new PackageParts(content, limits);
        SharedStringTable? strings = null;
        try
        {
            _workbook = WorkbookPart.Read(_parts, _xml);
            strings = Read(PartOf("xl/sharedStrings.xml", _workbook.SharedStringsPart), (part, xml) => SharedStringTable.Read(part, xml, limits), SharedStringTable.Empty);
            _styles = Read(PartOf("xl/styles.xml", _workbook.StylesPart), CellStyles.Read, CellStyles.None);
            SharedStrings = strings;
            _values = new CellValues(strings, _workbook.Date1904);
        }
        catch
        {
            strings?.Dispose();
            _parts.Dispose();
            throw;
        }
    }

    public string Name => Current?.Name ?? "";

    public string? VisibleState => Current?.VisibleState;

    public IReadOnlyList<MergedRange>? MergeCells
    {
        get
        {
            if (!_mergesScanned && Current is { } sheet)
            {
                _merges = ScanMerges(sheet);
                _mergesScanned = true;
            }

            return _merges;
        }
    }

    public int FieldCount => _rows?.FieldCount ?? 0;

    /// <summary>The workbook's shared strings (for the benchmark's memory figures).</summary>
    internal SharedStringTable SharedStrings { get; }

    public int SheetCount => _workbook.Sheets.Count;

    private SheetEntry? Current => _sheet < _workbook.Sheets.Count ? _workbook.Sheets[_sheet] : null;

    /// <summary>Opens a seekable stream (left open) holding an .xlsx or .xlsm that <see cref="ZipBombGuard"/> has passed.</summary>
    public static OpenXmlWorkbookReader Open(Stream content, ReadLimits limits) => new(content, limits);

    /// <summary>As <see cref="Open(Stream, ReadLimits)"/> with the default limits.</summary>
    public static OpenXmlWorkbookReader Open(Stream content) => new(content, ReadLimits.For(new IntakeOptions(), content.Length));

    public bool Read()
    {
        if (_rowsEnded || Current is not { } sheet)
        {
            return false;
        }

        if (_rows is null)
        {
            if (_parts.Open(sheet.Part) is not { } part)
            {
                _rowsEnded = true;
                return false;
            }

            // Merges the scan found are confirmed against the XML at the sheet's end; those read as XML need no check.
            _rows = new WorksheetRows(part, sheet.Name, _xml, _styles, _values, _mergesScanned && _mergesFromScan ? _merges : null);
        }

        if (_rows.Read())
        {
            return true;
        }

        _rowsEnded = true;
        return false;
    }

    public object? GetValue(int i) => _rows?.GetValue(i);

    public bool NextResult()
    {
        if (Current is null)
        {
            return false;
        }

        CloseSheet();
        _sheet++;
        return Current is not null;
    }

    public void Dispose()
    {
        CloseSheet();
        SharedStrings.Dispose();
        _parts.Dispose();
    }

    private List<MergedRange> ScanMerges(SheetEntry sheet)
    {
        if (!_parts.Has(sheet.Part))
        {
            return [];
        }

        if (MergeCellScan.Scan(() => _parts.Open(sheet.Part)!) is { } scanned)
        {
            _mergesFromScan = true;
            return scanned;
        }

        using var part = _parts.Open(sheet.Part)!;
        return WorksheetRows.ReadMerges(part, _xml);
    }

    private void CloseSheet()
    {
        _rows?.Dispose();
        _rows = null;
        _rowsEnded = false;
        _merges = null;
        _mergesScanned = false;
        _mergesFromScan = false;
    }

    private string? PartOf(string usualName, string? fromRelationships) => _parts.Has(usualName) ? usualName : fromRelationships;

    private T Read<T>(string? part, Func<Stream, SpreadsheetXml, T> read, T none)
    {
        using var stream = _parts.Open(part);
        return stream is null ? none : read(stream, _xml);
    }
}
