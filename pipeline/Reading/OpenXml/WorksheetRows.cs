using System.Globalization;
using System.Xml;

namespace SharedServicesPipeline.Pipeline.Reading.OpenXml;

/// <summary>
/// One worksheet's rows, read in one pass of its XML as ExcelDataReader reads them: every row number up to the last
/// is a row (a gap in the numbers gives blank rows, made without reading anything); a row or cell without a
/// reference follows the one before; consecutive rows of one number are one row, and of two cells in one column the
/// later wins. Anything but rows, cells and merges in the part is passed over.
/// </summary>
internal sealed class WorksheetRows : IDisposable
{
    private readonly SpreadsheetXml _xml;
    private readonly CellStyles _styles;
    private readonly CellValues _values;
    private readonly string _sheet;
    private readonly Stream _part;
    private readonly XmlReader _reader;
    private readonly TextBuffer _text = new();
    private readonly List<MergedRange>? _expectedMerges;
    private List<MergedRange>? _merges;

    // Raw rows as parsed, the row being assembled from rows of one number, and the next one to hand out.
    private RowCells _scratch = new();
    private RowCells _held = new();
    private RowCells _ready = new();
    private bool _hasHeld;
    private bool _hasReady;

    private State _state = State.Start;
    private int _nextRowIndex;
    private int _rowsHandedOut;
    private int _lastColumn = -1;

    // The current row, by column; the columns set in it, to clear them for the next.
    private object?[] _current = new object?[32];
    private readonly List<int> _set = [];

    /// <param name="expectedMerges">What <see cref="MergeCellScan"/> found, to be confirmed by the XML; null when nothing was scanned.</param>
    public WorksheetRows(Stream part, string sheet, SpreadsheetXml xml, CellStyles styles, CellValues values, List<MergedRange>? expectedMerges)
    {
        _part = part;
        _sheet = sheet;
        _xml = xml;
        _styles = styles;
        _values = values;
        _expectedMerges = expectedMerges;
        _reader = xml.Open(part);
    }

    private enum State
    {
        Start,
        Worksheet,
        SheetData,
        Done,
    }

    /// <summary>At least every column of the current row (the widest row read so far).</summary>
    public int FieldCount => _lastColumn + 1;

    public object? GetValue(int column) => (uint)column < (uint)_current.Length ? _current[column] : null;

    public bool Read()
    {
        if (!_hasReady)
        {
            if (!NextRow())
            {
                Clear();
                return false;
            }

            _hasReady = true;
        }

        Clear();
        if (_rowsHandedOut < _ready.Index)
        {
            _rowsHandedOut++; // a row number with no row in the part: blank
            return true;
        }

        for (var i = 0; i < _ready.Count; i++)
        {
            var column = _ready.Columns[i];
            if (_ready.Values[i] is null)
            {
                // An empty cell (the bulk of a sheet padded with <c/>) sets nothing, unless it follows a value in its column.
                if (column < _current.Length)
                {
                    _current[column] = null;
                }

                continue;
            }

            if (column >= _current.Length)
            {
                Array.Resize(ref _current, Math.Max(_current.Length * 2, column + 1));
            }

            _current[column] = _ready.Values[i];
            _set.Add(column);
        }

        _rowsHandedOut = unchecked(_rowsHandedOut + 1);
        _hasReady = false;
        return true;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _part.Dispose();
    }

    private void Clear()
    {
        foreach (var column in _set)
        {
            _current[column] = null;
        }

        _set.Clear();
    }

    // The next row of one number into _ready; false at the end of the sheet.
    private bool NextRow()
    {
        while (true)
        {
            if (!NextRawRow())
            {
                if (!_hasHeld)
                {
                    return false;
                }

                (_ready, _held) = (_held, _ready);
                _hasHeld = false;
                return true;
            }

            if (!_hasHeld)
            {
                (_held, _scratch) = (_scratch, _held);
                _hasHeld = true;
            }
            else if (_scratch.Index != _held.Index)
            {
                (_ready, _held, _scratch) = (_held, _scratch, _ready);
                return true;
            }
            else
            {
                _held.AddRange(_scratch);
            }
        }
    }

