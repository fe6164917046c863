using System.Globalization;
using System.Text;

namespace SharedServicesPipeline.HostileFiles;

/// <summary>
/// Files whose cost is the work after reading, which grows with rows, partner names and distinct names rather than
/// bytes: a partners cell of a thousand names (each a bridge row, every pair a distance), repeated on every row of a
/// workbook through one shared string for a few bytes a row; names the matcher has never seen, each a miss worked out
/// in full; names thousands to a million characters long; and the most expensive valid row, all columns filled, as
/// many as the row limit allows. What bounds them is the work budget every stage charges (pipeline/WorkCost.cs).
/// </summary>
public static class HostileWorkCases
{
    /// <summary>The file error of a submission whose work is over the budget.</summary>
    public const string TooMuchWork = "file.too-much-work";

    /// <summary>Excel's most characters in a cell.</summary>
    public const int ExcelCellChars = 32_767;

    private const long CsvBytes = HostileRowCases.ValidRowsBytes;
    private static readonly Encoding Utf8 = new UTF8Encoding(false);

    public static IReadOnlyList<HostileCase> All { get; } =
    [
        new("many-partners", "199,999 rows each naming every council in the register 3 times over (32,767 characters), one shared string", "many-partners.xlsx",
            () => RepeatedPartnersWorkbook(199_999), TooMuchWork) { Worst = true },
        new("many-partners", "48 MB of rows each naming every council 3 times over (32,767 characters a cell)", "many-partners.csv",
            () => ManyPartnersCsv(int.MaxValue), TooMuchWork),
        new("distinct-names", "48 MB of partners cells of 200 made-up names each, every one different (3 million matcher misses)", "distinct-names.csv",
            () => DistinctNamesCsv(200, int.MaxValue), TooMuchWork) { Worst = true },
        new("distinct-names", "48 MB of partners cells whose lines are 13 made-up words between commas (each way of cutting them a lookup)", "cut-names.csv",
            () => CutNamesCsv(int.MaxValue), TooMuchWork),
        // Read now, as one unknown partner held for review: it once ran for hours (the typo pass's one-letter deletions).
        new("long-names", "one partner name of a million letters", "million-letter-name.csv", () => LongNamesCsv(1, 1_000_000), null),
        new("long-names", "48 MB of partner names of 32,767 letters, each different", "long-names.csv",
            () => LongNamesCsv((int)(CsvBytes / (ExcelCellChars + 40)), ExcelCellChars), TooMuchWork) { Worst = true },
        new("costly-rows", "199,999 rows with every column filled (dates, money, lead, status, governance) in a 1.3 MB workbook", "costly-rows.xlsx",
            () => CostlyRowsWorkbook(199_999), TooMuchWork) { Worst = true },
        new("costly-rows", "48 MB of rows with every column filled", "costly-rows.csv", () => Utf8.GetBytes(CostlyRowsCsvText(199_999)), TooMuchWork),
    ];

    /// <summary>The register's councils joined by "; ", over and over, up to <paramref name="chars"/> characters.</summary>
    public static string PartnersCell(int chars)
    {
        var cell = new StringBuilder(chars);
        for (var i = 0; ; i++)
        {
            var name = RegisterNames.Councils[i % RegisterNames.Councils.Count];
            if (cell.Length + name.Length + 2 > chars)
            {
                return cell.ToString();
            }

            cell.Append(cell.Length == 0 ? "" : "; ").Append(name);
        }
    }

    /// <summary>A header and <paramref name="rows"/> identical rows whose partners cell is one shared string of 32,767 characters.</summary>
    public static byte[] RepeatedPartnersWorkbook(int rows)
    {
        string[] strings = ["Arrangement", "Partners", "Service area", "Shared legal service", PartnersCell(ExcelCellChars), "Legal"];
        var header = """<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>""";
        var row = """<row><c t="s"><v>3</v></c><c t="s"><v>4</v></c><c t="s"><v>5</v></c></row>""";
        return new WorkbookParts()
            .Set(WorkbookParts.SharedStrings, WorkbookParts.SharedStringsXml(string.Concat(strings.Select(s => $"<si><t>{s}</t></si>"))))
            .Set(HostileCases.DilutedEntry(WorkbookParts.Sheet, WorkbookParts.Declaration + $"<worksheet xmlns=\"{WorkbookParts.Main}\"><sheetData>" + header, row, rows, "</sheetData></worksheet>"))
            .Build();
    }

    /// <summary>Up to <paramref name="rows"/> rows (and 48 MB), each naming every council in the register three times over.</summary>
    public static byte[] ManyPartnersCsv(int rows)
    {
        var cell = PartnersCell(ExcelCellChars);
        var text = new StringBuilder((int)Math.Min(CsvBytes, (rows * (long)cell.Length) + 1024)).Append("Reference,Arrangement,Partners,Service area\r\n");
        for (var i = 0; i < rows && text.Length + cell.Length + 64 < CsvBytes; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"R{i},Shared legal service {i},\"{cell}\",Legal\r\n");
        }

