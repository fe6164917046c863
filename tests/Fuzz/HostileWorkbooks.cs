using System.Text;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Fuzz;

/// <summary>
/// Well-formed .xlsx files of shapes no spreadsheet program saves: deep XML, multi-megabyte cells, thousands of columns
/// or blank rows, formulas without values, shared-string and style indexes out of range, impossible cell references.
/// Each returns a label of what it chose, for the case's name.
/// </summary>
internal static class HostileWorkbooks
{
    public static (string Label, byte[] Bytes) DeepXml(Random random)
    {
        var depth = random.Next(4) == 0 ? 100_000 : 10_000 + random.Next(110_000);
        var nest = string.Concat(Enumerable.Repeat("<x>", depth)) + string.Concat(Enumerable.Repeat("</x>", depth));
        var package = XlsxPackage.Template();
        var part = random.Next(5) switch
        {
            0 => Edit(package, XlsxPackage.Sheet, "<sheetData>", "<sheetData>" + nest),
            1 => Edit(package, XlsxPackage.Sheet, "</c></row>", "</c>" + nest + "</row>"),
            2 => Edit(package, XlsxPackage.SharedStrings, "<si><t>Legal</t>", "<si><t>Legal</t>" + nest),
            3 => Edit(package, XlsxPackage.Workbook, "<sheets>", nest + "<sheets>"),
            _ => Edit(package, XlsxPackage.Styles, "<fonts", nest + "<fonts"),
        };
        return ($"{part}, {depth:N0} levels", package.Build());
    }

    public static (string Label, byte[] Bytes) HugeCell(Random random)
    {
        // 150–900 KB: big cells both readers read. Past 1 MB of text the reader refuses a file on purpose
        // (file.beyond-excel-limits; tests/Security/HostileFileTests has those cases).
        var size = (1 + random.Next(6)) * 150 * 1024;
        // Random letters barely compress; one repeated letter compresses past the guard's ratio limit.
        var repeated = random.Next(4) == 0;
        var text = repeated ? new string('x', size) : RandomText(random, size);
        var package = XlsxPackage.Template();
        var where = random.Next(3) switch
        {
            0 => Edit(package, XlsxPackage.Sheet, "<t>Joint waste partnership</t>", $"<t>{text}</t>"),
            1 => Edit(package, XlsxPackage.SharedStrings, "<t>Legal</t>", $"<t>{text}</t>"),
            _ => Edit(package, XlsxPackage.Sheet, "<t>R02</t>", $"<t>{text}</t>"),
        };
        return ($"{where}, {size / 1024} KB{(repeated ? " repeated" : "")}", package.Build());
    }

    public static (string Label, byte[] Bytes) ManyColumns(Random random)
    {
        var count = random.Next(3) == 0 ? 499 + random.Next(3) : 5_000 + random.Next(11_385);
        var inHeader = random.Next(2) == 0;
        var row = new StringBuilder();
        for (var c = 6; c < count; c++)
        {
            row.Append($"<c r=\"{XlsxParts.Column(c)}{(inHeader ? 1 : 2)}\" t=\"inlineStr\"><is><t>{(inHeader ? "Extra " : "v")}{c}</t></is></c>");
        }

        var package = XlsxPackage.Template();
        Edit(package, XlsxPackage.Sheet, inHeader ? "</c></row><row r=\"2\">" : "</c></row><row r=\"3\">", $"</c>{row}</row><row r=\"{(inHeader ? 2 : 3)}\">");
        return ($"{count:N0} columns in the {(inHeader ? "header" : "data")}", package.Build());
    }

    public static (string Label, byte[] Bytes) BlankRows(Random random)
    {
        var count = 1_000 + random.Next(19_000);
        var style = random.Next(3);
        var rows = new StringBuilder();
        for (var r = 4; r < count + 4; r++)
        {
            rows.Append(style switch
            {
                0 => $"<row r=\"{r}\"/>",
                1 => $"<row r=\"{r}\"><c r=\"A{r}\"/><c r=\"B{r}\" t=\"inlineStr\"><is><t> </t></is></c></row>",
                _ => $"<row r=\"{r}\" spans=\"1:5\" ht=\"15\" customHeight=\"1\"><c r=\"C{r}\" s=\"1\"/></row>",
            });
        }

        rows.Append($"<row r=\"{count + 4}\"><c r=\"B{count + 4}\" t=\"inlineStr\"><is><t>Below the blanks</t></is></c><c r=\"C{count + 4}\" t=\"s\"><v>6</v></c><c r=\"D{count + 4}\" t=\"s\"><v>7</v></c></row>");
        var package = XlsxPackage.Template();
        Edit(package, XlsxPackage.Sheet, "</row></sheetData>", "</row>" + rows + "</sheetData>");
        return ($"{count:N0} blank rows (style {style})", package.Build());
    }