    // Parses the next <row> into _scratch; false at the end of a sheetData (the rows held so far are then complete) or of the part.
    private bool NextRawRow()
    {
        var reader = _reader;
        while (true)
        {
            switch (_state)
            {
                case State.Start:
                    _state = _xml.IsStart(reader, _xml.Worksheet) && SpreadsheetXml.EnterContent(reader) ? State.Worksheet : State.Done;
                    break;
                case State.Worksheet:
                    if (reader.EOF)
                    {
                        Finish();
                    }
                    else if (_xml.IsStart(reader, _xml.SheetData))
                    {
                        _nextRowIndex = 0;
                        if (SpreadsheetXml.EnterContent(reader))
                        {
                            _state = State.SheetData;
                        }
                    }
                    else if (_xml.IsStart(reader, _xml.MergeCells))
                    {
                        _merges = ReadMergeCells(reader, _xml);
                    }
                    else if (!SpreadsheetXml.SkipContent(reader))
                    {
                        Finish();
                    }

                    break;
                case State.SheetData:
                    if (reader.EOF)
                    {
                        _state = State.Worksheet;
                        return false;
                    }

                    if (_xml.IsStart(reader, _xml.Row))
                    {
                        ReadRow(reader);
                        return true;
                    }

                    if (!SpreadsheetXml.SkipContent(reader))
                    {
                        _state = State.Worksheet;
                        return false;
                    }

                    break;
                default:
                    return false;
            }
        }
    }

    private void ReadRow(XmlReader reader)
    {
        var row = _scratch;
        row.Clear();
        row.Index = int.TryParse(reader.GetAttribute(_xml.R), out var number) ? unchecked(number - 1) : _nextRowIndex;
        _nextRowIndex = unchecked(row.Index + 1);
        if (!SpreadsheetXml.EnterContent(reader))
        {
            return;
        }

        var nextColumn = 0;
        while (!reader.EOF)
        {
            if (_xml.IsStart(reader, _xml.C))
            {
                nextColumn = ReadCell(reader, row, nextColumn) + 1;
            }
            else if (!SpreadsheetXml.SkipContent(reader))
            {
                break;
            }
        }
    }

    // Reads one <c> into the row; returns its column.
    private int ReadCell(XmlReader reader, RowCells row, int nextColumn)
    {
        var column = nextColumn;
        var type = CellType.Number;
        var format = NumberFormatKind.Number;
        if (reader.MoveToFirstAttribute())
        {
            do
            {
                if (reader.Prefix.Length != 0)
                {
                    continue;
                }

                var name = reader.LocalName;
                if (ReferenceEquals(name, _xml.R))
                {
                    column = ColumnOf(reader.Value, nextColumn);
                }
                else if (ReferenceEquals(name, _xml.S))
                {
                    format = int.TryParse(reader.Value, NumberStyles.Any, CultureInfo.InvariantCulture, out var style) ? _styles.KindOf(style) : NumberFormatKind.Number;
                }
                else if (ReferenceEquals(name, _xml.T))
                {
                    type = CellValues.TypeOf(reader.Value);
                }
            }
            while (reader.MoveToNextAttribute());

            reader.MoveToElement();
        }

        if (column >= CellReference.LastColumn)
        {
            throw PastLastColumn(column == nextColumn ? $"a cell without a reference after column {CellReference.LastColumn:N0}" : "a cell");
        }

        if (column > _lastColumn)
        {
            _lastColumn = column;
        }

        object? value = null;
        if (SpreadsheetXml.EnterContent(reader))
        {
            while (!reader.EOF)
            {
                if (_xml.IsStart(reader, _xml.V))
                {
                    _text.Clear();
                    SpreadsheetXml.ReadText(reader, _text);
                    if (_text.Length > 0)
                    {
                        value = _values.Convert(_text.Span, type, format);
                    }
                }
                else if (_xml.IsStart(reader, _xml.Is))
                {
                    _text.Clear();
                    _xml.ReadStringItem(reader, _text);
                    if (_text.Length > 0)
                    {
                        value = _values.Convert(_text.Span, type, format);
                    }
                }
                else if (!SpreadsheetXml.SkipContent(reader))
                {
                    break;
                }
            }
        }

        row.Add(column, value);
        return column;
    }

