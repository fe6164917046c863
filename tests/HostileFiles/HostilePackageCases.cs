using System.Text;

namespace SharedServicesPipeline.HostileFiles;

/// <summary>
/// Packages that are not what their name or their parts say, in the spirit of other spreadsheet projects' corpora of
/// malformed files: empty files and byte-order marks alone, a binary workbook or a macro workbook named .xlsx,
/// thousands of sheets, relationships that point out of the package or to the network, external links, a zip whose
/// central directory and local headers name different parts, a budget-sized sheet of the slowest cells to parse.
/// </summary>
public static class HostilePackageCases
{
    private const string Relationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string WorksheetType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";

    public static IReadOnlyList<HostileCase> All { get; } =
    [
        new("package-structure", "0 bytes named .xlsx", "empty.xlsx", () => [], "file.empty"),
        new("package-structure", "only a UTF-8 byte-order mark, named .xlsx", "bom-only.xlsx", () => [0xEF, 0xBB, 0xBF], "file.no-header-row"),
        new("package-structure", "an Excel binary workbook (.xlsb) named .xlsx", "binary.xlsx",
            () => Zip(("[Content_Types].xml", "<Types/>"), ("xl/workbook.bin", "\u0083\u0001\u0000"), ("xl/worksheets/sheet1.bin", "\u0081\u0001\u0000")), "file.unsupported-format"),
        new("package-structure", "a macro workbook (vbaProject.bin, .xlsm content types) named .xlsx", "macros.xlsx",
            () => new WorkbookParts().Set(new RawZipEntry("xl/vbaProject.bin", new CompoundFileWriter().Stream("VBA", new byte[4096]).Build())).Build(), null),
        new("package-structure", "9,999 sheets listed, one with a part", "many-sheets.xlsx", () => ManySheets(9_999), null) { Worst = true },
        new("package-structure", "10,001 sheets listed", "too-many-sheets.xlsx", () => ManySheets(10_001), HostileCases.BeyondExcel),
        new("package-structure", "sheet relationships to ../../etc/passwd, /etc/passwd, file:/// and http:// (one to the real sheet)", "outside-targets.xlsx", OutsideTargets, null),
        new("package-structure", "an external link part and a TargetMode=\"External\" relationship to a share", "external-link.xlsx", ExternalLink, null),
        // The central directory is the zip's index (APPNOTE 4.3.6): the part is read by the name it gives there.
        new("package-structure", "a central directory naming the sheet part, its local header another name", "names-disagree.xlsx",
            () => new WorkbookParts().Change(WorkbookParts.Sheet, e => e with { LocalName = "xl/worksheets/other.xml" }).Build(), null),
        new("package-structure", "a central directory naming two parts at one local header", "shared-offset.xlsx", SharedOffset, HostileCases.Corrupt),
    ];

    private static byte[] Zip(params (string Name, string Content)[] parts) =>
        RawZip.Write(parts.Select(p => new RawZipEntry(p.Name, Encoding.Latin1.GetBytes(p.Content))));

    // The valid sheet first, then sheets whose relationships are missing: each is looked for and found empty.
    private static byte[] ManySheets(int count) =>
        new WorkbookParts().Set("xl/workbook.xml", WorkbookParts.Declaration + $"<workbook xmlns=\"{WorkbookParts.Main}\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
            + string.Concat(Enumerable.Range(1, count).Select(i => $"<sheet name=\"{(i == 1 ? "Arrangements" : $"S{i}")}\" sheetId=\"{i}\" r:id=\"rId{(i == 1 ? 1 : i + 100)}\"/>")) + "</sheets></workbook>").Build();

    private static byte[] OutsideTargets()
    {
        string[] targets = ["../../../../etc/passwd", "/etc/passwd", "file:///etc/passwd", "http://127.0.0.1:10000/devstoreaccount1/x.xml", "\\\\server\\share\\sheet.xml", "worksheets/sheet1.xml"];
        var parts = new WorkbookParts();
        parts.Set("xl/workbook.xml", WorkbookParts.Declaration + $"<workbook xmlns=\"{WorkbookParts.Main}\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
            + string.Concat(targets.Select((_, i) => $"<sheet name=\"{(i == targets.Length - 1 ? "Arrangements" : $"S{i}")}\" sheetId=\"{i + 1}\" r:id=\"rId{i + 1}\"/>")) + "</sheets></workbook>");
        parts.Set("xl/_rels/workbook.xml.rels", WorkbookParts.Declaration + $"<Relationships xmlns=\"{Relationships}\">"
            + string.Concat(targets.Select((t, i) => $"<Relationship Id=\"rId{i + 1}\" Type=\"{WorksheetType}\" Target=\"{t}\"{(t.Contains(':', StringComparison.Ordinal) ? " TargetMode=\"External\"" : "")}/>"))
            + $"<Relationship Id=\"rIdS\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"/../sharedStrings.xml\"/>"
            + $"<Relationship Id=\"rIdT\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"../../styles.xml\"/></Relationships>");
        return parts.Build();
    }

    private static byte[] ExternalLink()
    {
        var parts = new WorkbookParts();
        parts.Set("xl/externalLinks/externalLink1.xml", WorkbookParts.Declaration + $"<externalLink xmlns=\"{WorkbookParts.Main}\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><externalBook r:id=\"rId1\"><sheetNames><sheetName val=\"Secrets\"/></sheetNames></externalBook></externalLink>");
        parts.Set("xl/externalLinks/_rels/externalLink1.xml.rels", WorkbookParts.Declaration + $"<Relationships xmlns=\"{Relationships}\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath\" Target=\"file:///\\\\attacker\\share\\book.xlsx\" TargetMode=\"External\"/></Relationships>");
        parts.Set(WorkbookParts.Sheet, WorkbookParts.SheetXml(WorkbookParts.Rows + "<row r=\"4\"><c r=\"A4\"><f>[1]Secrets!A1</f><v>0</v></c><c r=\"B4\" t=\"str\"><f>WEBSERVICE(\"http://127.0.0.1/\")</f><v>x</v></c></row>"));
        return parts.Build();
    }

    // Two directory records pointing at one local header: a zip tool's overlap that readers must not inflate twice for free.
    private static byte[] SharedOffset()
    {
        var copy = new WorkbookParts().Set(new RawZipEntry("xl/worksheets/sheet2.xml", Encoding.UTF8.GetBytes(WorkbookParts.SheetXml(WorkbookParts.Rows)))).Build();
        // Point the second sheet's directory record at the first entry's local header (offset 0).
        var text = Encoding.Latin1.GetString(copy);
        var record = text.LastIndexOf("PK\u0001\u0002", StringComparison.Ordinal);
        copy[record + 42] = copy[record + 43] = copy[record + 44] = copy[record + 45] = 0;
        return copy;
    }
}
