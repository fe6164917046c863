using System.Buffers.Binary;

namespace SharedServicesPipeline.Pipeline.Reading.Legacy;

/// <summary>
/// An Excel 97–2003 workbook (.xls) made safe for ExcelDataReader before it sees a byte: its compound file parsed
/// (<see cref="CompoundFile"/>), its Workbook stream (BIFF records) walked once, and what would make ExcelDataReader
/// decrypt, allocate or loop without bound refused: a FILEPASS record (encryption, Excel's default "VelvetSweatshop"
/// password included, which ExcelDataReader would silently undo), a shared-string count past the file's limits, a
/// sheet whose dimensions or cells lie beyond 65,536 rows by 256 columns, style tables past Excel's, sheets that
/// overlap. ExcelDataReader then reads that stream alone, as raw BIFF: the compound file is never parsed twice.
/// </summary>
internal static class LegacyWorkbook
{
    private const ushort Bof = 0x0809;
    private const ushort Eof = 0x000A;
    private const ushort FilePass = 0x002F;
    private const ushort Sst = 0x00FC;
    private const ushort BoundSheet = 0x0085;
    private const ushort Dimensions = 0x0200;
    private const ushort Xf = 0x00E0;
    private const ushort Format = 0x041E;
    private const ushort MulRk = 0x00BD;
    private const ushort MulBlank = 0x00BE;

    // Records that hold one cell, its row and column first: BLANK, NUMBER, LABEL, BOOLERR, FORMULA, RK, LABELSST, RSTRING.
    private static readonly HashSet<ushort> CellRecords = [0x0201, 0x0203, 0x0204, 0x0205, 0x0006, 0x027E, 0x00FD, 0x00D6];

    /// <summary>What the compound file holds.</summary>
    public enum Kind
    {
        Workbook,
        Encrypted,
        NotAWorkbook,
    }

    /// <summary>Says what an OLE2 file is, from its directory: an encrypted package (an .xlsx with a password), a workbook, or something else.</summary>
    public static Kind Classify(CompoundFile file) =>
        file.Has("EncryptionInfo") || file.Has("EncryptedPackage") ? Kind.Encrypted
        : file.Find("Workbook") is not null || file.Find("Book") is not null ? Kind.Workbook
        : Kind.NotAWorkbook;

    /// <summary>The workbook's BIFF stream, checked; <see cref="FileLimitException"/> when it must not be read.</summary>
    public static Stream Open(CompoundFile file, ReadLimits limits)
    {
        var entry = file.Find("Workbook") ?? file.Find("Book") ?? throw new InvalidDataException("The file has no Workbook stream.");
        var stream = file.Open(entry);
        // Read through a buffer: the walk reads each record's header and body, and the stream seeks for every read.
        Check(new BufferedStream(stream, 1 << 16), limits);
        stream.Position = 0;
        return stream;
    }

