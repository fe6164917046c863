using System.Buffers.Binary;
using System.IO.Compression;
using System.Security;
using System.Text;

namespace SharedServicesPipeline.Tests.Support;

/// <summary>
/// Writes .xlsx files part by part, for shapes no spreadsheet program would save: a million blank rows, a zip bomb,
/// a directory that lies about sizes, thousands of parts or columns. Made at test time, never committed.
/// </summary>
internal static class XlsxParts
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>A one-sheet workbook whose sheet XML (the rows inside sheetData) is written by <paramref name="writeRows"/>.</summary>
    public static byte[] Workbook(Action<TextWriter> writeRows, Action<ZipArchive>? extraParts = null)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            Text(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            Text(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Text(zip, "xl/workbook.xml", $"""<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{Main}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Arrangements" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Text(zip, "xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
            using (var writer = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open(), new UTF8Encoding(false)))
            {
                writer.Write($"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{Main}"><sheetData>""");
                writeRows(writer);
                writer.Write("</sheetData></worksheet>");
            }

            extraParts?.Invoke(zip);
        }

        return output.ToArray();
    }

    /// <summary>A row of inline strings (no shared strings part needed).</summary>
    public static void Row(TextWriter writer, int rowNumber, params string?[] cells)
    {
        writer.Write($"<row r=\"{rowNumber}\">");
        for (var c = 0; c < cells.Length; c++)
        {
            if (cells[c] is { } text)
            {
                writer.Write($"<c r=\"{Column(c)}{rowNumber}\" t=\"inlineStr\"><is><t>{SecurityElement.Escape(text)}</t></is></c>");
            }
        }

        writer.Write("</row>");
    }

    /// <summary>A workbook with a header and one good row, plus a part of <paramref name="zeros"/> bytes of zeros (about 1000:1).</summary>
    public static byte[] Bomb(long zeros) => Workbook(
        w =>
        {
            Row(w, 1, "Arrangement", "Partners", "Service area");
            Row(w, 2, "Shared legal", "Essex County Council; Slough Borough Council", "Legal");
        },
        zip =>
        {
            using var part = zip.CreateEntry("xl/media/padding.bin", CompressionLevel.SmallestSize).Open();
            var block = new byte[1 << 20];
            for (long written = 0; written < zeros; written += block.Length)
            {
                part.Write(block, 0, (int)Math.Min(block.Length, zeros - written));
            }
        });

    /// <summary>Rewrites the sizes a zip declares for <paramref name="partName"/> (central directory and local header) to <paramref name="declared"/>.</summary>
    public static byte[] LieAboutSize(byte[] zip, string partName, int declared)
    {
        var bytes = (byte[])zip.Clone();
        var name = Encoding.UTF8.GetBytes(partName);
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i));
            if (i + 46 + name.Length > bytes.Length)
            {
                break;
            }

            if (signature == 0x04034B50 && bytes.AsSpan(i + 30, name.Length).SequenceEqual(name)
                && BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(i + 26)) == name.Length)
            {
                BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(i + 22), declared);
            }
            else if (signature == 0x02014B50 && BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(i + 28)) == name.Length
                     && bytes.AsSpan(i + 46, name.Length).SequenceEqual(name))
            {
                BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(i + 24), declared);
            }
        }

        return bytes;
    }

    public static string Column(int index)
    {
        var name = "";
        for (var i = index + 1; i > 0; i = (i - 1) / 26)
        {
            name = (char)('A' + ((i - 1) % 26)) + name;
        }

        return name;
    }

    private static void Text(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }
}
