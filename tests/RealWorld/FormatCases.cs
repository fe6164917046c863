using System.Text;
using SharedServicesPipeline.Tests.Support;
using static SharedServicesPipeline.Tests.RealWorld.Councils;

namespace SharedServicesPipeline.Tests.RealWorld;

/// <summary>The same kind of return from every program councils save with, and every CSV dialect they send.</summary>
internal static class FormatCases
{
    public static IEnumerable<RealWorldCase> All()
    {
        yield return LibreOfficeXlsx();
        yield return LegacyXls();
        yield return LibreOfficeOds();
        yield return GoogleSheets();
        yield return WebExportInlineStrings();
        yield return WebExportWithoutCellReferences();
        yield return MacroEnabled();
        yield return ExcelCsvUtf8WithMultiLineCells();
        yield return Windows1252Csv();
        yield return UnicodeText();
        yield return SemicolonCsv();
        yield return MacCsvWithCarriageReturnsOnly();
        yield return WorkbookNamedCsv();
        yield return CsvNamedXlsx();
        yield return TabSeparatedTsv();
    }

    internal static byte[] Committed(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "realworld", name));

    private static RealWorldCase LibreOfficeXlsx() => new RealWorldCase(
            "census-libreoffice.xlsx",
            "LibreOffice Calc 7.4 .xlsx (committed; make-realworld-files.py): merged title row, a service area merged down two rows, a Total formula, a hidden Lists sheet.",
            () => Committed("census-libreoffice.xlsx"),
            "CenSus 2012")
        .Reads(3)
        .Loads(
            new("CenSus revenues and benefits", 3) { Partners = P(Adur, Horsham, MidSussex), Service = "Revenues and benefits", Start = D(2008, 4, 1), Annual = 700_000m, ToDate = 2_800_000m },
            new("CenSus ICT", 4) { Partners = P(Adur, Horsham, MidSussex), Service = "Revenues and benefits", Start = D(2009, 10, 1), Annual = 250_000m },
            new("Joint West Sussex parking partnership", 5) { Partners = P(Adur, Horsham, MidSussex, WestSussexCounty), Service = "Transport", Start = D(2010, 4, 1), Approximate = true, Annual = 40_000m });

    private static RealWorldCase LegacyXls() => new RealWorldCase(
            "west-kent-legacy.xls",
            "An Excel 97-2003 .xls (BIFF8, written by LibreOffice; committed): a notes row, synonym headers, a year as a number, a date cell.",
            () => Committed("west-kent-legacy.xls"),
            "Sheet1")
        .Reads(3)
        .Loads(
            new("West Kent revenues and benefits partnership", 3) { Partners = P(Sevenoaks, Dartford), Lead = Sevenoaks, Service = "Revenues and benefits", Start = D(2006, 4, 1), Approximate = true, Annual = 450_000m },
            new("Shared audit partnership", 4) { Partners = P(Sevenoaks, Dartford, TunbridgeWells, TonbridgeMalling), Lead = Dartford, Service = "Internal audit", Start = D(2009, 4, 1), Approximate = false, Annual = 60_000m },
            new("Joint licensing partnership", 5) { Partners = P(Sevenoaks, TunbridgeWells), Service = "Environmental health", Start = D(2011, 4, 1), Status = "Planned" });

    private static RealWorldCase LibreOfficeOds() => new RealWorldCase(
            "lewes-libreoffice.ods",
            "LibreOffice's own OpenDocument spreadsheet (committed): not a format the intake reads; the council must be told to save as .xlsx.",
            () => Committed("lewes-libreoffice.ods"),
            "Return")
        .RefusedWith("file.unsupported-format");

    private static RealWorldCase GoogleSheets() => new RealWorldCase(
            "google-sheets-download.xlsx",
            "Google Sheets 'Download as .xlsx': shared strings, Arial styles, a frozen header, dates as serials with a custom dd/mm/yyyy format, "
            + "partners separated by commas, and 300 formatted but empty rows below the data.",
            () => HandWrittenXlsx.Build(HandWrittenXlsx.Producer.GoogleSheets, 300, ("Form responses 1",
            [
                ["Timestamp", "Your council", "Arrangement name", "Partner organisations", "Service area", "Start date", "Annual savings (£)", "Status"],
                [new DateTime(2012, 11, 5, 10, 31, 0), "Lewes District Council", "Lewes and Eastbourne shared revenues and benefits", "Eastbourne Borough Council", "Revenues and benefits", new DateTime(2012, 4, 1), 220_000, "Live"],
                [new DateTime(2012, 11, 6, 14, 2, 0), "Rother District Council", "Rother and Wealden joint waste contract", "Wealden District Council, Rother District Council", "Waste collection", new DateTime(2013, 6, 28), "£600k", "Planned"],
                [new DateTime(2012, 11, 7, 9, 15, 0), "Hastings Borough Council", "Hastings and Rother CCTV", "Rother District Council, Sussex Police", "CCTV", new DateTime(2011, 9, 1), "", "Live"],
            ])),
            "Form responses 1")
        .Reads(3)
        .Loads(
            new("Lewes and Eastbourne shared revenues and benefits", 2) { Partners = P(Lewes, Eastbourne), Start = D(2012, 4, 1), Annual = 220_000m },
            new("Rother and Wealden joint waste contract", 3) { Partners = P(Rother, Wealden), Start = D(2013, 6, 28), Annual = 600_000m, Status = "Planned" },
            new("Hastings and Rother CCTV", 4) { Partners = P(Hastings, Rother, "Sussex Police"), Start = D(2011, 9, 1), Service = "Community safety" })
        .Warns("partners.submitter-added");

    private static RealWorldCase WebExportInlineStrings() => new RealWorldCase(
            "case-system-export.xlsx",
            "A case-management system's 'Export to Excel': inline strings, no styles or shared strings, ISO date cells (t=\"d\"), "
            + "database-style upper-case headers with underscores.",
            () => HandWrittenXlsx.Build(HandWrittenXlsx.Producer.WebExport, ("Export",
            [
                ["ARRANGEMENT_ID", "ARRANGEMENT_NAME", "PARTNER_LIST", "LEAD_AUTHORITY", "SERVICE_AREA", "START_DATE", "END_DATE", "STATUS", "ANNUAL_SAVING_GBP"],
                ["1001", "Shared legal service", "Harborough District Council; Melton Borough Council", "Harborough District Council", "Legal", new DateTime(2011, 6, 1), null, "LIVE", 45_000],
                ["1002", "Joint waste contract", "Harborough District Council; Melton Borough Council; Leicestershire County Council", "Leicestershire County Council", "Waste collection", new DateTime(2009, 4, 1), new DateTime(2016, 3, 31), "ENDED", 120_000],
            ])),
            "Export")
        .Reads(2)
        .Loads(
            new("Shared legal service", 2) { Reference = "1001", Partners = P(Harborough, Melton), Lead = Harborough, Start = D(2011, 6, 1), Status = "Live", Annual = 45_000m },
            new("Joint waste contract", 3) { Lead = LeicestershireCounty, Start = D(2009, 4, 1), End = D(2016, 3, 31), Status = "Ended", Annual = 120_000m });

    private static RealWorldCase WebExportWithoutCellReferences() => new RealWorldCase(
            "reporting-tool-export.xlsx",
            "A reporting tool's .xlsx without r=\"A1\" references on rows and cells (legal in the schema; positions are implied by order).",
            () => HandWrittenXlsx.Build(HandWrittenXlsx.Producer.WebExportWithoutReferences, ("Report",
            [
                ["Arrangement", "Partners", "Service area", "Start date", "Status", "Annual savings (£)"],
                ["Shared internal audit", "Hambleton District Council; Richmondshire District Council", "Internal audit", new DateTime(2011, 4, 1), "Live", 35_000],
                ["Joint building control", "Hambleton DC; Richmondshire DC", "Building control", new DateTime(2012, 4, 1), "Live", 75_000],
            ])),
            "Report")
        .Reads(2)
        .Loads(
            new("Shared internal audit", 2) { Partners = P(Hambleton, Richmondshire), Service = "Internal audit", Start = D(2011, 4, 1), Annual = 35_000m },
            new("Joint building control", 3) { Partners = P(Hambleton, Richmondshire), Start = D(2012, 4, 1), Annual = 75_000m });

    private static RealWorldCase MacroEnabled() => new RealWorldCase(
            "breckland-macro-return.xlsm",
            "Excel macro-enabled workbook (.xlsm): the macro-enabled content type and a vbaProject.bin part, a 'Guidance' sheet first.",
            () =>
            {
                var xlsx = new ReturnWorkbook()
                    .Sheet("Guidance", ["Press 'Validate' before sending. Macros check the partner names."])
                    .Sheet("Return",
                        ["Reference", "Arrangement", "Partners", "Service area", "Start date", "Status", "Annual savings (£)"],
                        ["BR-1", "Breckland and South Holland shared management", "Breckland District Council; South Holland District Council", "Shared chief executive", new DateTime(2010, 8, 1), "Live", 800_000])
                    .Build();
                var package = XlsxPackage.Open(xlsx);
                package[XlsxPackage.ContentTypes] = package[XlsxPackage.ContentTypes]
                    .Replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml", StringComparison.Ordinal)
                    .Replace("</Types>", """<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>""", StringComparison.Ordinal);
                package.SetBytes("xl/vbaProject.bin", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]]);
                return package.Build();
            },
            "Return")
        .Reads(1)
        .Loads(new ExpectedArrangement("Breckland and South Holland shared management", 2) { Partners = P(Breckland, SouthHolland), Start = D(2010, 8, 1), Annual = 800_000m });

    private static RealWorldCase ExcelCsvUtf8WithMultiLineCells() => new RealWorldCase(
            "kent-districts-utf8.csv",
            "Excel 'CSV UTF-8 (Comma delimited)': BOM, CRLF, partners one per line inside quoted cells, a description with a comma and quotes, '£' in UTF-8.",
            () => CsvBuilder.Build(CsvBuilder.Encoding.Utf8Bom,
                ["Reference", "Arrangement", "Partners", "Service area", "Description", "Start date", "Status", "Annual savings (£)"],
                ["KD-1", "Mid Kent style audit partnership", "Sevenoaks District Council\r\nTunbridge Wells Borough Council\r\nTonbridge and Malling Borough Council", "Internal audit", "Audit, counter-fraud and \"risk\" advice", "01/04/2010", "Live", "£60,000"],
                ["KD-2", "West Kent shared licensing", "Sevenoaks District Council\nDartford Borough Council", "Licensing", "One licensing team", "2012", "Live", "£15k"]),
            "kent-districts-utf8")
        .Reads(2)
        .Loads(
            new("Mid Kent style audit partnership", 2) { Partners = P(Sevenoaks, TunbridgeWells, TonbridgeMalling), Annual = 60_000m, Description = "Audit, counter-fraud and \"risk\" advice", Start = D(2010, 4, 1) },
            new("West Kent shared licensing", 3) { Partners = P(Sevenoaks, Dartford), Annual = 15_000m, Start = D(2012, 4, 1), Approximate = true });

    private static RealWorldCase Windows1252Csv() => new RealWorldCase(
            "rother-ansi.csv",
            "Excel 'CSV (Comma delimited)' on Windows: Windows-1252 bytes for '£', an en dash, smart quotes and a non-breaking space.",
            () => CsvBuilder.Build(CsvBuilder.Encoding.Windows1252,
                ["Arrangement", "Partners", "Service area", "Start date", "Annual savings (£)"],
                ["Rother \u2013 Wealden \u201Cjoint\u201D waste", "Rother District Council;\u00A0Wealden District Council", "Waste collection", "28/06/2013", "£600,000"],
                ["Shared fraud team", "Rother DC; Hastings BC", "Fraud", "01/04/2012", "£45k"]),
            "rother-ansi")
        .Reads(2)
        .Loads(
            new("Rother \u2013 Wealden \u201Cjoint\u201D waste", 2) { Partners = P(Rother, Wealden), Annual = 600_000m, Start = D(2013, 6, 28) },
            new("Shared fraud team", 3) { Partners = P(Rother, Hastings), Annual = 45_000m });

    private static RealWorldCase UnicodeText() => new RealWorldCase(
            "adur-worthing-unicode.txt",
            "Excel 'Unicode Text (*.txt)': UTF-16 little-endian with a BOM, tab-separated, CRLF.",
            () => CsvBuilder.Build(CsvBuilder.Encoding.Utf16LittleEndian,
                ["Arrangement", "Partners", "Service area", "Start date", "Status", "Annual savings (£)"],
                ["Adur and Worthing joint management team", "Adur District Council; Worthing Borough Council", "Shared management team", "01/04/2008", "Live", "£750,000"],
                ["Adur and Worthing shared revenues and benefits", "Adur DC; Worthing BC", "Revenues and benefits", "01/10/2010", "Live", "410000"]),
            "adur-worthing-unicode")
        .Reads(2)
        .Loads(
            new("Adur and Worthing joint management team", 2) { Partners = P(Adur, Worthing), Start = D(2008, 4, 1), Annual = 750_000m },
            new("Adur and Worthing shared revenues and benefits", 3) { Partners = P(Adur, Worthing), Start = D(2010, 10, 1), Annual = 410_000m });

    private static RealWorldCase SemicolonCsv() => new RealWorldCase(
            "cherwell-semicolon.csv",
            "A CSV saved with ';' between fields (LibreOffice or Excel with a European list separator), UTF-8 without BOM, LF; partners separated by '/' inside the cell.",
            () => CsvBuilder.Build(CsvBuilder.Encoding.Utf8, ';', "\n",
                ["Arrangement", "Partners", "Service area", "Start date", "Status", "Annual savings (£)"],
                ["Joint legal service", "Cherwell District Council / South Northamptonshire Council", "Legal", "01/10/2011", "Live", "£200,000"],
                ["Shared HR and payroll", "Cherwell DC / South Northamptonshire Council", "HR", "01/04/2012", "Live", "£85,000"]),
            "cherwell-semicolon")
        .Reads(2)
        .Loads(
            new("Joint legal service", 2) { Partners = P(Cherwell, SouthNorthants), Start = D(2011, 10, 1), Annual = 200_000m },
            new("Shared HR and payroll", 3) { Partners = P(Cherwell, SouthNorthants), Annual = 85_000m });

    private static RealWorldCase MacCsvWithCarriageReturnsOnly() => new RealWorldCase(
            "melton-mac.csv",
            "Excel for Mac 'CSV (Macintosh)': records separated by a bare CR, '£' as byte A3.",
            () => CsvBuilder.Build(CsvBuilder.Encoding.Windows1252, ',', "\r",
                ["Arrangement", "Partners", "Service area", "Start date", "Annual savings (£)"],
                ["Shared legal service", "Harborough District Council; Melton Borough Council", "Legal", "01/06/2011", "£45,000"],
                ["Joint licensing team", "Harborough DC; Melton BC", "Licensing", "01/09/2011", "£20,000"]),
            "melton-mac")
        .Reads(2)
        .Loads(
            new("Shared legal service", 2) { Partners = P(Harborough, Melton), Start = D(2011, 6, 1), Annual = 45_000m },
            new("Joint licensing team", 3) { Partners = P(Harborough, Melton), Start = D(2011, 9, 1), Annual = 20_000m });

    private static RealWorldCase WorkbookNamedCsv() => new RealWorldCase(
            "torbay-return.csv",
            "An .xlsx workbook that the officer renamed to .csv before sending.",
            () => new ReturnWorkbook().Sheet("Sheet1",
                    ["Arrangement", "Partners", "Service area", "Start date", "Annual savings (£)"],
                    ["Devon audit partnership", "Devon County Council; Torbay Council; Plymouth City Council", "Internal audit", new DateTime(2009, 4, 1), 100_000])
                .Build(),
            "Sheet1")
        .Reads(1)
        .Loads(new ExpectedArrangement("Devon audit partnership", 2) { Partners = P(DevonCounty, Torbay, Plymouth), Start = D(2009, 4, 1), Annual = 100_000m });

    private static RealWorldCase CsvNamedXlsx() => new RealWorldCase(
            "plymouth-return.xlsx",
            "A CSV exported from a system and given an .xlsx name (Excel warns, the officer sends it anyway).",
            () => CsvBuilder.Build(CsvBuilder.Encoding.Utf8,
                ["Arrangement", "Partners", "Service area", "Start date", "Annual savings (£)"],
                ["Joint local plan", "South Hams District Council; West Devon Borough Council; Plymouth City Council", "Planning", "01/04/2014", "£0"]),
            "plymouth-return")
        .Reads(1)
        .Loads(new ExpectedArrangement("Joint local plan", 2) { Partners = P(SouthHams, WestDevon, Plymouth), Start = D(2014, 4, 1), Annual = 0m });

    private static RealWorldCase TabSeparatedTsv() => new RealWorldCase(
            "gosport-fareham.tsv",
            "A tab-separated UTF-8 file with a .tsv extension from a data warehouse, LF line endings.",
            () => Encoding.UTF8.GetBytes(
                "Arrangement\tPartners\tService area\tStart date\tStatus\tAnnual savings (£)\n"
                + "Fareham and Gosport building control partnership\tFareham Borough Council; Gosport Borough Council\tBuilding control\t2011-04-01\tLive\t120000\n"
                + "Shared legal services\tFareham BC; Gosport BC; Havant BC\tLegal\t2012-04-01\tLive\t\n"),
            "gosport-fareham")
        .Reads(2)
        .Loads(
            new("Fareham and Gosport building control partnership", 2) { Partners = P(Fareham, Gosport), Start = D(2011, 4, 1), Annual = 120_000m },
            new("Shared legal services", 3) { Partners = P(Fareham, Gosport, Havant), Annual = null });
}