        return Utf8.GetBytes(text.ToString());
    }

    /// <summary>Up to <paramref name="rows"/> rows (and 48 MB), each with <paramref name="perRow"/> made-up partner names no two alike.</summary>
    public static byte[] DistinctNamesCsv(int perRow, int rows)
    {
        var random = new Random(17);
        var text = new StringBuilder((int)Math.Min(CsvBytes, ((long)rows * perRow * 16) + 1024)).Append("Reference,Arrangement,Partners,Service area\r\n");
        var name = new StringBuilder();
        for (var i = 0; i < rows && text.Length + (perRow * 16) + 64 < CsvBytes; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"R{i},Shared legal service {i},\"");
            for (var n = 0; n < perRow; n++)
            {
                name.Clear();
                Word(random, name, 6);
                name.Append(' ');
                Word(random, name, 6);
                text.Append(n == 0 ? "" : "; ").Append(name);
            }

            text.Append("\",Legal\r\n");
        }

        return Utf8.GetBytes(text.ToString());
    }

    /// <summary><paramref name="rows"/> rows each naming one partner of <paramref name="letters"/> random letters (no separator, no space).</summary>
    public static byte[] LongNamesCsv(int rows, int letters)
    {
        var random = new Random(23);
        var text = new StringBuilder((rows * (letters + 48)) + 64).Append("Reference,Arrangement,Partners,Service area\r\n");
        for (var i = 0; i < rows; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"R{i},Shared legal service {i},");
            for (var k = 0; k < letters; k++)
            {
                text.Append((char)('a' + random.Next(26)));
            }

            text.Append(",Legal\r\n");
        }

        return Utf8.GetBytes(text.ToString());
    }

    private static void Word(Random random, StringBuilder into, int letters)
    {
        into.Append((char)('A' + random.Next(26)));
        for (var k = 1; k < letters; k++)
        {
            into.Append((char)('a' + random.Next(26)));
        }
    }

    private static readonly string[] CostlyHeader =
    [
        "Reference", "Arrangement", "Partners", "Lead authority", "Service area", "Arrangement type", "Description", "Start date", "End date",
        "Status", "Annual savings (£)", "Savings to date (£)", "Governance", "Delivery model", "Contact name", "Contact email",
    ];

    // The values every costly row shares after its reference and title: a real pair of partners, a lead among them, dates,
    // money with a pound sign and thousands separators, and every choice column filled.
    private static readonly string[] CostlyValues =
    [
        "Essex County Council; Braintree District Council; Uttlesford District Council", "Essex County Council", "Legal", "Back office",
        "One legal team serves the three councils under a lead authority agreement, with a shared case management system.",
        "01/04/2015", "31/03/2030", "Live", "£125,000", "£1,250,000", "Lead authority", "Shared in-house", "A. Officer", "a.officer@essex.gov.uk",
    ];

    /// <summary>A header and <paramref name="rows"/> rows, each a different arrangement with every column filled; the shared values in shared strings.</summary>
    public static byte[] CostlyRowsWorkbook(int rows)
    {
        string[] strings = [.. CostlyHeader, .. CostlyValues];
        static string Cell(int index) => $"<c t=\"s\"><v>{index}</v></c>";
        var shared = string.Concat(Enumerable.Range(0, CostlyValues.Length).Select(i => Cell(CostlyHeader.Length + i)));
        var sheet = new StringBuilder(rows * 420).Append("<row>").Append(string.Concat(Enumerable.Range(0, CostlyHeader.Length).Select(Cell))).Append("</row>");
        for (var i = 0; i < rows; i++)
        {
            sheet.Append(CultureInfo.InvariantCulture, $"<row><c t=\"inlineStr\"><is><t>R{i}</t></is></c><c t=\"inlineStr\"><is><t>Shared legal service {i}</t></is></c>").Append(shared).Append("</row>");
        }

        return new WorkbookParts()
            .Set(WorkbookParts.SharedStrings, WorkbookParts.SharedStringsXml(string.Concat(strings.Select(s => $"<si><t>{s}</t></si>"))))
            .Set(WorkbookParts.Sheet, WorkbookParts.SheetXml(sheet.ToString()))
            .Build();
    }

    /// <summary>Up to <paramref name="rows"/> rows (and 48 MB), each a different arrangement with every column filled.</summary>
    public static string CostlyRowsCsvText(int rows)
    {
        var shared = string.Join(',', CostlyValues.Select(v => v.Contains(',', StringComparison.Ordinal) ? $"\"{v}\"" : v));
        var text = new StringBuilder((int)Math.Min(CsvBytes, (rows * 400L) + 1024)).Append(string.Join(',', CostlyHeader)).Append("\r\n");
        for (var i = 0; i < rows && text.Length + shared.Length + 64 < CsvBytes; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"R{i},Shared legal service {i},").Append(shared).Append("\r\n");
        }

        return text.ToString();
    }

    /// <summary>
    /// Up to <paramref name="rows"/> rows (and 48 MB) whose partners cell is three lines of 13 made-up words between commas:
    /// the splitter looks up every run of words of each line (91 a line) to find where names end, and none is a council.
    /// </summary>
    public static byte[] CutNamesCsv(int rows)
    {
        var random = new Random(29);
        var text = new StringBuilder((int)Math.Min(CsvBytes, (rows * 400L) + 1024)).Append("Reference,Arrangement,Partners,Service area\r\n");
        for (var i = 0; i < rows && text.Length + 400 < CsvBytes; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"R{i},Shared legal service {i},\"");
            for (var line = 0; line < 3; line++)
            {
                for (var w = 0; w < 13; w++)
                {
                    text.Append(line == 0 && w == 0 ? "" : w == 0 ? "; " : ", ");
                    Word(random, text, 7);
                }
            }

            text.Append("\",Legal\r\n");
        }

        return Utf8.GetBytes(text.ToString());
    }
}
