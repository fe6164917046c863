using System.Buffers.Binary;
using System.Text;

namespace SharedServicesPipeline.HostileFiles;

/// <summary>
/// Writes an Excel 97–2003 Workbook stream (BIFF8 records, [MS-XLS]): globals (BOF, optional FILEPASS, XF and SST
/// records, one BOUNDSHEET a sheet, EOF) and each sheet (BOF, DIMENSIONS, cells, EOF). Just enough for ExcelDataReader
/// to read rows, and for a case to put in what Excel never would.
/// </summary>
public sealed class BiffWorkbook
{
    private readonly List<(string Name, byte[] Body)> _sheets = [];
    private readonly List<byte[]> _globals = [];

    /// <summary>A FILEPASS record (RC4 encryption, as Excel writes for a password or its default "VelvetSweatshop").</summary>
    public BiffWorkbook Encrypted()
    {
        var filePass = new byte[54];
        BinaryPrimitives.WriteUInt16LittleEndian(filePass, 1);       // RC4
        BinaryPrimitives.WriteUInt16LittleEndian(filePass.AsSpan(2), 1); // version 1.1
        BinaryPrimitives.WriteUInt16LittleEndian(filePass.AsSpan(4), 1);
        new Random(7).NextBytes(filePass.AsSpan(6)); // salt, verifier and its hash: anything
        _globals.Add(Record(0x002F, filePass));
        return this;
    }

    /// <summary>XF records (cell formats), <paramref name="count"/> of them.</summary>
    public BiffWorkbook Formats(int count)
    {
        for (var i = 0; i < count; i++)
        {
            _globals.Add(Record(0x00E0, new byte[20]));
        }

        return this;
    }

    /// <summary>An SST with these strings, declaring <paramref name="declaredUnique"/> (default: the true count).</summary>
    public BiffWorkbook SharedStrings(IReadOnlyList<string> strings, uint? declaredUnique = null)
    {
        var first = new List<byte>();
        Span<byte> counts = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(counts, (uint)strings.Count);
        BinaryPrimitives.WriteUInt32LittleEndian(counts[4..], declaredUnique ?? (uint)strings.Count);
        first.AddRange(counts.ToArray());
        var current = first;
        var records = new List<List<byte>> { first };
        foreach (var text in strings)
        {
            var item = UnicodeString(text, lengthBytes: 2);
            if (current.Count + item.Length > 8224)
            {
                current = [];
                records.Add(current);
            }

            current.AddRange(item);
        }

        for (var i = 0; i < records.Count; i++)
        {
            _globals.Add(Record(i == 0 ? (ushort)0x00FC : (ushort)0x003C, [.. records[i]]));
        }

        return this;
    }

    /// <summary>A sheet: its DIMENSIONS (rows and columns as declared) and cells written by <paramref name="cells"/>.</summary>
    public BiffWorkbook Sheet(string name, uint rows, ushort columns, Action<BiffCells> cells)
    {
        var body = new MemoryStream();
        var dimensions = new byte[14];
        BinaryPrimitives.WriteUInt32LittleEndian(dimensions.AsSpan(4), rows);
        BinaryPrimitives.WriteUInt16LittleEndian(dimensions.AsSpan(10), columns);
        body.Write(Record(0x0200, dimensions));
        cells(new BiffCells(body));
        _sheets.Add((name, body.ToArray()));
        return this;
    }

