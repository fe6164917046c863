using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace SharedServicesPipeline.Pipeline.Workbooks;

/// <summary>
/// Writes an .xlsx sheet by sheet and row by row into a zip, with Excel tables, frozen headers, column widths, fills
/// and notes, from one fixed style sheet (<see cref="XlsxStyleSheet"/>). A sheet goes straight into its zip entry, or
/// is rendered on its own first (<see cref="Render"/>, so a workbook's sheets can be rendered side by side) and then
/// stored; nothing else is held but a sheet's notes, until its end. Why not ClosedXML: it builds every cell of the
/// workbook in memory, which for a 100k-arrangement compendium (≈ 2.4M cells) took 40 s and 3.5 GB, and loading and
/// compiling it cost the ingest's peak working set 30 MB for the submitter's report alone. Strings are inline, which
/// every spreadsheet program reads; text that XML cannot carry (control characters) is dropped. Used by the
/// submitter's report (<c>Reporting/ReportWorkbook</c>) and publishing's compendium.
/// </summary>
internal sealed class XlsxStreamWriter : IDisposable
{
    internal const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelNs = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const double CellPadding = 0.710625;

    // A sheet's parts are always these (rendered sheets cannot know their place in the workbook).
    private const string TableRel = "rId1", DrawingRel = "rId2", CommentsRel = "rId3";

