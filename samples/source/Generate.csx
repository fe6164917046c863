#r "nuget: ClosedXML, 0.95.4"
// Regenerates the sample submissions in samples/submissions/ and reads them back.
//
// Not part of the solution and not built by it. To run it, either use dotnet-script
// (`SAMPLES_DIR=samples dotnet script samples/source/Generate.csx`) or copy everything
// below the first line into Program.cs of a throwaway console project (net10.0) that
// references ClosedXML 0.95.4, then run it from the repository root with SAMPLES_DIR=samples.
// It exits non-zero if a read-back check fails.
//
// Inputs and outputs
//   source/lga-shared-services-2011.source.csv  -> submissions/lga-shared-services-2011.xlsx
//   (data below, in this file)                   -> submissions/messy-district-return.xlsx
//   (data below, in this file)                   -> submissions/county-return.csv
//
// Cell conventions in the source CSV (they decide the Excel cell type, like typing into Excel):
//   Start date / End date : 2010-08-01 (ISO)  -> a real Excel date shown as dd/mm/yyyy
//                           2003 (digits)     -> a number (what Excel stores when you type a year)
//                           'text             -> text, apostrophe removed ('2008, '01/04/2011, '2010/11)
//                           anything else     -> text as written (August 2010, June 2011)
//   Money columns         : digits            -> a number shown as #,##0
//                           anything else     -> text as written (£250k, c. £40,000, n/a)
//   Every other column    : text; new lines inside a quoted field stay new lines in the cell.
// Do not call AdjustToContents or anything else that needs System.Drawing: widths are set explicitly.

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ClosedXML.Excel;

var samplesDir = Environment.GetEnvironmentVariable("SAMPLES_DIR") ?? "samples";
var sourceCsv = Path.Combine(samplesDir, "source", "lga-shared-services-2011.source.csv");
var outDir = Path.Combine(samplesDir, "submissions");
Directory.CreateDirectory(outDir);

string[] canonical =
[
    "Reference", "Arrangement", "Partners", "Lead authority", "Service area", "Arrangement type", "Description",
    "Start date", "End date", "Status", "Annual savings (£)", "Savings to date (£)", "Governance", "Delivery model",
    "Contact name", "Contact email",
];

var failures = new List<string>();
void Check(bool ok, string what)
{
    if (!ok)
    {
        failures.Add(what);
        Console.Error.WriteLine("FAIL " + what);
    }
}

// ---------------------------------------------------------------- 1. the LGA-style workbook
var source = ReadCsv(File.ReadAllText(sourceCsv, Encoding.UTF8));
Check(source[0].SequenceEqual(canonical), "source CSV header is the canonical template");
var lgaPath = Path.Combine(outDir, "lga-shared-services-2011.xlsx");
using (var wb = new XLWorkbook())
{
    var ws = wb.Worksheets.Add("Arrangements");
    for (var c = 0; c < canonical.Length; c++)
    {
        ws.Cell(1, c + 1).SetValue(canonical[c]);
    }

    var header = ws.Range(1, 1, 1, canonical.Length);
    header.Style.Font.Bold = true;
    header.Style.Fill.BackgroundColor = XLColor.FromHtml("#DDEBF7");
    header.Style.Alignment.WrapText = true;

    for (var r = 1; r < source.Count; r++)
    {
        for (var c = 0; c < canonical.Length; c++)
        {
            var cell = ws.Cell(r + 1, c + 1);
            var value = source[r][c];
            switch (canonical[c])
            {
                case "Start date" or "End date":
                    WriteDateCell(cell, value);
                    break;
                case "Annual savings (£)" or "Savings to date (£)":
                    WriteMoneyCell(cell, value);
                    break;
                default:
                    WriteText(cell, value);
                    break;
            }
        }
    }

    double[] widths = [13, 42, 36, 26, 22, 17, 70, 13, 12, 9, 15, 15, 21, 16, 20, 38];
    for (var c = 0; c < widths.Length; c++)
    {
        ws.Column(c + 1).Width = widths[c];
    }

    var body = ws.Range(2, 1, source.Count, canonical.Length);
    body.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
    ws.Column(3).Style.Alignment.WrapText = true;
    ws.Column(7).Style.Alignment.WrapText = true;
    ws.SheetView.FreezeRows(1);
    wb.SaveAs(lgaPath);
}

