namespace SharedServicesPipeline.Pipeline.Reading;

/// <summary>
/// Follows a CSV's records byte by byte as a CSV parser splits them: a double quote at the start of a cell opens a
/// quoted cell, two inside it are one quote, one followed by anything else closes it, and a line end inside it does not
/// end the record. Keeps the length of the current record, so that a quote never closed is caught as soon as the cell
/// it opens outgrows <see cref="MaxBytes"/>, whatever the lines inside it look like.
/// </summary>
internal sealed class CsvRecordLength
{
    public const int MaxBytes = 1024 * 1024;

    /// <summary>Excel's columns: a record with more cells than this, by any of the separators, is not a sheet's row.</summary>
    public const int MaxCells = 16_384;

    // Separators outside quotes in the current record, by kind (',' ';' tab '|'): which one the parser picks is not known here.
    private readonly int[] _separators = new int[4];

    private bool _cellStart = true;
    private bool _quoteInQuotes;
    private long _bytes;

    /// <summary>The physical line being read, from 1.</summary>
    public int Line { get; private set; } = 1;

    /// <summary>The line the current record starts on.</summary>
    public int StartLine { get; private set; } = 1;

    /// <summary>Inside a quoted cell.</summary>
    public bool InQuotes { get; private set; }

    /// <summary>The current record is over <see cref="MaxBytes"/>.</summary>
    public bool Overlong => _bytes > MaxBytes;

    /// <summary>The current record has more than <see cref="MaxCells"/> cells by one of the separators.</summary>
    public bool TooManyCells { get; private set; }

    /// <summary>Follows the next bytes of the file; false once the current record is over <see cref="MaxBytes"/> or <see cref="MaxCells"/>.</summary>
    public bool Add(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            _bytes++;
            if (b == (byte)'\n')
            {
                Line++;
            }

            if (InQuotes)
            {
                if (!_quoteInQuotes)
                {
                    _quoteInQuotes = b == (byte)'"';
                    continue;
                }

                _quoteInQuotes = false;
                if (b == (byte)'"')
                {
                    continue; // "" is one quote inside the cell
                }

                InQuotes = false; // the quote before closed the cell; this byte is read as outside it
            }

            if (b == (byte)'\n')
            {
                _bytes = 0;
                StartLine = Line;
                _cellStart = true;
                Array.Clear(_separators);
            }
            else if (b == (byte)'"' && _cellStart)
            {
                InQuotes = true;
                _cellStart = false;
            }
            else
            {
                var separator = b switch { (byte)',' => 0, (byte)';' => 1, (byte)'\t' => 2, (byte)'|' => 3, _ => -1 };
                _cellStart = separator >= 0 || b == (byte)'\r';
                if (separator >= 0 && ++_separators[separator] >= MaxCells)
                {
                    TooManyCells = true;
                    return false;
                }
            }

            if (_bytes > MaxBytes)
            {
                return false;
            }
        }

        return _bytes <= MaxBytes;
    }
}