    private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false), CloseOutput = true };
    private static readonly XmlWriterSettings SheetSettings = new() { Encoding = new UTF8Encoding(false), CloseOutput = false };
    private static readonly DateTimeOffset PartTime = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly ZipArchive _zip;
    private readonly CompressionLevel _compression;
    private readonly List<string> _sheets = [];
    private readonly List<int> _sheetsWithNotes = [];
    private int _tables;
    private int _shapes;

    /// <param name="output">Where the workbook goes (left open).</param>
    /// <param name="compression">Fastest for big workbooks made often (the compendium); a small one sent to a person may take Optimal.</param>
    public XlsxStreamWriter(Stream output, CompressionLevel compression = CompressionLevel.Fastest)
    {
        _zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8);
        _compression = compression;
    }

    /// <summary>
    /// Writes one sheet straight into the workbook: <paramref name="rows"/> is called with a row writer and returns the
    /// sheet's table, if any. Only the sheet's notes are held until its end.
    /// </summary>
    public void AddSheet(string name, IReadOnlyList<double> widths, bool freezeHeader, Func<XlsxRowWriter, XlsxTable?> rows)
    {
        var index = AddName(name);
        XlsxTable? table;
        IReadOnlyList<XlsxNote> notes;
        using (var part = Create($"xl/worksheets/sheet{index}.xml"))
        {
            (table, notes) = WriteSheet(part, widths, freezeHeader, rows);
        }

        AddParts(index, table, notes);
    }

    /// <summary>Adds a sheet rendered earlier (on any thread) with <see cref="Render"/>.</summary>
    public void AddSheet(string name, XlsxRenderedSheet sheet)
    {
        var index = AddName(name);
        using (var part = Create($"xl/worksheets/sheet{index}.xml"))
        {
            part.Write(sheet.Xml.Span);
        }

        AddParts(index, sheet.Table, sheet.Notes);
    }

    /// <summary>
    /// A sheet's XML, independent of its place in the workbook (its parts' relationship ids are fixed), so that sheets
    /// can be rendered side by side and added in order.
    /// </summary>
    public static XlsxRenderedSheet Render(IReadOnlyList<double> widths, bool freezeHeader, Func<XlsxRowWriter, XlsxTable?> rows)
    {
        var buffer = new MemoryStream();
        var (table, notes) = WriteSheet(buffer, widths, freezeHeader, rows);
        return new XlsxRenderedSheet(new ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, (int)buffer.Length), table, notes);
    }

    public void Dispose()
    {
        Finish();
        _zip.Dispose();
    }

    private static (XlsxTable? Table, IReadOnlyList<XlsxNote> Notes) WriteSheet(Stream output, IReadOnlyList<double> widths, bool freezeHeader, Func<XlsxRowWriter, XlsxTable?> rows)
    {
        using var xml = XmlWriter.Create(output, SheetSettings);
        xml.WriteStartDocument(standalone: true);
        xml.WriteStartElement("worksheet", MainNs);
        xml.WriteAttributeString("xmlns", "r", null, RelNs);
        if (freezeHeader)
        {
            xml.WriteStartElement("sheetViews", MainNs);
            xml.WriteStartElement("sheetView", MainNs);
            xml.WriteAttributeString("workbookViewId", "0");
            xml.WriteStartElement("pane", MainNs);
            xml.WriteAttributeString("ySplit", "1");
            xml.WriteAttributeString("topLeftCell", "A2");
            xml.WriteAttributeString("activePane", "bottomLeft");
            xml.WriteAttributeString("state", "frozen");
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteStartElement("cols", MainNs);
        for (var c = 0; c < widths.Count; c++)
        {
            var number = (c + 1).ToString(CultureInfo.InvariantCulture);
            xml.WriteStartElement("col", MainNs);
            xml.WriteAttributeString("min", number);
            xml.WriteAttributeString("max", number);
            // The file stores the width with the cell's padding (5 px of Calibri 11), as Excel and ClosedXML do.
            xml.WriteAttributeString("width", (widths[c] + CellPadding).ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("customWidth", "1");
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteStartElement("sheetData", MainNs);
        var writer = new XlsxRowWriter(xml);
        var table = rows(writer);
        xml.WriteEndElement();
        if (writer.Notes.Count > 0)
        {
            // The notes' boxes; the comments part needs no element of its own, only the sheet's relationship.
            xml.WriteStartElement("legacyDrawing", MainNs);
            xml.WriteAttributeString("id", RelNs, DrawingRel);
            xml.WriteEndElement();
        }

        if (table is not null)
        {
            xml.WriteStartElement("tableParts", MainNs);
            xml.WriteAttributeString("count", "1");
            xml.WriteStartElement("tablePart", MainNs);
            xml.WriteAttributeString("id", RelNs, TableRel);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        return (table, writer.Notes);
    }

    private int AddName(string name)
    {
        _sheets.Add(name);
        return _sheets.Count;
    }

    // The sheet's table and notes, and the relationships to them.
    private void AddParts(int index, XlsxTable? table, IReadOnlyList<XlsxNote> notes)
    {
        if (table is null && notes.Count == 0)
        {
            return;
        }

        var tableId = table is null ? 0 : ++_tables;
        var rels = new StringBuilder();
        if (table is not null)
        {
            rels.Append(CultureInfo.InvariantCulture, $"""<Relationship Id="{TableRel}" Type="{RelNs}/table" Target="../tables/table{tableId}.xml"/>""");
        }

        if (notes.Count > 0)
        {
            rels.Append(CultureInfo.InvariantCulture, $"""<Relationship Id="{DrawingRel}" Type="{RelNs}/vmlDrawing" Target="../drawings/vmlDrawing{index}.vml"/><Relationship Id="{CommentsRel}" Type="{RelNs}/comments" Target="../comments{index}.xml"/>""");
        }

        WriteText($"xl/worksheets/_rels/sheet{index}.xml.rels",
            $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{PackageRelNs}">{rels}</Relationships>""");
        if (table is not null)
        {
            WriteTable(tableId, table);
        }

        if (notes.Count > 0)
        {
            _sheetsWithNotes.Add(index);
            XlsxNoteParts.WriteComments(Create($"xl/comments{index}.xml"), notes);
            using (var drawing = Create($"xl/drawings/vmlDrawing{index}.vml"))
            {
                XlsxNoteParts.WriteVml(drawing, notes, _shapes + 1);
            }

            _shapes += notes.Count;
        }
    }

    private void Finish()
    {
        var sheets = new StringBuilder();
        var rels = new StringBuilder();
        var types = new StringBuilder();
        for (var i = 1; i <= _sheets.Count; i++)
        {
            sheets.Append(CultureInfo.InvariantCulture, $"""<sheet name="{Escape(_sheets[i - 1])}" sheetId="{i}" r:id="rId{i}"/>""");
            rels.Append(CultureInfo.InvariantCulture, $"""<Relationship Id="rId{i}" Type="{RelNs}/worksheet" Target="worksheets/sheet{i}.xml"/>""");
            types.Append(CultureInfo.InvariantCulture, $"""<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>""");
        }

        for (var i = 1; i <= _tables; i++)
        {
            types.Append(CultureInfo.InvariantCulture, $"""<Override PartName="/xl/tables/table{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>""");
        }

        foreach (var i in _sheetsWithNotes)
        {
            types.Append(CultureInfo.InvariantCulture, $"""<Override PartName="/xl/comments{i}.xml" ContentType="{XlsxNoteParts.CommentsType}"/>""");
        }

        var vml = _sheetsWithNotes.Count > 0 ? $"""<Default Extension="vml" ContentType="{XlsxNoteParts.VmlType}"/>""" : "";
        var styles = _sheets.Count + 1;
        // Totals are formulas with their values cached; fullCalcOnLoad asks every program to calculate them anyway.
        WriteText("xl/workbook.xml",
            $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="{MainNs}" xmlns:r="{RelNs}"><sheets>{sheets}</sheets><calcPr calcId="0" fullCalcOnLoad="1"/></workbook>""");
        WriteText("xl/_rels/workbook.xml.rels",
            $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{PackageRelNs}">{rels}<Relationship Id="rId{styles}" Type="{RelNs}/styles" Target="styles.xml"/></Relationships>""");
        WriteText("xl/styles.xml", XlsxStyleSheet.Xml);
        WriteText("_rels/.rels",
            $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{PackageRelNs}"><Relationship Id="rId1" Type="{RelNs}/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        WriteText("[Content_Types].xml",
            $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>{vml}<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>{types}</Types>""");
    }

    private void WriteTable(int id, XlsxTable table)
    {
        var lastColumn = XlsxRowWriter.ColumnName(table.Headers.Count - 1);
        var hasTotals = table.Totals is not null;
        var end = table.LastRow + (hasTotals ? 1 : 0);
        using var xml = XmlWriter.Create(Create($"xl/tables/table{id}.xml"), Settings);
        xml.WriteStartDocument(standalone: true);
        xml.WriteStartElement("table", MainNs);
        xml.WriteAttributeString("id", id.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("name", table.Name);
        xml.WriteAttributeString("displayName", table.Name);
        xml.WriteAttributeString("ref", $"A{table.FirstRow}:{lastColumn}{end}");
        xml.WriteAttributeString("totalsRowCount", hasTotals ? "1" : "0");
        if (!hasTotals)
        {
            xml.WriteAttributeString("totalsRowShown", "0");
        }

        if (table.AutoFilter)
        {
            xml.WriteStartElement("autoFilter", MainNs);
            xml.WriteAttributeString("ref", $"A{table.FirstRow}:{lastColumn}{table.LastRow}");
            xml.WriteEndElement();
        }

        xml.WriteStartElement("tableColumns", MainNs);
        xml.WriteAttributeString("count", table.Headers.Count.ToString(CultureInfo.InvariantCulture));
        for (var c = 0; c < table.Headers.Count; c++)
        {
            xml.WriteStartElement("tableColumn", MainNs);
            xml.WriteAttributeString("id", (c + 1).ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("name", table.Headers[c]);
            if (table.Totals is { } totals && c == 0)
            {
                xml.WriteAttributeString("totalsRowLabel", totals.Label);
            }
            else if (table.Totals?.Sums.Contains(table.Headers[c]) == true)
            {
                xml.WriteAttributeString("totalsRowFunction", "sum");
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteStartElement("tableStyleInfo", MainNs);
        xml.WriteAttributeString("name", "TableStyleMedium2");
        xml.WriteAttributeString("showFirstColumn", "0");
        xml.WriteAttributeString("showLastColumn", "0");
        xml.WriteAttributeString("showRowStripes", "1");
        xml.WriteAttributeString("showColumnStripes", "0");
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private Stream Create(string path)
    {
        var entry = _zip.CreateEntry(path, _compression);
        entry.LastWriteTime = PartTime;
        return entry.Open();
    }

    private void WriteText(string path, string text)
    {
        using var stream = Create(path);
        stream.Write(Encoding.UTF8.GetBytes(text));
    }

    private static string Escape(string text) => System.Security.SecurityElement.Escape(text);
}
