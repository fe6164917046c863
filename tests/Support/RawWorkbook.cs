using System.IO.Compression;
using System.Text;

namespace SharedServicesPipeline.Tests.Support;

/// <summary>
/// Builds an .xlsx from raw SpreadsheetML, for what a builder library never writes: inline strings, cells and rows
/// without references, rich text, 1904 dates, custom number formats, Strict OOXML's namespaces, prefixed element
/// names, parts in an unusual order or place. Each sheet's XML is the content of its sheetData (and what follows it).
/// </summary>
internal sealed class RawWorkbook
{
    public const string Transitional = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    public const string Strict = "http://purl.oclc.org/ooxml/spreadsheetml/main";
    private const string Declaration = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>""";

    private readonly List<(string Name, string? State, string Rows, string AfterRows)> _sheets = [];
    private string? _sharedStrings;
    private string _numFmts = "";
    private string _cellXfs = """<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>""";
    private string _workbookPr = "";
    private bool _strict;
    private string? _prefix;
    private bool _reverseZipOrder;
    private string _sharedStringsPart = "xl/sharedStrings.xml";
    private Func<int, string> _sheetTarget = i => $"worksheets/sheet{i}.xml";

    /// <summary>A sheet: <paramref name="rows"/> goes inside sheetData, <paramref name="afterRows"/> after it (mergeCells).</summary>
    public RawWorkbook Sheet(string name, string rows, string afterRows = "", string? state = null)
    {
        _sheets.Add((name, state, rows, afterRows));
        return this;
    }

    /// <summary>The shared strings part's items, as raw &lt;si&gt; XML.</summary>
    public RawWorkbook SharedStrings(string items)
    {
        _sharedStrings = items;
        return this;
    }

    /// <summary>Plain shared strings, one &lt;si&gt;&lt;t&gt; each.</summary>
    public RawWorkbook Strings(params string[] strings) =>
        SharedStrings(string.Concat(strings.Select(s => $"<si><t xml:space=\"preserve\">{System.Security.SecurityElement.Escape(s)}</t></si>")));

    /// <summary>styles.xml's numFmts and cellXfs children (raw XML); the default has style 1 as built-in date format 14.</summary>
    public RawWorkbook Styles(string cellXfs, string numFmts = "")
    {
        _cellXfs = cellXfs;
        _numFmts = numFmts;
        return this;
    }

    public RawWorkbook Date1904(string value = "1")
    {
        _workbookPr = $"""<workbookPr date1904="{value}"/>""";
        return this;
    }

    /// <summary>Strict OOXML: the purl.oclc.org namespaces throughout.</summary>
    public RawWorkbook AsStrict()
    {
        _strict = true;
        return this;
    }

    /// <summary>Every SpreadsheetML element written with a namespace prefix (x:row, x:c …), as some generators do.</summary>
    public RawWorkbook Prefixed(string prefix = "x")
    {
        _prefix = prefix;
        return this;
    }

    /// <summary>The zip holds the parts last to first (sheets in reverse), so only the workbook gives their order.</summary>
    public RawWorkbook InReverseZipOrder()
    {
        _reverseZipOrder = true;
        return this;
    }

    public RawWorkbook SharedStringsAt(string part)
    {
        _sharedStringsPart = part;
        return this;
    }

    /// <summary>The relationship target of sheet <c>i</c> (1-based), relative to xl/ or absolute.</summary>
    public RawWorkbook SheetTargets(Func<int, string> target)
    {
        _sheetTarget = target;
        return this;
    }

    public byte[] Build()
    {
        var main = _strict ? Strict : Transitional;
        var rels = _strict ? "http://purl.oclc.org/ooxml/officeDocument/relationships" : "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        var parts = new List<(string Name, string Xml)>
        {
            ("[Content_Types].xml", $"""{Declaration}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>"""),
            ("_rels/.rels", $"""{Declaration}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rels}/officeDocument" Target="xl/workbook.xml"/></Relationships>"""),
            ("xl/workbook.xml", $"""{Declaration}{Open("workbook", main, $" xmlns:r=\"{rels}\"")}{_workbookPr.Replace("<workbookPr", $"<{P}workbookPr", StringComparison.Ordinal)}<{P}sheets>{string.Concat(_sheets.Select((s, i) => $"""<{P}sheet name="{s.Name}" sheetId="{i + 1}" r:id="rId{i + 1}"{(s.State is null ? "" : $" state=\"{s.State}\"")}/>"""))}</{P}sheets></{P}workbook>"""),
            ("xl/_rels/workbook.xml.rels", $"""{Declaration}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{string.Concat(_sheets.Select((_, i) => $"""<Relationship Id="rId{i + 1}" Type="{rels}/worksheet" Target="{_sheetTarget(i + 1)}"/>"""))}<Relationship Id="rIdS" Type="{rels}/sharedStrings" Target="{_sharedStringsPart["xl/".Length..]}"/><Relationship Id="rIdT" Type="{rels}/styles" Target="styles.xml"/></Relationships>"""),
            ("xl/styles.xml", $"""{Declaration}{Open("styleSheet", main)}{(_numFmts.Length > 0 ? $"<{P}numFmts>{Prefix(_numFmts)}</{P}numFmts>" : "")}<{P}cellXfs>{Prefix(_cellXfs)}</{P}cellXfs></{P}styleSheet>"""),
        };
        if (_sharedStrings is not null)
        {
            parts.Add((_sharedStringsPart, $"""{Declaration}{Open("sst", main)}{Prefix(_sharedStrings)}</{P}sst>"""));
        }

        for (var i = 0; i < _sheets.Count; i++)
        {
            parts.Add(($"xl/worksheets/sheet{i + 1}.xml", $"""{Declaration}{Open("worksheet", main)}<{P}sheetData>{Prefix(_sheets[i].Rows)}</{P}sheetData>{Prefix(_sheets[i].AfterRows)}</{P}worksheet>"""));
        }

        if (_reverseZipOrder)
        {
            parts.Reverse();
        }

        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, xml) in parts)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(new UTF8Encoding(false).GetBytes(xml));
            }
        }

        return output.ToArray();
    }

    private string P => _prefix is null ? "" : _prefix + ":";

    private string Open(string root, string ns, string more = "") =>
        _prefix is null ? $"<{root} xmlns=\"{ns}\"{more}>" : $"<{P}{root} xmlns:{_prefix}=\"{ns}\"{more}>";

    // Puts the prefix on every element name of a raw fragment (<row → <x:row, </row → </x:row); not on CDATA or comments.
    private string Prefix(string xml) => _prefix is null
        ? xml
        : System.Text.RegularExpressions.Regex.Replace(xml, @"<(/?)([A-Za-z][\w]*)", $"<$1{_prefix}:$2");
}
