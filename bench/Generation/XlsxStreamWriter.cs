using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace SharedServicesPipeline.Bench.Generation;

/// <summary>
/// Writes a one-sheet .xlsx row by row, straight into the zip: memory stays flat however many rows (ClosedXML holds the
/// whole workbook). Strings go into a shared-strings table, as Excel writes them, so readers do the work they do on
/// real files. Cells: string, double, int, decimal, bool, DateTime (a date-formatted serial) or null.
/// </summary>
internal sealed class XlsxStreamWriter : IDisposable
{
    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const int DateStyle = 1;

    private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false), CloseOutput = true };

    // A fixed time on every part, so that the same rows make the same bytes.
    private static readonly DateTimeOffset PartTime = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly ZipArchive _zip;
    private readonly XmlWriter _sheet;
    private readonly Dictionary<string, int> _strings = new(StringComparer.Ordinal);
    private readonly List<string> _stringOrder = [];
    private int _references;
    private int _rowNumber;
    private bool _completed;

    public XlsxStreamWriter(Stream output, string sheetName = "Arrangements")
    {
        _zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8);
        WritePart("[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>
            """);
        WritePart("_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """);
        WritePart("xl/workbook.xml", $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="{MainNs}" xmlns:r="{RelNs}"><sheets><sheet name="{System.Security.SecurityElement.Escape(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>
            """);
        WritePart("xl/_rels/workbook.xml.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>
            """);
        // Style 1 is the built-in short date (numFmtId 14), which readers turn back into dates.
        WritePart("xl/styles.xml", $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="{MainNs}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>
            """);

        _sheet = XmlWriter.Create(CreatePart("xl/worksheets/sheet1.xml").Open(), Settings);
        _sheet.WriteStartDocument(standalone: true);
        _sheet.WriteStartElement("worksheet", MainNs);
        _sheet.WriteStartElement("sheetData", MainNs);
    }

    public int RowsWritten => _rowNumber;

    public void WriteRow(IReadOnlyList<object?> cells)
    {
        _rowNumber++;
        var rowText = _rowNumber.ToString(CultureInfo.InvariantCulture);
        _sheet.WriteStartElement("row", MainNs);
        _sheet.WriteAttributeString("r", rowText);
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i] is { } value)
            {
                WriteCell(ColumnName(i) + rowText, value);
            }
        }

        _sheet.WriteEndElement();
    }

    /// <summary>Finishes the sheet and writes the shared strings. Dispose alone also completes.</summary>
    public void Complete()
    {
        if (_completed)
        {
            return;
        }

        _completed = true;
        _sheet.WriteEndElement();
        _sheet.WriteEndElement();
        _sheet.WriteEndDocument();
        _sheet.Dispose();

        using var strings = XmlWriter.Create(CreatePart("xl/sharedStrings.xml").Open(), Settings);
        strings.WriteStartDocument(standalone: true);
        strings.WriteStartElement("sst", MainNs);
        strings.WriteAttributeString("count", _references.ToString(CultureInfo.InvariantCulture));
        strings.WriteAttributeString("uniqueCount", _stringOrder.Count.ToString(CultureInfo.InvariantCulture));
        foreach (var text in _stringOrder)
        {
            strings.WriteStartElement("si", MainNs);
            strings.WriteStartElement("t", MainNs);
            if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
            {
                strings.WriteAttributeString("xml", "space", null, "preserve");
            }

            strings.WriteString(text);
            strings.WriteEndElement();
            strings.WriteEndElement();
        }

        strings.WriteEndElement();
        strings.WriteEndDocument();
    }

    public void Dispose()
    {
        Complete();
        _zip.Dispose();
    }

    /// <summary>A, B, … Z, AA, AB …: the column letters of a zero-based index (the pipeline's own writer's).</summary>
    internal static string ColumnName(int index) => Pipeline.Workbooks.XlsxRowWriter.ColumnName(index);

    private void WriteCell(string reference, object value)
    {
        _sheet.WriteStartElement("c", MainNs);
        _sheet.WriteAttributeString("r", reference);
        switch (value)
        {
            case string text:
                _sheet.WriteAttributeString("t", "s");
                _sheet.WriteElementString("v", MainNs, StringIndex(text).ToString(CultureInfo.InvariantCulture));
                break;
            case bool flag:
                _sheet.WriteAttributeString("t", "b");
                _sheet.WriteElementString("v", MainNs, flag ? "1" : "0");
                break;
            case DateTime date:
                _sheet.WriteAttributeString("s", DateStyle.ToString(CultureInfo.InvariantCulture));
                _sheet.WriteElementString("v", MainNs, date.ToOADate().ToString("R", CultureInfo.InvariantCulture));
                break;
            case double or float or int or long or decimal:
                _sheet.WriteElementString("v", MainNs, Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
            default:
                throw new ArgumentException($"Cannot write a {value.GetType().Name} cell.", nameof(value));
        }

        _sheet.WriteEndElement();
    }

    private int StringIndex(string text)
    {
        _references++;
        if (!_strings.TryGetValue(text, out var index))
        {
            index = _stringOrder.Count;
            _strings.Add(text, index);
            _stringOrder.Add(text);
        }

        return index;
    }

    private void WritePart(string name, string xml)
    {
        using var stream = CreatePart(name).Open();
        stream.Write(Encoding.UTF8.GetBytes(xml.Trim()));
    }

    private ZipArchiveEntry CreatePart(string name)
    {
        var entry = _zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = PartTime;
        return entry;
    }
}
