using System.Text;

namespace SharedServicesPipeline.HostileFiles;

/// <summary>
/// The hostile submissions, class by class: zip entries that claim to be what they are not, sizes that lie, containers
/// inside containers, XML bombs inside every zip limit, pathological shared strings, sheet dimensions and styles, huge
/// cell counts in small files, legacy workbooks and compound files built to make a reader loop or allocate. Each is
/// made at run time (never committed) and says the outcome a clear answer gives.
/// </summary>
public static class HostileCases
{
    public const string InflatesTooFar = "file.inflates-too-far";
    public const string TooManyStrings = "file.too-many-strings";
    public const string BeyondExcel = "file.beyond-excel-limits";
    public const string RowTooLong = "file.row-too-long";
    public const string Password = "file.password-protected";
    public const string Corrupt = "file.corrupt";

    private const int Mega = 1 << 20;
    private const string Sst = WorkbookParts.SharedStrings;

    public const string LineTooLong = HostileCsvCases.LineTooLong;
    public const string CsvNotText = HostileCsvCases.NotText;

    /// <summary>Every case: the workbook cases here, then the CSV, package, row-volume, work-after-reading and shared-string-reading cases.</summary>
    public static IReadOnlyList<HostileCase> All { get; } = [.. Workbooks, .. HostileCsvCases.All, .. HostilePackageCases.All, .. HostileRowCases.All, .. HostileWorkCases.All, .. HostileStringReadCases.All];