// ---------------------------------------------------------------- 2. the messy district return
// A constructed example (plausible composites, not any council's actual return): guidance sheet
// first, title and notes rows above synonym headers, partners in one cell joined by commas/"and"/"&",
// a blank row, two deliberately bad rows and a Total row with SUM formulas. The bad rows are SDC/09
// (only one partner) and SDC/10 (unknown partner "Borsetshire County Council" and a negative saving);
// their comments read as a council would write them, so nothing in the file says they are bad.
string[] messyHeader =
[
    "Ref", "Name of arrangement", "Councils involved", "Lead council", "Service", "Start year", "Status",
    "Annual saving", "Efficiency savings to date (£)", "Governance arrangements", "Officer contact", "Comments",
];
object?[]?[] messyRows =
[
    ["SDC/01", "Revenues and benefits partnership", "Sevenoaks DC, Dartford BC", "Dartford BC", "Revenues & Benefits", 2009, "Live", 350000, 700000, "Joint committee", "Jenny Whitcombe", "Figures from 2010/11 outturn"],
    ["SDC/02", "West Kent building control partnership", "Sevenoaks DC, Tonbridge and Malling BC & Tunbridge Wells BC", "Tonbridge & Malling BC", "Building Control", "2010/11", "Live", 120000, 150000, "Partnership agreement", "Tom Ashby", null],
    ["SDC/03", "Shared internal audit and anti-fraud team", "Sevenoaks and Dartford", null, "Internal Audit", 2010, "Live", 60000, 90000, "Partnership agreement", "Jenny Whitcombe", null],
    ["SDC/04", "Joint waste collection contract", "Sevenoaks District Council, Tunbridge Wells Borough Council, Tonbridge & Malling Borough Council and Kent County Council", "Kent County Council", "Waste collection", 2012, "Planned", null, null, "Partnership agreement", "Rachel Ndlovu", "Savings depend on tender prices"],
    ["SDC/05", "Shared licensing team", "Sevenoaks DC & Tunbridge Wells BC", "Sevenoaks DC", "Environmental Health", 2011, "Live", 45000, null, "Lead authority", "Tom Ashby", null],
    null, // a blank row left in the middle of the table
    ["SDC/06", "Shared HR and payroll", "Sevenoaks District Council and Dartford Borough Council", "Dartford Borough Council", "Human resources", 2011, "Live", 80000, 40000, "Lead authority", "Priya Chandran", null],
    ["SDC/07", "West Kent housing market assessment and planning evidence", "Sevenoaks DC, Tonbridge and Malling BC, Tunbridge Wells BC", null, "Planning", 2011, "Live", 30000, null, "Partnership agreement", null, "Joint commissioning of evidence"],
    ["SDC/08", "ICT disaster recovery site", "Sevenoaks DC; Dartford BC", "Sevenoaks DC", "ICT", 2011, "Live", 25000, null, "Partnership agreement", "Priya Chandran", null],
    ["SDC/09", "Pest control service for a neighbouring council", "Sevenoaks District Council", "Sevenoaks District Council", "Environmental Health", 2010, "Live", 12000, 24000, "Lead authority", "Tom Ashby", "Service sold to a neighbouring council under an SLA"],
    ["SDC/10", "Joint procurement of fleet vehicles", "Sevenoaks DC, Borsetshire County Council", null, "Procurement", 2011, "Live", -15000, null, "Partnership agreement", "Rachel Ndlovu", "Set-up costs exceed savings in the first year"],
];
var messyPath = Path.Combine(outDir, "messy-district-return.xlsx");
const int firstDataRow = 4;
var lastDataRow = firstDataRow + messyRows.Length - 1;
var totalRow = lastDataRow + 1;
using (var wb = new XLWorkbook())
{
    var guidance = wb.Worksheets.Add("Guidance");
    string[] guidanceLines =
    [
        "Shared services and joint working return 2011/12: guidance",
        "",
        "Please list every arrangement in which the council shares a service, a post or a function with another public body.",
        "One row per arrangement. Do not change the column headings on the 'Return 2011-12' sheet.",
        "Councils involved: name every partner, including this council.",
        "Lead council: the council that hosts or employs the shared team, if there is one.",
        "Service: e.g. Revenues & Benefits, ICT, Legal, Internal Audit, Waste collection, Building Control, Planning.",
        "Start year: the year or financial year (e.g. 2010/11) the arrangement started.",
        "Annual saving and Efficiency savings to date: in pounds. Leave blank if not known.",
        "Officer contact: for our queries only; it will not be published.",
        "Return the completed workbook by 30 November 2011.",
    ];
    for (var i = 0; i < guidanceLines.Length; i++)
    {
        guidance.Cell(i + 1, 1).SetValue(guidanceLines[i]);
    }

    guidance.Cell(1, 1).Style.Font.Bold = true;
    guidance.Cell(1, 1).Style.Font.FontSize = 14;
    guidance.Column(1).Width = 120;

    var ws = wb.Worksheets.Add("Return 2011-12");
    ws.Cell(1, 1).SetValue("Sevenoaks District Council - shared services and joint working return 2011/12");
    ws.Range(1, 1, 1, messyHeader.Length).Merge();
    ws.Cell(1, 1).Style.Font.Bold = true;
    ws.Cell(1, 1).Style.Font.FontSize = 14;
    ws.Cell(2, 1).SetValue("Notes: savings are £ per year unless stated; figures are officer estimates and have not been audited. See the Guidance sheet.");
    ws.Range(2, 1, 2, messyHeader.Length).Merge();
    ws.Cell(2, 1).Style.Font.Italic = true;
    for (var c = 0; c < messyHeader.Length; c++)
    {
        ws.Cell(3, c + 1).SetValue(messyHeader[c]);
    }

    var header = ws.Range(3, 1, 3, messyHeader.Length);
    header.Style.Font.Bold = true;
    header.Style.Fill.BackgroundColor = XLColor.FromHtml("#FCE4D6");
    header.Style.Alignment.WrapText = true;

    for (var i = 0; i < messyRows.Length; i++)
    {
        var values = messyRows[i];
        if (values is null)
        {
            continue;
        }

        for (var c = 0; c < values.Length; c++)
        {
            var cell = ws.Cell(firstDataRow + i, c + 1);
            switch (values[c])
            {
                case null:
                    break;
                case int n:
                    cell.SetValue(n);
                    if (messyHeader[c] is "Annual saving" or "Efficiency savings to date (£)")
                    {
                        cell.Style.NumberFormat.Format = "£#,##0;-£#,##0";
                    }

                    break;
                case string s:
                    WriteText(cell, s);
                    break;
            }
        }
    }

    ws.Cell(totalRow, 2).SetValue("Total");
    ws.Cell(totalRow, 8).FormulaA1 = $"SUM(H{firstDataRow}:H{lastDataRow})";
    ws.Cell(totalRow, 9).FormulaA1 = $"SUM(I{firstDataRow}:I{lastDataRow})";
    ws.Range(totalRow, 8, totalRow, 9).Style.NumberFormat.Format = "£#,##0;-£#,##0";
    ws.Range(totalRow, 1, totalRow, messyHeader.Length).Style.Font.Bold = true;
    ws.Range(totalRow, 1, totalRow, messyHeader.Length).Style.Border.TopBorder = XLBorderStyleValues.Thin;

    double[] widths = [9, 40, 48, 24, 20, 10, 9, 13, 16, 22, 18, 40];
    for (var c = 0; c < widths.Length; c++)
    {
        ws.Column(c + 1).Width = widths[c];
    }

    ws.Column(3).Style.Alignment.WrapText = true;
    wb.SaveAs(messyPath, new SaveOptions { EvaluateFormulasBeforeSaving = true });
}