    private static void Check(Stream stream, ReadLimits limits)
    {
        var header = new byte[4];
        var data = new byte[ushort.MaxValue];
        var sheets = new List<long>();
        var ends = new List<long>();
        long xfs = 0;
        long formats = 0;
        var inGlobals = true;
        var first = true;
        while (stream.Position + 4 <= stream.Length)
        {
            var at = stream.Position;
            stream.ReadExactly(header);
            var id = BinaryPrimitives.ReadUInt16LittleEndian(header);
            var size = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(2));
            var record = data.AsSpan(0, (int)Math.Min(size, stream.Length - stream.Position));
            stream.ReadExactly(record);
            if (first && (id & 0x00FF) != (Bof & 0x00FF))
            {
                return; // not BIFF as Excel 5–2003 writes it: ExcelDataReader refuses it on its own
            }

            first = false;
            switch (id)
            {
                case FilePass when inGlobals:
                    throw new FileLimitException(FileLimitException.PasswordProtected,
                        "is encrypted: it has a password, or Excel protected it with its built-in one (a workbook saved with its structure protected or as read-only recommended). It was not opened. In Excel: File > Info > Protect Workbook, clear the password or protection, save as .xlsx and resubmit.");
                case Sst when inGlobals && record.Length >= 8:
                    var unique = BinaryPrimitives.ReadUInt32LittleEndian(record[4..]);
                    if (unique > limits.MaxSharedStrings)
                    {
                        throw new FileLimitException(FileLimitException.TooManyStrings,
                            $"declares {unique:N0} shared strings, more than a workbook of its size ({limits.FileBytes / 1024.0:N0} KB) holds when Excel saves it (the limit is {limits.MaxSharedStrings:N0}). {FileLimitException.SaveAgain}");
                    }

                    break;
                case BoundSheet when inGlobals && record.Length >= 4:
                    sheets.Add(BinaryPrimitives.ReadUInt32LittleEndian(record));
                    if (sheets.Count > ReadLimits.MaxSheets)
                    {
                        throw FileLimitException.Beyond($"it lists more than {ReadLimits.MaxSheets:N0} sheets");
                    }

                    break;
                case Xf or Format:
                    // ExcelDataReader copies these tables for every sheet.
                    if ((id == Xf ? ++xfs : ++formats) > ReadLimits.MaxStyles)
                    {
                        throw FileLimitException.Beyond($"it has more than {ReadLimits.MaxStyles:N0} cell formats (Excel allows 4,000 in a .xls)");
                    }

                    break;
                case Eof:
                    inGlobals = false;
                    ends.Add(at);
                    break;
                case Dimensions:
                    CheckDimensions(record);
                    break;
                case MulRk or MulBlank when record.Length >= 6:
                    CheckColumn(BinaryPrimitives.ReadUInt16LittleEndian(record[^2..]));
                    break;
                default:
                    if (CellRecords.Contains(id) && record.Length >= 4)
                    {
                        CheckColumn(BinaryPrimitives.ReadUInt16LittleEndian(record[2..]));
                    }

                    break;
            }
        }

        CheckSheetsApart(sheets, ends);
    }

    // ExcelDataReader takes a sheet's row count and width from this record: it would walk every row it claims.
    private static void CheckDimensions(ReadOnlySpan<byte> record)
    {
        var (rows, columns) = record.Length >= 14
            ? (BinaryPrimitives.ReadUInt32LittleEndian(record[4..]), (uint)BinaryPrimitives.ReadUInt16LittleEndian(record[10..]))
            : record.Length >= 10 ? (BinaryPrimitives.ReadUInt16LittleEndian(record[2..]), (uint)BinaryPrimitives.ReadUInt16LittleEndian(record[6..])) : (0u, 0u);
        if (rows > ReadLimits.LegacyRows || columns > ReadLimits.LegacyColumns)
        {
            throw FileLimitException.Beyond($"a sheet claims {rows:N0} rows by {columns:N0} columns (an Excel 97–2003 sheet has at most {ReadLimits.LegacyRows:N0} by {ReadLimits.LegacyColumns})");
        }
    }

    private static void CheckColumn(ushort column)
    {
        if (column >= ReadLimits.LegacyColumns)
        {
            throw FileLimitException.Beyond($"a cell is in column {column + 1:N0} (an Excel 97–2003 sheet has {ReadLimits.LegacyColumns} columns)");
        }
    }

    // ExcelDataReader reads each sheet from its offset to the next end-of-file record: sheets sharing records would be read again and again.
    private static void CheckSheetsApart(List<long> sheets, List<long> ends)
    {
        sheets.Sort();
        for (var i = 0; i + 1 < sheets.Count; i++)
        {
            var end = ends.BinarySearch(sheets[i]);
            var nextEnd = end >= 0 ? ends[end] : ~end < ends.Count ? ends[~end] : long.MaxValue;
            if (sheets[i + 1] <= nextEnd)
            {
                throw new FileLimitException(FileLimitException.Corrupt,
                    "is damaged: two of its sheets start in the same place or overlap. It was not read. Open it in Excel, save it as .xlsx and resubmit.");
            }
        }
    }
}
