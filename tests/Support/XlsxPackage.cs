using System.IO.Compression;
using System.Text;

namespace SharedServicesPipeline.Tests.Support;

/// <summary>
/// A small but complete .xlsx (workbook, one sheet, shared strings, styles) held as editable XML text, so a test can
/// change one part (a DOCTYPE in sharedStrings.xml, 100,000 nested elements in the sheet) and zip the rest as Excel would.
/// </summary>
internal sealed class XlsxPackage
{
    public const string ContentTypes = "[Content_Types].xml";
    public const string Workbook = "xl/workbook.xml";
    public const string Sheet = "xl/worksheets/sheet1.xml";
    public const string SharedStrings = "xl/sharedStrings.xml";
    public const string Styles = "xl/styles.xml";

    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Declaration = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>""";

    // The shared strings of the template, by index: the header, then the first arrangement's title, partners and service.
    private static readonly string[] TemplateStrings =
    [
        "Reference", "Arrangement", "Partners", "Service area", "Start date",
        "Shared legal service", "Essex County Council; Slough Borough Council", "Legal",
    ];

    // Ordered entries; a name may repeat (zips allow it: some readers take the first, some the last).
    private readonly List<(string Name, byte[] Bytes)> _entries = [];

    /// <summary>The part names in zip order.</summary>
    public IReadOnlyList<string> Names => [.. _entries.Select(e => e.Name)];

    /// <summary>A valid one-sheet submission: a header and two arrangements, in shared and inline strings, with a date and a description.</summary>
    public static XlsxPackage Template()
    {
        var package = new XlsxPackage();
        package[ContentTypes] = $"""{Declaration}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>""";
        package["_rels/.rels"] = $"""{Declaration}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""";
        package[Workbook] = $"""{Declaration}<workbook xmlns="{Main}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Arrangements" sheetId="1" r:id="rId1"/></sheets></workbook>""";
        package["xl/_rels/workbook.xml.rels"] = $"""{Declaration}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>""";
        package[Styles] = $"""{Declaration}<styleSheet xmlns="{Main}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>""";
        package[SharedStrings] = $"""{Declaration}<sst xmlns="{Main}" count="{TemplateStrings.Length}" uniqueCount="{TemplateStrings.Length}">{string.Concat(TemplateStrings.Select(s => $"<si><t>{s}</t></si>"))}</sst>""";
        package[Sheet] = SheetXml(
            """<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="inlineStr"><is><t>Description</t></is></c></row>"""
            + """<row r="2"><c r="A2" t="inlineStr"><is><t>R01</t></is></c><c r="B2" t="s"><v>5</v></c><c r="C2" t="s"><v>6</v></c><c r="D2" t="s"><v>7</v></c><c r="E2" s="1"><v>40634</v></c><c r="F2" t="inlineStr"><is><t>One legal team for both councils</t></is></c></row>"""
            + """<row r="3"><c r="A3" t="inlineStr"><is><t>R02</t></is></c><c r="B3" t="inlineStr"><is><t>Joint waste partnership</t></is></c><c r="C3" t="inlineStr"><is><t>Kent County Council; Maidstone Borough Council</t></is></c><c r="D3" t="inlineStr"><is><t>Waste</t></is></c></row>""");
        return package;
    }

    /// <summary>The parts of an existing zip, in its order (for mutating a real workbook part by part).</summary>
    public static XlsxPackage Open(byte[] zip)
    {
        var package = new XlsxPackage();
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        foreach (var entry in archive.Entries)
        {
            using var content = entry.Open();
            using var copy = new MemoryStream();
            content.CopyTo(copy);
            package._entries.Add((entry.FullName, copy.ToArray()));
        }

        return package;
    }

    /// <summary>A worksheet part whose sheetData holds <paramref name="rows"/> (raw XML).</summary>
    public static string SheetXml(string rows) => $"""{Declaration}<worksheet xmlns="{Main}"><sheetData>{rows}</sheetData></worksheet>""";

    /// <summary>A part as UTF-8 text; setting replaces the first entry of that name, or adds one.</summary>
    public string this[string part]
    {
        get => Utf8.GetString(Bytes(part));
        set => SetBytes(part, Utf8.GetBytes(value));
    }

    public bool Has(string part) => _entries.Exists(e => e.Name == part);

    public byte[] Bytes(string part) => _entries.First(e => e.Name == part).Bytes;

    /// <summary>Puts raw bytes in a part (another encoding, or not XML at all).</summary>
    public void SetBytes(string part, byte[] content)
    {
        var index = _entries.FindIndex(e => e.Name == part);
        if (index < 0)
        {
            _entries.Add((part, content));
        }
        else
        {
            _entries[index] = (part, content);
        }
    }

    public void Remove(string part) => _entries.RemoveAll(e => e.Name == part);

    /// <summary>Gives a part another name; with <paramref name="keepOriginal"/> the zip has both (the new one last).</summary>
    public void Rename(string part, string newName, bool keepOriginal = false)
    {
        var index = _entries.FindIndex(e => e.Name == part);
        var bytes = _entries[index].Bytes;
        if (keepOriginal)
        {
            _entries.Add((newName, bytes));
        }
        else
        {
            _entries[index] = (newName, bytes);
        }
    }

    public byte[] Build(CompressionLevel level = CompressionLevel.Optimal)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in _entries)
            {
                // A fixed time, not the clock's: the same package must give the same bytes (the fuzz cases are rebuilt
                // from their seed, and two builds either side of a two-second tick differed in every entry's header).
                var entry = zip.CreateEntry(name, level);
                entry.LastWriteTime = PartTime;
                using var content = entry.Open();
                content.Write(bytes);
            }
        }

        return output.ToArray();
    }

    private static readonly UTF8Encoding Utf8 = new(false);

    private static readonly DateTimeOffset PartTime = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
}