// ---------------------------------------------------------------- 3. the county return (CSV)
// Kent area, canonical columns, UTF-8 with BOM, CRLF between records, multi-line partner cells quoted.
string[] kentDistricts =
[
    "Ashford Borough Council", "Canterbury City Council", "Dartford Borough Council", "Dover District Council",
    "Gravesham Borough Council", "Maidstone Borough Council", "Sevenoaks District Council", "Shepway District Council",
    "Swale Borough Council", "Thanet District Council", "Tonbridge and Malling Borough Council", "Tunbridge Wells Borough Council",
];
string[] eastKentThree = ["Canterbury City Council", "Dover District Council", "Thanet District Council"];
string[][] countyRows =
[
    ["KCC-SS-01", "Kent Waste Partnership", string.Join("\n", ["Kent County Council", .. kentDistricts]), "", "Waste collection", "Front office",
        "The county council (waste disposal authority) and the twelve district collection authorities work to a joint municipal waste strategy adopted in 2007, aligning collection contracts and sharing disposal savings.",
        "2007", "", "Live", "", "", "Partnership agreement", "Shared in-house", "Fenella Ruddock", "fenella.ruddock@kent.gov.uk"],
    ["KCC-SS-02", "Kent Homechoice", string.Join("\n", [.. kentDistricts, "Medway Council"]), "", "Housing", "Front office",
        "County-wide choice-based lettings scheme for council and housing association homes in Kent and Medway, launched in December 2008.",
        "23/12/2008", "", "Live", "", "", "Partnership agreement", "Shared in-house", "", ""],
    ["KCC-SS-03", "East Kent Services", string.Join("\n", eastKentThree), "", "Revenues and benefits", "Back office",
        "Shared revenues and benefits, customer services and ICT for three east Kent councils.",
        "2011", "", "Live", "£900,000", "", "Joint committee", "Shared in-house", "Callum Ferris", "callum.ferris@kent.gov.uk"],
    ["KCC-SS-04", "EK Human Resources", string.Join("\n", eastKentThree), "", "HR", "Back office",
        "Shared human resources service for the three councils behind East Kent Services.",
        "", "", "Live", "", "", "Partnership agreement", "Shared in-house", "", ""],
    ["KCC-SS-05", "East Kent Audit Partnership", string.Join("\n", ["Canterbury City Council", "Dover District Council", "Shepway District Council", "Thanet District Council"]), "", "Internal audit", "Back office",
        "Internal audit partnership for four east Kent districts, governed by a client group of their section 151 officers.",
        "", "", "Live", "", "", "Partnership agreement", "Shared in-house", "", ""],
    ["KCC-SS-06", "Mid Kent Audit Partnership", string.Join("\n", ["Ashford Borough Council", "Maidstone Borough Council", "Swale Borough Council", "Tunbridge Wells Borough Council"]), "", "Internal audit", "Back office",
        "Four-way internal audit partnership since April 2010 under a collaboration agreement, supervised by a shared service board.",
        "01/04/2010", "", "Live", "£40,000", "", "Partnership agreement", "Shared in-house", "Fenella Ruddock", "fenella.ruddock@kent.gov.uk"],
    ["KCC-SS-07", "Mid Kent Legal Services", string.Join("\n", ["Maidstone Borough Council", "Swale Borough Council", "Tunbridge Wells Borough Council"]), "", "Legal", "Back office",
        "Virtual shared legal team for three mid Kent councils with a shared management team; forecast saving about 17% of spend.",
        "2009", "", "Live", "269000", "", "Partnership agreement", "Shared in-house", "Callum Ferris", "callum.ferris@kent.gov.uk"],
];
var countyPath = Path.Combine(outDir, "county-return.csv");
var csv = new StringBuilder();
csv.Append(string.Join(",", canonical.Select(QuoteCsv))).Append("\r\n");
foreach (var r in countyRows)
{
    Check(r.Length == canonical.Length, $"county row {r[0]} has {canonical.Length} fields");
    csv.Append(string.Join(",", r.Select(QuoteCsv))).Append("\r\n");
}