    /// <summary>A sheet of the valid submission's three rows (header and two arrangements) as LABEL cells.</summary>
    public BiffWorkbook ValidSheet(string name = "Arrangements") => Sheet(name, 3, 3, cells =>
    {
        string[][] rows =
        [
            ["Arrangement", "Partners", "Service area"],
            ["Shared legal service", "Essex County Council; Slough Borough Council", "Legal"],
            ["Joint waste partnership", "Kent County Council; Maidstone Borough Council", "Waste"],
        ];
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                cells.Label((ushort)r, (ushort)c, rows[r][c]);
            }
        }
    });

    /// <param name="sheetOffsets">Changes where BOUNDSHEET records say the sheets start (given the true offsets).</param>
    public byte[] Build(Func<uint[], uint[]>? sheetOffsets = null)
    {
        var bof = Bof(0x0005);
        var boundSheets = _sheets.Select(s => 6 + 2 + (s.Name.Length * 2)).ToList();
        var globalsLength = bof.Length + _globals.Sum(g => g.Length) + boundSheets.Sum(b => 4 + b) + 4;
        var offsets = new uint[_sheets.Count];
        var at = (uint)globalsLength;
        for (var i = 0; i < _sheets.Count; i++)
        {
            offsets[i] = at;
            at += (uint)(Bof(0x0010).Length + _sheets[i].Body.Length + 4);
        }

        var declared = sheetOffsets?.Invoke(offsets) ?? offsets;
        var output = new MemoryStream();
        output.Write(bof);
        foreach (var record in _globals)
        {
            output.Write(record);
        }

        for (var i = 0; i < _sheets.Count; i++)
        {
            var body = new List<byte>();
            var head = new byte[6];
            BinaryPrimitives.WriteUInt32LittleEndian(head, declared[i]);
            body.AddRange(head); // visible worksheet
            body.AddRange(UnicodeString(_sheets[i].Name, lengthBytes: 1));
            output.Write(Record(0x0085, [.. body]));
        }

        output.Write(Record(0x000A, []));
        foreach (var (_, body) in _sheets)
        {
            output.Write(Bof(0x0010));
            output.Write(body);
            output.Write(Record(0x000A, []));
        }

        return output.ToArray();
    }

    /// <summary>The Workbook stream in a compound file, as an .xls.</summary>
    public byte[] BuildXls() => new CompoundFileWriter().Stream("Workbook", Build()).Build();

    internal static byte[] Record(ushort id, byte[] data)
    {
        var record = new byte[4 + data.Length];
        BinaryPrimitives.WriteUInt16LittleEndian(record, id);
        BinaryPrimitives.WriteUInt16LittleEndian(record.AsSpan(2), (ushort)data.Length);
        data.CopyTo(record, 4);
        return record;
    }

    // An XLUnicodeString in UTF-16 (flags 1): its length in one or two bytes.
    internal static byte[] UnicodeString(string text, int lengthBytes)
    {
        var chars = Encoding.Unicode.GetBytes(text);
        var result = new byte[lengthBytes + 1 + chars.Length];
        if (lengthBytes == 1)
        {
            result[0] = (byte)text.Length;
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(result, (ushort)text.Length);
        }

        result[lengthBytes] = 1;
        chars.CopyTo(result, lengthBytes + 1);
        return result;
    }

    private static byte[] Bof(ushort type)
    {
        var bof = new byte[16];
        BinaryPrimitives.WriteUInt16LittleEndian(bof, 0x0600);
        BinaryPrimitives.WriteUInt16LittleEndian(bof.AsSpan(2), type);
        BinaryPrimitives.WriteUInt16LittleEndian(bof.AsSpan(4), 0x0DBB);
        BinaryPrimitives.WriteUInt16LittleEndian(bof.AsSpan(6), 0x07CC);
        return Record(0x0809, bof);
    }
}

/// <summary>Writes cell records into a sheet of a <see cref="BiffWorkbook"/>.</summary>
public sealed class BiffCells(Stream body)
{
    public void Label(ushort row, ushort column, string text)
    {
        var data = new List<byte>();
        Span<byte> head = stackalloc byte[6];
        BinaryPrimitives.WriteUInt16LittleEndian(head, row);
        BinaryPrimitives.WriteUInt16LittleEndian(head[2..], column);
        data.AddRange(head.ToArray());
        data.AddRange(BiffWorkbook.UnicodeString(text, lengthBytes: 2));
        body.Write(BiffWorkbook.Record(0x0204, [.. data]));
    }

    public void SharedString(ushort row, ushort column, uint index)
    {
        var data = new byte[10];
        BinaryPrimitives.WriteUInt16LittleEndian(data, row);
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(2), column);
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(6), index);
        body.Write(BiffWorkbook.Record(0x00FD, data));
    }

    /// <summary>A MULBLANK: blank cells from <paramref name="first"/> to <paramref name="last"/> in six bytes and two per cell.</summary>
    public void Blanks(ushort row, ushort first, ushort last, int declaredCells)
    {
        var data = new byte[6 + (declaredCells * 2)];
        BinaryPrimitives.WriteUInt16LittleEndian(data, row);
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(2), first);
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(data.Length - 2), last);
        body.Write(BiffWorkbook.Record(0x00BE, data));
    }

    public void Number(ushort row, ushort column, double value)
    {
        var data = new byte[14];
        BinaryPrimitives.WriteUInt16LittleEndian(data, row);
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(2), column);
        BinaryPrimitives.WriteDoubleLittleEndian(data.AsSpan(6), value);
        body.Write(BiffWorkbook.Record(0x0203, data));
    }
}