    // A property computed once, by All (a static field initialised after All would still be null).
    private static IReadOnlyList<HostileCase> Workbooks =>
    [
        // Zip entry flags: the entry the guard once skipped, opened by name anyway.
        new("zip-entry-flags", "600 MB of empty shared strings in an entry marked as a directory (the 585 KB file of issue 17)", "directory.xlsx",
            () => EmptyStrings(120_000_000, dos: 0x10), InflatesTooFar) { Worst = true },
        new("zip-entry-flags", "the same marked as a volume label", "volume-label.xlsx", () => EmptyStrings(120_000_000, dos: 0x08), InflatesTooFar),
        new("zip-entry-flags", "an entry flagged as encrypted", "encrypted-entry.xlsx",
            () => new WorkbookParts().Change(WorkbookParts.Sheet, e => e with { Encrypted = true }).Build(), Password),

        // Sizes that lie: in the central directory, the local header, a data descriptor, a ZIP64 extra field.
        new("lying-sizes", "shared strings declaring 1,000 bytes, inflating to 600 MB", "lying-directory.xlsx",
            () => Lie(e => e with { DeclaredSize = 1_000 }), InflatesTooFar) { Worst = true },
        new("lying-sizes", "the local header declaring 600 MB, the directory 1,000 bytes", "lying-local.xlsx",
            () => Lie(e => e with { DeclaredSize = 1_000, LocalDeclaredSize = 600_000_000 }), Corrupt),
        new("lying-sizes", "a data descriptor, the directory declaring 0 bytes", "data-descriptor.xlsx",
            () => Lie(e => e with { DataDescriptor = true, DeclaredSize = 0 }), InflatesTooFar),
        new("lying-sizes", "ZIP64 sizes declaring 100 bytes", "zip64-small.xlsx", () => Lie(e => e with { Zip64 = true, DeclaredSize = 100 }), InflatesTooFar),
        new("lying-sizes", "ZIP64 sizes declaring 2^62 bytes", "zip64-huge.xlsx",
            () => new WorkbookParts().Change(Sst, e => e with { Zip64 = true, DeclaredSize = 1L << 62 }).Build(), InflatesTooFar),
        new("lying-sizes", "two shared strings parts of one name, the second a bomb", "duplicate-names.xlsx",
            () => new WorkbookParts().Append(RepeatedDeflate.Entry(Sst, Strings(), "<si/>", 120_000_000, "</sst>")).Build(), InflatesTooFar),

        // Containers in containers.
        new("nested-containers", "an encrypted .xlsx (EncryptionInfo, EncryptedPackage) whose directory lies past the first 2 MB", "encrypted-deep.xlsx",
            () => new CompoundFileWriter().Stream("Padding", new byte[3 * Mega]).Stream("EncryptionInfo", new byte[5000]).Stream("EncryptedPackage", new WorkbookParts().Build()).Build(), Password) { Worst = true },
        new("nested-containers", "an .xls encrypted with RC4 (FILEPASS, as Excel's default \"VelvetSweatshop\" password writes it)", "velvet.xls",
            () => new BiffWorkbook().Encrypted().ValidSheet().BuildXls(), Password),
        new("nested-containers", "a 10 GB zip bomb embedded as a part", "embedded-bomb.xlsx",
            () => new WorkbookParts().Set(new RawZipEntry("xl/embeddings/bomb.zip", RawZip.Write([RepeatedDeflate.Entry("zeros.bin", "", new string('\0', 1024), 10_000_000, "")])) { Deflate = false }).Build(), null),
        new("nested-containers", "an Office file with no workbook in it", "word.xls", () => new CompoundFileWriter().Stream("WordDocument", new byte[5000]).Build(), "file.not-a-spreadsheet"),

        // XML bombs inside every zip limit.
        new("xml-bombs", "a 100 MB attribute value", "huge-attribute.xlsx",
            () => SheetPart("<sheetData><row r=\"1\"><c r=\"A1\" x=\"", "a", 100_000_000, "\"/></row></sheetData></worksheet>"), BeyondExcel) { Worst = true },
        new("xml-bombs", "a 100 MB cell text", "huge-cell.xlsx",
            () => SheetPart("<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>", "x", 100_000_000, "</t></is></c></row></sheetData></worksheet>"), BeyondExcel),
        new("xml-bombs", "a 100 MB cell text in a million rich-text runs", "huge-runs.xlsx",
            () => SheetPart("<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is>", "<r><t>" + new string('x', 94) + "</t></r>", 1_000_000, "</is></c></row></sheetData></worksheet>"), BeyondExcel),
        new("xml-bombs", "elements nested 20 million deep", "deep.xlsx",
            () => SheetPart("<sheetData>" + WorkbookParts.Rows + "<x>", "<x>", 20_000_000, "</sheetData></worksheet>"), BeyondExcel),
        new("xml-bombs", "a million different element names", "names.xlsx",
            () => Sheet(WorkbookParts.Rows + string.Concat(Enumerable.Range(0, 1_000_000).Select(i => $"<n{i}/>"))), BeyondExcel),
        new("xml-bombs", "100 MB of comment with '<' in it", "comment.xlsx",
            () => SheetPart("<sheetData>" + WorkbookParts.Rows + "</sheetData><!--", "< a comment ", 8_000_000, "--></worksheet>"), null),
        new("xml-bombs", "a billion laughs (entities in a DOCTYPE)", "laughs.xlsx",
            () => new WorkbookParts().Set(Sst, WorkbookParts.Declaration + "<!DOCTYPE sst [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>" + Strings()[WorkbookParts.Declaration.Length..] + "<si><t>&c;</t></si></sst>").Build(), "file.xml-doctype"),

        // Shared strings: count and bytes in proportion to the file.
        new("shared-strings", "40 million empty strings inside every zip limit and the inflate budget", "empty-strings.xlsx",
            () => Diluted(Sst, Strings(), "<si/>", 40_000_000, "</sst>"), TooManyStrings) { Worst = true },
        new("shared-strings", "200 MB of 1,000-character strings inside every zip limit and the inflate budget", "long-strings.xlsx",
            () => Diluted(Sst, Strings(), "<si><t>" + new string('x', 1000) + "</t></si>", 200_000, "</sst>"), TooManyStrings),

        // Sheet dimensions and references.
        new("sheet-dimensions", "dimension A1:XFD1048576, a merge over the whole sheet, a cell at XFD1048576", "dimensions.xlsx",
            () => new WorkbookParts().Set(WorkbookParts.Sheet, WorkbookParts.SheetXml(WorkbookParts.Rows + "<row r=\"1048576\"><c r=\"XFD1048576\"><v>1</v></c></row>", "<dimension ref=\"A1:XFD1048576\"/>", "<mergeCells><mergeCell ref=\"A1:XFD1048576\"/></mergeCells>")).Build(), null),
        new("sheet-dimensions", "300,000 merged ranges", "merges.xlsx",
            () => SheetPart("<sheetData>" + WorkbookParts.Rows + "</sheetData><mergeCells>", "<mergeCell ref=\"D5:E6\"/>", 300_000, "</mergeCells></worksheet>"), BeyondExcel),
        new("sheet-dimensions", "5,000 sheets sharing one 40 MB part", "shared-part.xlsx", SharedSheetPart, InflatesTooFar) { Worst = true },

        // Styles.
        new("styles", "a million cell formats", "styles.xlsx",
            () => Diluted(WorkbookParts.Styles, WorkbookParts.Declaration + $"<styleSheet xmlns=\"{WorkbookParts.Main}\"><cellXfs>", "<xf numFmtId=\"14\"/>", 1_000_000, "</cellXfs></styleSheet>"), BeyondExcel) { Worst = true },
        new("styles", "a million number formats", "numfmts.xlsx",
            () => Diluted(WorkbookParts.Styles, WorkbookParts.Declaration + $"<styleSheet xmlns=\"{WorkbookParts.Main}\"><numFmts>", "<numFmt numFmtId=\"200\" formatCode=\"d/m/yyyy\"/>", 1_000_000, "</numFmts></styleSheet>"), BeyondExcel),

        // Huge cell counts in small files.
        new("cell-counts", "10 million cells with one reference in one row", "one-reference.xlsx",
            () => SheetPart("<sheetData>" + WorkbookParts.Rows + "<row r=\"4\">", "<c r=\"A4\"/>", 10_000_000, "</row></sheetData></worksheet>"), BeyondExcel),
        new("cell-counts", "400 MB of empty cells, 18,000 a row", "empty-cells.xlsx",
            () => SheetPart("<sheetData>" + WorkbookParts.Rows, "<row>" + string.Concat(Enumerable.Repeat("<c/>", 18_000)) + "</row>", 5_500, "</sheetData></worksheet>"), InflatesTooFar),
        new("cell-counts", "120 MB of empty cells, 16,000 a row: as much as the inflate budget lets a sheet be scanned and read", "empty-cells-budget.xlsx",
            () => SheetPart("<sheetData>" + WorkbookParts.Rows, "<row>" + string.Concat(Enumerable.Repeat("<c/>", 16_000)) + "</row>", 1_950, "</sheetData></worksheet>"), null),
        new("cell-counts", "120 MB of one-digit number cells, 4,000 a row: the slowest cells to parse, within the budget", "number-cells.xlsx",
            () => SheetPart("<sheetData>" + WorkbookParts.Rows, "<row>" + string.Concat(Enumerable.Repeat("<c><v>1</v></c>", 4_000)) + "</row>", 2_090, "</sheetData></worksheet>"), null) { Worst = true },
        new("cell-counts", "ten million blank rows", "blank-rows.xlsx",
            () => SheetPart("<sheetData>" + WorkbookParts.Rows, "<row/>", 10_000_000, "</sheetData></worksheet>"), null),

        // Legacy workbooks (.xls) read by ExcelDataReader.
        new("legacy-xls", "an SST declaring 4 billion strings", "sst-count.xls",
            () => new BiffWorkbook().SharedStrings(["a", "b"], uint.MaxValue).ValidSheet().BuildXls(), TooManyStrings),
        new("legacy-xls", "1.5 million empty shared strings (within the limits)", "sst-many.xls",
            () => new BiffWorkbook().SharedStrings(Enumerable.Repeat("", 1_500_000).ToList()).ValidSheet().BuildXls(), null) { Worst = true },
        new("legacy-xls", "a sheet whose dimensions claim 2^31 rows", "dimension-rows.xls",
            () => new BiffWorkbook().Sheet("Arrangements", int.MaxValue, 3, c => c.Label(0, 0, "Arrangement")).BuildXls(), BeyondExcel),
        new("legacy-xls", "a sheet whose dimensions claim 65,535 columns", "dimension-columns.xls",
            () => new BiffWorkbook().Sheet("Arrangements", 3, 65_535, c => c.Label(0, 0, "Arrangement")).BuildXls(), BeyondExcel),
        new("legacy-xls", "a cell in column 60,000", "far-column.xls",
            () => new BiffWorkbook().Sheet("Arrangements", 3, 3, c => c.Label(0, 60_000, "Arrangement")).BuildXls(), BeyondExcel),
        new("legacy-xls", "1,000 sheets starting at one offset", "same-offset.xls", SameOffsetSheets, Corrupt),
        new("legacy-xls", "70,000 cell formats", "formats.xls", () => new BiffWorkbook().Formats(70_000).ValidSheet().BuildXls(), BeyondExcel),

        // Compound files whose structure loops or lies.
        new("compound-file", "a Workbook stream whose sector chain loops", "fat-loop.xls",
            () => new CompoundFileWriter { EditFat = (fat, starts) => fat[starts[0] + 3] = starts[0] }.Stream("Workbook", new BiffWorkbook().ValidSheet().Build()).Build(), Corrupt) { Worst = true },
        new("compound-file", "a Workbook stream declaring 2 GB", "stream-size.xls",
            () => new CompoundFileWriter().Stream("Workbook", new BiffWorkbook().ValidSheet().Build(), declaredSize: int.MaxValue).Build(), Corrupt),
        new("compound-file", "a header counting 2^31 FAT sectors", "fat-count.xls",
            () => new CompoundFileWriter { EditHeader = h => BitConverter.GetBytes(int.MaxValue).CopyTo(h, 44) }.Stream("Workbook", new BiffWorkbook().ValidSheet().Build()).Build(), Corrupt),
    ];