File.WriteAllText(countyPath, csv.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

// ---------------------------------------------------------------- read everything back
using (var wb = new XLWorkbook(lgaPath))
{
    Check(wb.Worksheets.Count == 1 && wb.Worksheets.First().Name == "Arrangements", "lga: one sheet named Arrangements");
    var ws = wb.Worksheet("Arrangements");
    var headers = Enumerable.Range(1, canonical.Length).Select(c => ws.Cell(1, c).GetString()).ToArray();
    Check(headers.SequenceEqual(canonical), "lga: header row is exactly the canonical template");
    var lastRow = ws.LastRowUsed()!.RowNumber();
    Check(lastRow - 1 == source.Count - 1, $"lga: {source.Count - 1} data rows (found {lastRow - 1})");
    for (var r = 2; r <= lastRow; r++)
    {
        for (var c = 1; c <= canonical.Length; c++)
        {
            var expected = source[r - 1][c - 1];
            var cell = ws.Cell(r, c);
            string actual = cell.DataType switch
            {
                XLDataType.DateTime => cell.GetDateTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                XLDataType.Number => cell.GetDouble().ToString(CultureInfo.InvariantCulture),
                _ => (IsForcedText(expected) ? "'" : "") + cell.GetString(),
            };
            Check(actual == expected, $"lga: R{r}C{c} round-trips ('{expected}' -> '{actual}', {cell.DataType})");
        }
    }

    var counts = Enumerable.Range(2, lastRow - 1).GroupBy(r => ws.Cell(r, 5).GetString()).OrderByDescending(g => g.Count());
    Console.WriteLine($"lga-shared-services-2011.xlsx: {lastRow - 1} arrangements");
    foreach (var g in counts)
    {
        Console.WriteLine($"  {g.Count(),2}  {g.Key}");
    }

    var statuses = Enumerable.Range(2, lastRow - 1).GroupBy(r => ws.Cell(r, 10).GetString()).Select(g => $"{g.Key} {g.Count()}");
    Console.WriteLine("  status: " + string.Join(", ", statuses));
    var kinds = Enumerable.Range(2, lastRow - 1).Select(r => ws.Cell(r, 8)).GroupBy(c => c.IsEmpty() ? "blank" : c.DataType.ToString()).Select(g => $"{g.Key} {g.Count()}");
    Console.WriteLine("  start date cells: " + string.Join(", ", kinds));
}

using (var wb = new XLWorkbook(messyPath))
{
    Check(wb.Worksheets.Select(s => s.Name).SequenceEqual(["Guidance", "Return 2011-12"]), "messy: Guidance sheet first, then the return");
    var ws = wb.Worksheet("Return 2011-12");
    Check(Enumerable.Range(1, messyHeader.Length).Select(c => ws.Cell(3, c).GetString()).SequenceEqual(messyHeader), "messy: synonym headers on row 3");
    Check(ws.Row(firstDataRow + 5).IsEmpty(), "messy: blank row in the middle");
    Check(ws.Cell(totalRow, 2).GetString() == "Total", "messy: Total row");
    Check(ws.Cell(totalRow, 8).HasFormula && ws.Cell(totalRow, 8).FormulaA1 == $"SUM(H{firstDataRow}:H{lastDataRow})", "messy: SUM formula kept");
    var expectedAnnual = messyRows.Where(r => r is not null && r[7] is int).Sum(r => (int)r![7]!);
    Check(Math.Abs(ws.Cell(totalRow, 8).GetDouble() - expectedAnnual) < 0.5, $"messy: SUM evaluates to {expectedAnnual}");
    var dataRows = Enumerable.Range(firstDataRow, messyRows.Length).Count(r => !ws.Row(r).IsEmpty());
    Console.WriteLine($"messy-district-return.xlsx: {dataRows} data rows (2 bad on purpose), blank row {firstDataRow + 5}, Total row {totalRow} = {expectedAnnual:N0}");
}

{
    var bytes = File.ReadAllBytes(countyPath);
    Check(bytes.Length > 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, "county: UTF-8 BOM");
    var text = new UTF8Encoding(false).GetString(bytes, 3, bytes.Length - 3);
    var rows = ReadCsv(text);
    Check(rows[0].SequenceEqual(canonical), "county: canonical header");
    Check(rows.Count - 1 == countyRows.Length, $"county: {countyRows.Length} data rows");
    Check(rows.Skip(1).Zip(countyRows).All(p => p.First.SequenceEqual(p.Second)), "county: every field round-trips");
    Check(rows.Skip(1).Count(r => r[2].Contains('\n')) == countyRows.Length, "county: partner cells are multi-line");
    Console.WriteLine($"county-return.csv: {rows.Count - 1} arrangements, {bytes.Length} bytes");
}

if (failures.Count > 0)
{
    Console.Error.WriteLine($"{failures.Count} check(s) failed");
    Environment.Exit(1);
}

Console.WriteLine("all read-back checks passed");

// ---------------------------------------------------------------- helpers
static bool IsForcedText(string value) => value.StartsWith('\'');

static void WriteText(IXLCell cell, string value)
{
    if (value.Length == 0)
    {
        return;
    }

    // Text stays text: ClosedXML 0.95 would otherwise turn "2008" or "01/04/2011" into a number or a date.
    cell.DataType = XLDataType.Text;
    cell.SetValue(value);
    cell.DataType = XLDataType.Text;
}

static void WriteDateCell(IXLCell cell, string value)
{
    if (value.Length == 0)
    {
        return;
    }

    if (DateTime.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
    {
        cell.SetValue(date);
        cell.Style.DateFormat.Format = "dd/mm/yyyy";
    }
    else if (Regex.IsMatch(value, @"^\d+$"))
    {
        cell.SetValue(int.Parse(value, CultureInfo.InvariantCulture));
        cell.Style.NumberFormat.Format = "0";
    }
    else
    {
        WriteText(cell, IsForcedText(value) ? value[1..] : value);
    }
}

static void WriteMoneyCell(IXLCell cell, string value)
{
    if (value.Length == 0)
    {
        return;
    }

    if (Regex.IsMatch(value, @"^-?\d+$"))
    {
        cell.SetValue(long.Parse(value, CultureInfo.InvariantCulture));
        cell.Style.NumberFormat.Format = "#,##0";
    }
    else
    {
        WriteText(cell, value);
    }
}

static string QuoteCsv(string field) =>
    field.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;

// RFC 4180 reader: quoted fields may hold commas, doubled quotes and new lines; records end at LF or CRLF.
static List<string[]> ReadCsv(string text)
{
    var rows = new List<string[]>();
    var fields = new List<string>();
    var field = new StringBuilder();
    var inQuotes = false;
    for (var i = 0; i < text.Length; i++)
    {
        var ch = text[i];
        if (inQuotes)
        {
            if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (ch == '"')
            {
                inQuotes = false;
            }
            else
            {
                field.Append(ch);
            }
        }
        else if (ch == '"')
        {
            inQuotes = true;
        }
        else if (ch == ',')
        {
            fields.Add(field.ToString());
            field.Clear();
        }
        else if (ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
        {
            continue;
        }
        else if (ch == '\n')
        {
            fields.Add(field.ToString());
            field.Clear();
            rows.Add([.. fields]);
            fields.Clear();
        }
        else
        {
            field.Append(ch);
        }
    }

    if (field.Length > 0 || fields.Count > 0)
    {
        fields.Add(field.ToString());
        rows.Add([.. fields]);
    }

    return rows;
}
