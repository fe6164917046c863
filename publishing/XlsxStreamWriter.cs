using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace SharedServicesPipeline.Publishing;

/// <summary>The cell styles <see cref="XlsxStreamWriter"/> offers (indices into its fixed style sheet).</summary>
internal enum XlsxStyle
{
    Normal = 0,
    Bold = 1,
    Title = 2,
    Heading = 3,
    Italic = 4,
    Date = 5,
    Money = 6,
    Wrap = 7,
    CountLeft = 8,
    MoneyLeft = 9,
    DateTimeLeft = 10,
    TextLeft = 11,
}

/// <summary>
/// Writes an .xlsx sheet by sheet and row by row into a zip, with Excel tables, frozen headers and column widths. A
/// sheet's XML is rendered on its own first (so a workbook's sheets can be rendered side by side), then stored; nothing
/// else is held. Why not ClosedXML here: it builds every cell of the workbook in memory, which for a 100k-arrangement
/// compendium (≈ 2.4M cells) took 40 s and 3.5 GB. Strings are inline, which every spreadsheet program reads; text
/// that XML cannot carry (control characters) is dropped.
/// </summary>
internal sealed class XlsxStreamWriter : IDisposable
{
    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelNs = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const double CellPadding = 0.710625;

    private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false), CloseOutput = true };
    private static readonly XmlWriterSettings SheetSettings = new() { Encoding = new UTF8Encoding(false), CloseOutput = false };
    private static readonly DateTimeOffset PartTime = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly ZipArchive _zip;
    private readonly List<string> _sheets = [];
    private int _tables;

    public XlsxStreamWriter(Stream output) => _zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8);

    /// <summary>A table over a sheet's rows: header in <paramref name="FirstRow"/>, data to <paramref name="LastRow"/>, then (optionally) a totals row.</summary>
    public sealed record Table(string Name, IReadOnlyList<string> Headers, int FirstRow, int LastRow, bool AutoFilter, TableTotals? Totals);

    /// <summary>A table's totals row: a label in the first column and sums of the named columns.</summary>
    public sealed record TableTotals(string Label, IReadOnlySet<string> Sums);

    /// <summary>A sheet's XML and its table, if any.</summary>
    public sealed record RenderedSheet(ReadOnlyMemory<byte> Xml, Table? Table);

    /// <summary>Writes one sheet: <paramref name="rows"/> is called with a row writer and returns the sheet's table, if any.</summary>
    public void AddSheet(string name, IReadOnlyList<double> widths, bool freezeHeader, Func<RowWriter, Table?> rows) =>
        AddSheet(name, Render(widths, freezeHeader, rows));

    /// <summary>Adds a sheet rendered earlier (on any thread) with <see cref="Render"/>.</summary>
    public void AddSheet(string name, RenderedSheet sheet)
    {
        var index = _sheets.Count + 1;
        _sheets.Add(name);
        using (var part = Create($"xl/worksheets/sheet{index}.xml"))
        {
            part.Write(sheet.Xml.Span);
        }

        if (sheet.Table is { } table)
        {
            var id = ++_tables;
            WriteText($"xl/worksheets/_rels/sheet{index}.xml.rels",
                $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{PackageRelNs}"><Relationship Id="rId1" Type="{RelNs}/table" Target="../tables/table{id}.xml"/></Relationships>""");
            WriteTable(id, table);
        }
    }

    /// <summary>
    /// A sheet's XML, independent of its place in the workbook (its table part is always rId1), so that sheets can be
    /// rendered side by side and added in order.
    /// </summary>
    public static RenderedSheet Render(IReadOnlyList<double> widths, bool freezeHeader, Func<RowWriter, Table?> rows)
    {
        var buffer = new MemoryStream();
        Table? table;
        using (var xml = XmlWriter.Create(buffer, SheetSettings))
        {
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
            table = rows(new RowWriter(xml));
            xml.WriteEndElement();
            if (table is not null)
            {
                xml.WriteStartElement("tableParts", MainNs);
                xml.WriteAttributeString("count", "1");
                xml.WriteStartElement("tablePart", MainNs);
                xml.WriteAttributeString("id", RelNs, "rId1");
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        return new RenderedSheet(new ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, (int)buffer.Length), table);
    }

    public void Dispose()
    {
        Finish();
        _zip.Dispose();
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

        var styles = _sheets.Count + 1;
        // Totals are formulas with their values cached; fullCalcOnLoad asks every program to calculate them anyway.
        WriteText("xl/workbook.xml",
            $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="{MainNs}" xmlns:r="{RelNs}"><sheets>{sheets}</sheets><calcPr calcId="0" fullCalcOnLoad="1"/></workbook>""");
        WriteText("xl/_rels/workbook.xml.rels",
            $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{PackageRelNs}">{rels}<Relationship Id="rId{styles}" Type="{RelNs}/styles" Target="styles.xml"/></Relationships>""");
        WriteText("xl/styles.xml", StyleSheet);
        WriteText("_rels/.rels",
            $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{PackageRelNs}"><Relationship Id="rId1" Type="{RelNs}/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        WriteText("[Content_Types].xml",
            $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>{types}</Types>""");
    }

    private void WriteTable(int id, Table table)
    {
        var lastColumn = RowWriter.ColumnName(table.Headers.Count - 1);
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
        var entry = _zip.CreateEntry(path, CompressionLevel.Fastest);
        entry.LastWriteTime = PartTime;
        return entry.Open();
    }

    private void WriteText(string path, string text)
    {
        using var stream = Create(path);
        stream.Write(Encoding.UTF8.GetBytes(text));
    }

    private static string Escape(string text) => System.Security.SecurityElement.Escape(text);

    // Fonts: normal, bold, bold 16, bold 13, italic. Formats: 164 date, 165 money, 166 date and time; 3 is #,##0.
    // The cellXfs follow XlsxStyle's order.
    private const string StyleSheet = $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="{MainNs}"><numFmts count="3"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="&quot;£&quot;#,##0;\-&quot;£&quot;#,##0"/><numFmt numFmtId="166" formatCode="dd/mm/yyyy hh:mm"/></numFmts><fonts count="5"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="16"/><name val="Calibri"/></font><font><b/><sz val="13"/><name val="Calibri"/></font><font><i/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="12"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="0" fontId="3" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="0" fontId="4" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment wrapText="1"/></xf><xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment horizontal="left"/></xf><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment horizontal="left"/></xf><xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment horizontal="left"/></xf><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment horizontal="left"/></xf></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>""";

    /// <summary>Writes the rows of one sheet, in order; each row's cells are given left to right (null leaves a cell empty).</summary>
    internal sealed class RowWriter(XmlWriter xml)
    {
        private static readonly string[] SingleLetters = [.. Enumerable.Range(0, 26).Select(i => ((char)('A' + i)).ToString())];

        private int _row;
        private int _column;

        public int Row => _row;

        public void StartRow(int row)
        {
            if (_row > 0)
            {
                xml.WriteEndElement();
            }

            _row = row;
            _column = 0;
            xml.WriteStartElement("row", MainNs);
            xml.WriteAttributeString("r", row.ToString(CultureInfo.InvariantCulture));
        }

        public void EndRows()
        {
            if (_row > 0)
            {
                xml.WriteEndElement();
            }
        }

        public void Skip(int cells = 1) => _column += cells;

        public void Text(string? text, XlsxStyle style = XlsxStyle.Normal)
        {
            var safe = XmlSafe(text);
            if (string.IsNullOrEmpty(safe))
            {
                _column++;
                return;
            }

            // The cell's markup is written raw, as the XmlWriter would write it (default namespace, attributes in this
            // order): its element and attribute bookkeeping cost more than the rest of a 2.4M-cell compendium. Only
            // the text goes through WriteString, so it is escaped exactly as before.
            xml.WriteRaw(CellStart(style, " t=\"inlineStr\"><is><t"));
            xml.WriteRaw(char.IsWhiteSpace(safe[0]) || char.IsWhiteSpace(safe[^1]) ? " xml:space=\"preserve\">" : ">");
            xml.WriteString(safe);
            xml.WriteRaw("</t></is></c>");
        }

        public void Number(decimal? value, XlsxStyle style = XlsxStyle.Normal)
        {
            if (value is not { } number)
            {
                _column++;
                return;
            }

            xml.WriteRaw(CellStart(style, "><v>"));
            xml.WriteRaw(number.ToString(CultureInfo.InvariantCulture));
            xml.WriteRaw("</v></c>");
        }

        public void Date(DateTime? value, XlsxStyle style) =>
            Number(value is { } date ? (decimal)date.ToOADate() : null, style);

        /// <summary>A table's total of one column (what Excel writes for a totals-row sum), its value cached so that
        /// programs that do not calculate still show it.</summary>
        public void Subtotal(string table, string column, decimal cached, XlsxStyle style)
        {
            StartCell(style);
            xml.WriteElementString("f", MainNs, $"SUBTOTAL(109,{table}[{column}])");
            xml.WriteElementString("v", MainNs, cached.ToString(CultureInfo.InvariantCulture));
            xml.WriteEndElement();
        }

        /// <summary>A, B, … Z, AA, AB …: the column letters of a zero-based index.</summary>
        internal static string ColumnName(int index)
        {
            if (index < SingleLetters.Length)
            {
                return SingleLetters[index];
            }

            var name = "";
            for (var n = index + 1; n > 0; n = (n - 1) / 26)
            {
                name = (char)('A' + ((n - 1) % 26)) + name;
            }

            return name;
        }

        private string CellStart(XlsxStyle style, string rest) =>
            style == XlsxStyle.Normal
                ? string.Concat("<c r=\"", ColumnName(_column++), _row.ToString(CultureInfo.InvariantCulture), "\"", rest)
                : string.Concat("<c r=\"", ColumnName(_column++), _row.ToString(CultureInfo.InvariantCulture), "\" s=\"", ((int)style).ToString(CultureInfo.InvariantCulture), "\"", rest);

        private void StartCell(XlsxStyle style)
        {
            xml.WriteStartElement("c", MainNs);
            xml.WriteAttributeString("r", ColumnName(_column++) + _row.ToString(CultureInfo.InvariantCulture));
            if (style != XlsxStyle.Normal)
            {
                xml.WriteAttributeString("s", ((int)style).ToString(CultureInfo.InvariantCulture));
            }
        }

        // XML 1.0 cannot carry most control characters or unpaired surrogates; Excel's cell limit is 32,767 characters.
        private static string? XmlSafe(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return text;
            }

            var clean = NeedsCleaning(text)
                ? new string([.. text.Where((c, k) => XmlConvert.IsXmlChar(c) || (char.IsSurrogate(c) && IsPaired(text, k)))])
                : text;
            return clean.Length > 32_767 ? clean[..(char.IsHighSurrogate(clean[32_766]) ? 32_766 : 32_767)] : clean;
        }

        private static bool NeedsCleaning(string text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                if (!XmlConvert.IsXmlChar(text[i]) && !(char.IsSurrogate(text[i]) && IsPaired(text, i)))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsPaired(string text, int index) =>
            char.IsHighSurrogate(text[index])
                ? index + 1 < text.Length && char.IsLowSurrogate(text[index + 1])
                : index > 0 && char.IsHighSurrogate(text[index - 1]);
    }
}