    /// <summary>The valid workbook with its shared strings part replaced by <paramref name="count"/> empty strings, deflated as tightly as it goes.</summary>
    private static byte[] EmptyStrings(long count, int dos) =>
        new WorkbookParts().Set(RepeatedDeflate.Entry(Sst, Strings(), "<si/>", count, "</sst>", dos)).Build();

    // The shared strings' opening (the valid strings first, so the sheet still finds its header).
    private static string Strings() =>
        WorkbookParts.Declaration + $"<sst xmlns=\"{WorkbookParts.Main}\">" + string.Concat(WorkbookParts.Strings.Select(s => $"<si><t>{s}</t></si>"));

    private static byte[] Lie(Func<RawZipEntry, RawZipEntry> lie) =>
        new WorkbookParts().Set(lie(RepeatedDeflate.Entry(Sst, Strings(), "<si/>", 120_000_000, "</sst>"))).Build();

    private static byte[] Sheet(string rows) => new WorkbookParts().Set(WorkbookParts.Sheet, WorkbookParts.SheetXml(rows)).Build();

    /// <summary>The sheet part as prefix + unit × count + suffix, diluted to pass the guard's ratio.</summary>
    private static byte[] SheetPart(string afterOpening, string unit, long count, string suffix) =>
        Diluted(WorkbookParts.Sheet, WorkbookParts.Declaration + $"<worksheet xmlns=\"{WorkbookParts.Main}\">" + afterOpening, unit, count, suffix);

