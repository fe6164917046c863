using System.Text;

namespace SharedServicesPipeline.HostileFiles;

/// <summary>
/// The parts of a small valid submission (a header and two arrangements, in shared strings) as raw zip entries, so that
/// a case can replace one part or the way it is stored and keep the rest as Excel would write it.
/// </summary>
public sealed class WorkbookParts
{
    public const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    public const string SharedStrings = "xl/sharedStrings.xml";
    public const string Sheet = "xl/worksheets/sheet1.xml";
    public const string Styles = "xl/styles.xml";
    public const string Declaration = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>""";

    /// <summary>The shared strings of the valid submission, by index.</summary>
    public static readonly string[] Strings =
    [
        "Arrangement", "Partners", "Service area",
        "Shared legal service", "Essex County Council; Slough Borough Council", "Legal",
        "Joint waste partnership", "Kent County Council; Maidstone Borough Council", "Waste",
    ];

    private readonly List<RawZipEntry> _entries = [];

    public WorkbookParts()
    {
        Set("[Content_Types].xml", $"""{Declaration}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>""");
        Set("_rels/.rels", $"""{Declaration}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        Set("xl/workbook.xml", $"""{Declaration}<workbook xmlns="{Main}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Arrangements" sheetId="1" r:id="rId1"/></sheets></workbook>""");
        Set("xl/_rels/workbook.xml.rels", $"""{Declaration}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>""");
        Set(Styles, StylesXml("""<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"""));
        Set(SharedStrings, SharedStringsXml(string.Concat(Strings.Select(s => $"<si><t>{s}</t></si>"))));
        Set(Sheet, SheetXml(Rows));
    }

    /// <summary>The three rows of the valid submission (header and two arrangements) as sheetData content.</summary>
    public static string Rows =>
        """<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>"""
        + """<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" t="s"><v>4</v></c><c r="C2" t="s"><v>5</v></c></row>"""
        + """<row r="3"><c r="A3" t="s"><v>6</v></c><c r="B3" t="s"><v>7</v></c><c r="C3" t="s"><v>8</v></c></row>""";

    public static string SheetXml(string rows, string beforeRows = "", string afterRows = "") =>
        $"""{Declaration}<worksheet xmlns="{Main}">{beforeRows}<sheetData>{rows}</sheetData>{afterRows}</worksheet>""";

    public static string SharedStringsXml(string items) => $"""{Declaration}<sst xmlns="{Main}">{items}</sst>""";

    public static string StylesXml(string cellXfs, string numFmts = "") =>
        $"""{Declaration}<styleSheet xmlns="{Main}">{(numFmts.Length > 0 ? $"<numFmts>{numFmts}</numFmts>" : "")}<cellXfs>{cellXfs}</cellXfs></styleSheet>""";

    /// <summary>Replaces (or adds) a part with XML text.</summary>
    public WorkbookParts Set(string name, string xml) => Set(new RawZipEntry(name, Encoding.UTF8.GetBytes(xml)));

    /// <summary>Replaces (or adds) a part with an entry written as given (sizes, attributes, flags).</summary>
    public WorkbookParts Set(RawZipEntry entry)
    {
        var at = _entries.FindIndex(e => e.Name == entry.Name);
        if (at >= 0)
        {
            _entries[at] = entry;
        }
        else
        {
            _entries.Add(entry);
        }

        return this;
    }

    /// <summary>Changes how an existing part is stored (its bytes kept).</summary>
    public WorkbookParts Change(string name, Func<RawZipEntry, RawZipEntry> change)
    {
        var at = _entries.FindIndex(e => e.Name == name);
        _entries[at] = change(_entries[at]);
        return this;
    }

    /// <summary>Adds an entry after the others even when one of its name exists (a zip may hold two of one name).</summary>
    public WorkbookParts Append(RawZipEntry entry)
    {
        _entries.Add(entry);
        return this;
    }

    /// <summary>Puts an entry first, before the parts of the same name.</summary>
    public WorkbookParts Prepend(RawZipEntry entry)
    {
        _entries.Insert(0, entry);
        return this;
    }

    public byte[] Build() => RawZip.Write(_entries);
}
