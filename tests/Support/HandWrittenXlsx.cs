using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;

namespace SharedServicesPipeline.Tests.Support;

/// <summary>
/// An .xlsx written part by part the way programs other than Excel write them: Google Sheets' export (shared strings,
/// Arial styles, a custom date format, hundreds of formatted but empty rows under the data) or a web system's export
/// (inline strings, no styles part, sometimes no cell references at all). Cells: <c>string</c>, numbers, <c>DateTime</c>.
/// </summary>
internal static class HandWrittenXlsx
{
    public enum Producer
    {
        /// <summary>Google Sheets "Download as Microsoft Excel": shared strings, styles, padding rows of empty styled cells.</summary>
        GoogleSheets,

        /// <summary>A case-management system's "Export to Excel": inline strings, no styles, dates as ISO date cells (t="d").</summary>
        WebExport,

        /// <summary>A web export that omits the r="A1" references on rows and cells (allowed by the schema).</summary>
        WebExportWithoutReferences,
    }

    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    public static byte[] Build(Producer producer, params (string Name, object?[][] Rows)[] sheets) => Build(producer, 0, sheets);

    /// <param name="paddingRows">Rows of empty, styled cells after the data (Google writes them for formatted ranges).</param>
    public static byte[] Build(Producer producer, int paddingRows, params (string Name, object?[][] Rows)[] sheets)
    {
        var shared = new List<string>();
        var sharedIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var google = producer == Producer.GoogleSheets;
        var sheetXml = sheets.Select(s => SheetXml(s.Rows, producer, paddingRows, text =>
        {
            if (!sharedIndex.TryGetValue(text, out var index))
            {
                index = shared.Count;
                shared.Add(text);
                sharedIndex[text] = index;
            }

            return index;
        })).ToList();

        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            var overrides = new StringBuilder("""<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>""");
            for (var i = 0; i < sheets.Length; i++)
            {
                overrides.Append(CultureInfo.InvariantCulture, $"""<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>""");
            }

            if (google)
            {
                overrides.Append("""<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>""");
            }

            Text(zip, "[Content_Types].xml", $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>{overrides}</Types>""");
            Text(zip, "_rels/.rels", $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{Rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            var sheetEntries = string.Concat(sheets.Select((s, i) => $"""<sheet {(google ? "state=\"visible\" " : "")}name="{SecurityElement.Escape(s.Name)}" sheetId="{i + 1}" r:id="rId{i + 3}"/>"""));
            Text(zip, "xl/workbook.xml", $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="{Main}" xmlns:r="{Rel}">{(google ? "<workbookPr/>" : "")}<sheets>{sheetEntries}</sheets>{(google ? "<definedNames/><calcPr/>" : "")}</workbook>""");
            var sheetRels = string.Concat(sheets.Select((_, i) => $"""<Relationship Id="rId{i + 3}" Type="{Rel}/worksheet" Target="worksheets/sheet{i + 1}.xml"/>"""));
            var googleRels = google ? $"""<Relationship Id="rId1" Type="{Rel}/styles" Target="styles.xml"/><Relationship Id="rId2" Type="{Rel}/sharedStrings" Target="sharedStrings.xml"/>""" : "";
            Text(zip, "xl/_rels/workbook.xml.rels", $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{googleRels}{sheetRels}</Relationships>""");
            if (google)
            {
                Text(zip, "xl/styles.xml", $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="{Main}" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><fonts count="2"><font><sz val="10.0"/><color rgb="FF000000"/><name val="Arial"/><scheme val="minor"/></font><font><b/><color theme="1"/><name val="Arial"/><scheme val="minor"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="lightGray"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf borderId="0" fillId="0" fontId="0" numFmtId="0" applyAlignment="1" applyFont="1"/></cellStyleXfs><cellXfs count="3"><xf borderId="0" fillId="0" fontId="0" numFmtId="0" xfId="0" applyAlignment="1" applyFont="1"><alignment readingOrder="0" shrinkToFit="0" vertical="bottom" wrapText="0"/></xf><xf borderId="0" fillId="0" fontId="0" numFmtId="164" xfId="0" applyAlignment="1" applyFont="1" applyNumberFormat="1"><alignment readingOrder="0"/></xf><xf borderId="0" fillId="0" fontId="1" numFmtId="0" xfId="0" applyAlignment="1" applyFont="1"><alignment readingOrder="0" wrapText="1"/></xf></cellXfs><cellStyles count="1"><cellStyle xfId="0" name="Normal" builtinId="0"/></cellStyles><dxfs count="0"/></styleSheet>""");
                Text(zip, "xl/sharedStrings.xml", $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="{Main}" count="{shared.Count}" uniqueCount="{shared.Count}">{string.Concat(shared.Select(s => $"<si><t xml:space=\"preserve\">{SecurityElement.Escape(s)}</t></si>"))}</sst>""");
            }

            for (var i = 0; i < sheets.Length; i++)
            {
                Text(zip, $"xl/worksheets/sheet{i + 1}.xml", sheetXml[i]);
            }
        }

        return output.ToArray();
    }

    private static string SheetXml(object?[][] rows, Producer producer, int paddingRows, Func<string, int> share)
    {
        var google = producer == Producer.GoogleSheets;
        var references = producer != Producer.WebExportWithoutReferences;
        var width = rows.Length == 0 ? 1 : rows.Max(r => r.Length);
        var xml = new StringBuilder($"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{Main}" xmlns:r="{Rel}">""");
        if (google)
        {
            xml.Append("""<sheetPr><outlinePr summaryBelow="0" summaryRight="0"/></sheetPr><sheetViews><sheetView workbookViewId="0"><pane ySplit="1.0" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection activeCell="B2" sqref="B2" pane="bottomLeft"/></sheetView></sheetViews><sheetFormatPr customHeight="1" defaultColWidth="12.63" defaultRowHeight="15.75"/>""");
        }

        xml.Append("<sheetData>");
        for (var r = 0; r < rows.Length + paddingRows; r++)
        {
            var rowNumber = r + 1;
            xml.Append(references ? $"<row r=\"{rowNumber}\">" : "<row>");
            for (var c = 0; c < (r < rows.Length ? rows[r].Length : width); c++)
            {
                var value = r < rows.Length ? rows[r][c] : null;
                var reference = references ? $" r=\"{XlsxParts.Column(c)}{rowNumber}\"" : "";
                switch (value)
                {
                    case null when google:
                        xml.Append(CultureInfo.InvariantCulture, $"<c{reference} s=\"0\"/>");
                        break;
                    case null:
                        break;
                    case string s when google:
                        xml.Append(CultureInfo.InvariantCulture, $"<c{reference} s=\"{(r == 0 ? 2 : 0)}\" t=\"s\"><v>{share(s)}</v></c>");
                        break;
                    case string s:
                        xml.Append(CultureInfo.InvariantCulture, $"<c{reference} t=\"inlineStr\"><is><t xml:space=\"preserve\">{SecurityElement.Escape(s)}</t></is></c>");
                        break;
                    case DateTime d:
                        // Google saves a serial with a date style; exports without styles use the ISO date type (t="d").
                        var serial = (d - new DateTime(1899, 12, 30)).TotalDays.ToString(CultureInfo.InvariantCulture);
                        xml.Append(google ? $"<c{reference} s=\"1\"><v>{serial}</v></c>" : $"<c{reference} t=\"d\"><v>{d:yyyy-MM-ddTHH:mm:ss}</v></c>");
                        break;
                    case IFormattable number:
                        xml.Append(CultureInfo.InvariantCulture, $"<c{reference}{(google ? " s=\"0\"" : "")}><v>{number.ToString(null, CultureInfo.InvariantCulture)}</v></c>");
                        break;
                    default:
                        throw new ArgumentException($"No cell for a {value.GetType().Name}", nameof(rows));
                }
            }

            xml.Append("</row>");
        }

        xml.Append("</sheetData>");
        xml.Append("</worksheet>");
        return xml.ToString();
    }

    private static void Text(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }
}