    public static IReadOnlyList<FuzzShape> OddCells(Random random)
    {
        (string Label, string Cell)[] cells =
        [
            ("formula without value", "<c r=\"B2\"><f>CONCATENATE(\"a\",\"b\")</f></c>"),
            ("formula string", "<c r=\"B2\" t=\"str\"><f>A1&amp;A2</f><v>Shared legal</v></c>"),
            ("formula error", "<c r=\"B2\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>"),
            ("shared formula", "<c r=\"B2\"><f t=\"shared\" ref=\"B2:B3\" si=\"0\">A2</f><v>0</v></c>"),
            ("array formula", "<c r=\"B2\"><f t=\"array\" ref=\"B2:B900000\">A2:A900000</f></c>"),
            ("shared string -1", "<c r=\"B2\" t=\"s\"><v>-1</v></c>"),
            ("shared string past the end", "<c r=\"B2\" t=\"s\"><v>8</v></c>"),
            ("shared string 2^31", "<c r=\"B2\" t=\"s\"><v>2147483648</v></c>"),
            ("shared string not a number", "<c r=\"B2\" t=\"s\"><v>abc</v></c>"),
            ("shared string empty", "<c r=\"B2\" t=\"s\"><v></v></c>"),
            ("style past the end", "<c r=\"E2\" s=\"9999\"><v>40634</v></c>"),
            ("style negative", "<c r=\"E2\" s=\"-1\"><v>40634</v></c>"),
            ("date beyond 9999", "<c r=\"E2\" s=\"1\"><v>2958466</v></c>"),
            ("date negative", "<c r=\"E2\" s=\"1\"><v>-700000</v></c>"),
            ("date 1e308", "<c r=\"E2\" s=\"1\"><v>1e308</v></c>"),
            ("date NaN", "<c r=\"E2\" s=\"1\"><v>NaN</v></c>"),
            ("number 1e400", "<c r=\"E2\"><v>1e400</v></c>"),
            ("number Infinity", "<c r=\"E2\"><v>Infinity</v></c>"),
            ("boolean 2", "<c r=\"E2\" t=\"b\"><v>2</v></c>"),
            ("ISO date type", "<c r=\"E2\" t=\"d\"><v>2011-04-01T00:00:00</v></c>"),
            ("bad ISO date type", "<c r=\"E2\" t=\"d\"><v>31/02/2011</v></c>"),
            ("unknown type", "<c r=\"E2\" t=\"zz\"><v>1</v></c>"),
            ("lone surrogate escape", "<c r=\"B2\" t=\"inlineStr\"><is><t>Shared _xD800_ legal</t></is></c>"),
            ("NUL escape", "<c r=\"B2\" t=\"inlineStr\"><is><t>Shared_x0000_legal</t></is></c>"),
            ("control escapes", "<c r=\"B2\" t=\"inlineStr\"><is><t>_x0007__x001B_[31mred</t></is></c>"),
            ("rich text runs", "<c r=\"B2\" t=\"inlineStr\"><is><r><t>Shared </t></r><r><rPr><b/></rPr><t>legal</t></r><rPh><t>x</t></rPh></is></c>"),
            ("cell ref A0", "<c r=\"A0\" t=\"inlineStr\"><is><t>x</t></is></c>"),
            ("cell ref past XFD", "<c r=\"XFE2\" t=\"inlineStr\"><is><t>x</t></is></c>"),
            ("cell ref empty", "<c r=\"\" t=\"inlineStr\"><is><t>x</t></is></c>"),
            ("cell ref lowercase", "<c r=\"b2\" t=\"inlineStr\"><is><t>x</t></is></c>"),
            ("cell ref on another row", "<c r=\"B99\" t=\"inlineStr\"><is><t>x</t></is></c>"),
            ("cell without ref", "<c t=\"inlineStr\"><is><t>x</t></is></c>"),
            ("emoji across the description limit", $"<c r=\"F2\" t=\"inlineStr\"><is><t>{new string('d', 3_999)}\U0001F600 and more</t></is></c>"),
            ("emoji across Excel's cell limit", $"<c r=\"B2\" t=\"inlineStr\"><is><t>{new string('t', 32_766)}\U0001F600</t></is></c>"),
            ("formula injection text", "<c r=\"B2\" t=\"inlineStr\"><is><t>=HYPERLINK(\"http://127.0.0.1/\",\"click\")</t></is></c>"),
        ];
        return [.. cells.Select(c => new FuzzShape(c.Label, () => WithCell(c.Cell)))];
    }