    private int ColumnOf(string reference, int nextColumn)
    {
        if (!CellReference.TryParse(reference, out var column, out _, out var letters))
        {
            return nextColumn;
        }

        // ExcelDataReader made such a column a huge array, or (past 7 letters) an index below zero, and failed.
        return letters > 3 || column > CellReference.LastColumn ? throw PastLastColumn($"the cell reference '{reference}'") : column - 1;
    }

    private InvalidDataException PastLastColumn(string what) =>
        new($"Sheet '{_sheet}' has {what} past the last column a spreadsheet can have (ZZZ). Only a damaged or hand-made file has one.");

    private static List<MergedRange> ReadMergeCells(XmlReader reader, SpreadsheetXml xml)
    {
        var ranges = new List<MergedRange>();
        if (!SpreadsheetXml.EnterContent(reader))
        {
            return ranges;
        }

        while (!reader.EOF)
        {
            if (xml.IsStart(reader, xml.MergeCell))
            {
                var reference = reader.GetAttribute(xml.Ref) ?? throw new InvalidDataException("A merged range of the sheet has no reference.");
                MergeCellScan.Add(ranges, CellReference.Range(reference));
                SpreadsheetXml.Skip(reader);
            }
            else if (!SpreadsheetXml.SkipContent(reader))
            {
                break;
            }
        }

        return ranges;
    }

    // The whole part is read: what the scan found before the rows must be what the XML says.
    private void Finish()
    {
        _state = State.Done;
        if (_expectedMerges is not null && !(_merges ?? []).SequenceEqual(_expectedMerges))
        {
            throw new InvalidDataException($"The merged cells of sheet '{_sheet}' are not where its XML has them (a 'mergeCell' outside the sheet's mergeCells). Only a damaged or hand-made file has that.");
        }
    }

    /// <summary>The merged ranges as the XML has them, once the part has been read to its end.</summary>
    public static List<MergedRange> ReadMerges(Stream part, SpreadsheetXml xml)
    {
        using var reader = xml.Open(part);
        if (!xml.IsStart(reader, xml.Worksheet) || !SpreadsheetXml.EnterContent(reader))
        {
            return [];
        }

        List<MergedRange> merges = [];
        while (!reader.EOF)
        {
            if (xml.IsStart(reader, xml.MergeCells))
            {
                merges = ReadMergeCells(reader, xml);
            }
            else if (!SpreadsheetXml.SkipContent(reader))
            {
                break;
            }
        }

        return merges;
    }

    /// <summary>The cells of one row as parsed: columns and values in document order.</summary>
    private sealed class RowCells
    {
        public int Index;
        public int Count;
        public int[] Columns = new int[32];
        public object?[] Values = new object?[32];

        // Characters of text the row's cells hold: a cell may name a shared string of a million characters, made anew for
        // each cell when the cells defeat the table's cache, so the cells' count alone does not bound what a row holds.
        private long _chars;

        public void Clear()
        {
            Array.Clear(Values, 0, Count);
            Count = 0;
            _chars = 0;
        }

        public void Add(int column, object? value)
        {
            if (value is string text && (_chars += text.Length) > ReadLimits.MaxRowChars)
            {
                throw FileLimitException.RowHoldsTooMuch(Index + 1);
            }

            // Cells of one row are at most one a column; many cells given one reference would otherwise all be held.
            if (Count >= CellReference.LastColumn)
            {
                throw FileLimitException.Beyond($"a row has more than {CellReference.LastColumn:N0} cells, more than a row has columns");
            }

            if (Count == Columns.Length)
            {
                Array.Resize(ref Columns, Count * 2);
                Array.Resize(ref Values, Count * 2);
            }

            Columns[Count] = column;
            Values[Count++] = value;
        }

        public void AddRange(RowCells other)
        {
            for (var i = 0; i < other.Count; i++)
            {
                Add(other.Columns[i], other.Values[i]);
            }
        }
    }
}