    private static byte[] Diluted(string part, string prefix, string unit, long count, string suffix) =>
        new WorkbookParts().Set(DilutedEntry(part, prefix, unit, count, suffix)).Build();

    /// <summary>The part "prefix + unit × count + suffix", a comment of random letters after its root's opening tag keeping
    /// it under the guard's compression ratio.</summary>
    internal static RawZipEntry DilutedEntry(string part, string prefix, string unit, long count, string suffix)
    {
        var payload = Encoding.UTF8.GetByteCount(unit) * count;
        var opening = prefix.IndexOf('>', prefix.IndexOf("?>", StringComparison.Ordinal) + 2) + 1;
        var diluted = prefix.Insert(opening, HostileFiles.Diluted.Comment(payload));
        return RepeatedDeflate.Entry(part, diluted, unit, count, suffix);
    }

    // 5,000 sheets whose relationships all give the one 40 MB sheet part: each sheet scanned in full again.
    private static byte[] SharedSheetPart()
    {
        const int Sheets = 5_000;
        var parts = new WorkbookParts();
        parts.Set("xl/workbook.xml", WorkbookParts.Declaration + $"<workbook xmlns=\"{WorkbookParts.Main}\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
            + string.Concat(Enumerable.Range(1, Sheets).Select(i => $"<sheet name=\"S{i}\" sheetId=\"{i}\" r:id=\"rId{i}\"/>")) + "</sheets></workbook>");
        parts.Set("xl/_rels/workbook.xml.rels", WorkbookParts.Declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + string.Concat(Enumerable.Range(1, Sheets).Select(i => $"<Relationship Id=\"rId{i}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>")) + "</Relationships>");
        var rows = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Not a header</t></is></c></row>";
        var filler = "<row><c t=\"inlineStr\"><is><t>filler</t></is></c></row>";
        var prefix = WorkbookParts.Declaration + $"<worksheet xmlns=\"{WorkbookParts.Main}\"><sheetData>" + rows;
        var payload = (long)filler.Length * 700_000;
        var diluted = prefix.Insert(prefix.IndexOf("<sheetData>", StringComparison.Ordinal), HostileFiles.Diluted.Comment(payload));
        return parts.Set(RepeatedDeflate.Entry(WorkbookParts.Sheet, diluted, filler, 700_000, "</sheetData></worksheet>")).Build();
    }

    private static byte[] SameOffsetSheets()
    {
        var workbook = new BiffWorkbook();
        for (var i = 0; i < 1_000; i++)
        {
            workbook.ValidSheet($"S{i}");
        }

        return new CompoundFileWriter().Stream("Workbook", workbook.Build(offsets => [.. offsets.Select(_ => offsets[0])])).Build();
    }
}