    // The template with one cell of row 2 replaced (the one at the same reference, else the title).
    private static byte[] WithCell(string cell)
    {
        var package = XlsxPackage.Template();
        var existing = cell.Contains("r=\"E2\"", StringComparison.Ordinal) ? "<c r=\"E2\" s=\"1\"><v>40634</v></c>"
            : cell.Contains("r=\"F2\"", StringComparison.Ordinal) ? "<c r=\"F2\" t=\"inlineStr\"><is><t>One legal team for both councils</t></is></c>"
            : "<c r=\"B2\" t=\"s\"><v>5</v></c>";
        Edit(package, XlsxPackage.Sheet, existing, cell);
        return package.Build();
    }

    public static IReadOnlyList<FuzzShape> OddStructure(Random random)
    {
        const string SheetElement = "<sheet name=\"Arrangements\" sheetId=\"1\" r:id=\"rId1\"/>";
        const string Rels = "xl/_rels/workbook.xml.rels";
        var merge = MergeRef(random);
        (string Label, Action<XlsxPackage> Apply)[] shapes =
        [
            ("no sheets", p => Edit(p, XlsxPackage.Workbook, SheetElement, "")),
            ("sheet with a missing relationship", p => Edit(p, XlsxPackage.Workbook, "r:id=\"rId1\"", "r:id=\"rId99\"")),
            ("two sheets, one part", p => Edit(p, XlsxPackage.Workbook, SheetElement, SheetElement + SheetElement.Replace("Arrangements", "Copy", StringComparison.Ordinal))),
            ("300 sheets, one part", p => Edit(p, XlsxPackage.Workbook, SheetElement, string.Concat(Enumerable.Range(0, 300).Select(i => SheetElement.Replace("Arrangements", $"S{i}", StringComparison.Ordinal))))),
            ("odd sheet name and state", p => Edit(p, XlsxPackage.Workbook, "name=\"Arrangements\"", "name=\"&#x1;&lt;Arr/angements:*?\" state=\"garbage\"")),
            ("only sheet hidden", p => Edit(p, XlsxPackage.Workbook, "name=\"Arrangements\"", "name=\"Arrangements\" state=\"hidden\"")),
            ($"merge {merge}", p => Edit(p, XlsxPackage.Sheet, "</sheetData>", $"</sheetData><mergeCells count=\"1\"><mergeCell ref=\"{merge}\"/></mergeCells>")),
            ($"dimension {merge}", p => Edit(p, XlsxPackage.Sheet, "<sheetData>", $"<dimension ref=\"{merge}\"/><sheetData>")),
            ("rows out of order", p => Edit(p, XlsxPackage.Sheet, "<row r=\"2\">", "<row r=\"5\"><c r=\"A5\" t=\"inlineStr\"><is><t>Out of order</t></is></c></row><row r=\"2\">")),
            ("row number repeated", p => Edit(p, XlsxPackage.Sheet, "<row r=\"3\">", "<row r=\"2\">")),
            ("row past the sheet's end", p => Edit(p, XlsxPackage.Sheet, "<row r=\"2\">", "<row r=\"1048577\">")),
            ("sheet target outside the package", p => Edit(p, Rels, "Target=\"worksheets/sheet1.xml\"", "Target=\"/xl/worksheets/../../../etc/passwd\"")),
            ("shared strings pointing at the sheet", p => Edit(p, Rels, "Target=\"sharedStrings.xml\"", "Target=\"worksheets/sheet1.xml\"")),
            ("styles missing", p => p.Remove(XlsxPackage.Styles)),
            ("shared strings missing", p => p.Remove(XlsxPackage.SharedStrings)),
        ];
        return [.. shapes.Select(shape => new FuzzShape(shape.Label, () =>
        {
            var package = XlsxPackage.Template();
            shape.Apply(package);
            return package.Build();
        }))];
    }

    private static string MergeRef(Random random) =>
        new[] { "A1:XFD1048576", "A2:A1048576", "B2:B4", "C1:A1", "A0:B0", "", "ZZZZZ1:ZZZZZ9", "A1", "A1:B2:C3", "A2:E1000000" }[random.Next(10)];

    private static string RandomText(Random random, int length)
    {
        const string Letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ";
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = Letters[random.Next(Letters.Length)];
        }

        return new string(chars);
    }

    // Replaces the first occurrence; says which part, for the case's label.
    private static string Edit(XlsxPackage package, string part, string find, string replace)
    {
        var text = package[part];
        var at = text.IndexOf(find, StringComparison.Ordinal);
        if (at < 0)
        {
            throw new InvalidOperationException($"'{find}' is not in {part}: the template changed.");
        }

        package[part] = string.Concat(text.AsSpan(0, at), replace, text.AsSpan(at + find.Length));
        return $"{part}: {(find.Length > 30 ? find[..30] + "…" : find)}";
    }
}
