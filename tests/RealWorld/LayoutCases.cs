using SharedServicesPipeline.Tests.Support;
using static SharedServicesPipeline.Tests.RealWorld.Councils;
using F = SharedServicesPipeline.Tests.Support.ReturnWorkbook.Formula;
using S = SharedServicesPipeline.Tests.Support.ReturnWorkbook.Shown;

namespace SharedServicesPipeline.Tests.RealWorld;

/// <summary>Returns laid out the way councils lay them out: titles, notes, two header rows, extra columns, tables, several sheets.</summary>
internal static class LayoutCases
{
    public static IEnumerable<RealWorldCase> All()
    {
        yield return PlainTemplate();
        yield return TitleAndNotesAbove();
        yield return TwoHeaderRowsForSavings();
        yield return GroupRowAboveHeaders();
        yield return ExtraColumnsInAnotherOrder();
        yield return FilteredExcelTable();
        yield return IntroductionSheetThenData();
        yield return SheetPerServiceArea();
        yield return SheetPerYearWithSummary();
        yield return BlankColumnsNumbersAndExampleRow();
    }

    private static RealWorldCase PlainTemplate() => new RealWorldCase(
            "babergh-mid-suffolk-return.xlsx",
            "Excel 2016: the canonical template filled in as asked, with text savings and statuses in the council's own words.",
            () => new ReturnWorkbook().Sheet("Arrangements",
                    [.. WorkbookBuilder.TemplateHeader],
                    ["BMS-01", "Babergh and Mid Suffolk shared senior management team", "Babergh District Council; Mid Suffolk District Council", "Mid Suffolk District Council", "Shared management team", "Shared management", "One chief executive and one management team for both councils", new DateTime(2011, 4, 1), null, "Live", new S(1_200_000, "#,##0"), new S(3_400_000, "#,##0"), "Partnership agreement", "Shared in-house", "Alex Officer", "alex.officer@example.gov.uk"],
                    ["BMS-02", "Shared revenues and benefits service", "Babergh DC; Mid Suffolk DC", "Babergh", "Revs & Bens", null, null, "01/04/2012", null, "Operational", "£200k pa", "£350,000", "Lead authority", "Shared in-house", null, null],
                    ["BMS-03", "Suffolk ICT partnership", "Babergh District Council; Mid Suffolk District Council; Suffolk County Council", null, "ICT Services", null, null, "2012/13", null, "In development", "Not yet known", null, null, null, null, null],
                    ["BMS-04", "Joint planning policy team", "Babergh District Council; Mid Suffolk District Council", null, "Planning policy", null, null, "TBC", null, "Proposed", "£0", null, null, null, null, null])
                .Freeze(1).Build(),
            "Arrangements")
        .Reads(4)
        .Loads(
            new("Babergh and Mid Suffolk shared senior management team", 2)
            {
                Reference = "BMS-01", Partners = P(Babergh, MidSuffolk), Lead = MidSuffolk, Service = "Shared management team", Category = "Management",
                Start = D(2011, 4, 1), Approximate = false, End = null, Status = "Live", Annual = 1_200_000m, ToDate = 3_400_000m,
                Governance = "Partnership agreement", Delivery = "Shared in-house",
            },
            new("Shared revenues and benefits service", 3)
            {
                Partners = P(Babergh, MidSuffolk), Lead = Babergh, Service = "Revenues and benefits", Category = "Back office",
                Start = D(2012, 4, 1), Approximate = false, Status = "Live", Annual = 200_000m, ToDate = 350_000m, Governance = "Lead authority",
            },
            new("Suffolk ICT partnership", 4)
            {
                Partners = P(Babergh, MidSuffolk, SuffolkCounty), Service = "ICT", Category = "Back office", Start = D(2012, 4, 1), Approximate = true,
                Status = "Planned", Annual = null,
            },
            new("Joint planning policy team", 5) { Service = "Planning", Category = "Front office", Start = null, Status = "Planned", Annual = 0m });

    private static RealWorldCase TitleAndNotesAbove() => new RealWorldCase(
            "south-hams-west-devon-2012-13.xlsx",
            "Excel: a merged title, a subtitle, a blank row and a notes row above the header; headers with asterisks, '(required)', "
            + "'(separate with ;)', a line break and trailing spaces; a Total row and a footnote under the table.",
            () => new ReturnWorkbook().Sheet("Return",
                    ["South Hams District Council and West Devon Borough Council"],
                    ["Shared services and joint working return 2012/13 - completed by the Corporate Policy team"],
                    [],
                    ["Please complete one row per arrangement. Savings in £ per year unless stated. Fields marked * are required."],
                    ["Ref", "Arrangement*", "Partners (separate with ;)", "Service area (required)", "Start date\n(dd/mm/yyyy)", "Status ", " Annual savings (£) ", "Savings to date (£)", "Comments"],
                    ["SH-WD-1", "Shared management team", "South Hams DC; West Devon BC", "Shared management", "01.04.2007", "In place", "£ 1,000,000.00", "£4.6m", "Saving is from the 2007 restructure"],
                    ["SH-WD-2", "Joint waste and recycling service", "South Hams District Council;\nWest Devon Borough Council;\nDevon County Council", "Waste & Recycling", "1st April 2011", "Implemented", "£120K", null, null],
                    ["SH-WD-3", "Shared ICT and digital service", "South Hams DC; West Devon BC", "IT", "1 Apr 11", "Established", "1.2M", "n/a", null],
                    ["SH-WD-4", "Joint local plan", "South Hams District Council; West Devon Borough Council; Plymouth City Council", "Planning policy", "Q2 2012", "Under discussion", "Not quantified", null, null],
                    [],
                    [null, "Total", null, null, null, null, new F("SUM(G6:G9)"), new F("SUM(H6:H9)")],
                    ["* All figures are officer estimates and have not been audited."])
                .Merge("A1:I1").Wrap("A5:I5").Build(),
            "Return")
        .Reads(4)
        .Loads(
            new("Shared management team", 6)
            {
                Reference = "SH-WD-1", Partners = P(SouthHams, WestDevon), Service = "Shared management team", Category = "Management",
                Start = D(2007, 4, 1), Approximate = false, Status = "Live", Annual = 1_000_000m, ToDate = 4_600_000m,
            },
            new("Joint waste and recycling service", 7)
            {
                Partners = P(SouthHams, WestDevon, DevonCounty), Service = "Waste collection", Category = "Front office", Start = D(2011, 4, 1),
                Approximate = false, Status = "Live", Annual = 120_000m, ToDate = null,
            },
            new("Shared ICT and digital service", 8)
            {
                Service = "ICT", Category = "Back office", Start = D(2011, 4, 1), Approximate = false, Status = "Live", Annual = 1_200_000m, ToDate = null,
            },
            new("Joint local plan", 9)
            {
                Partners = P(SouthHams, WestDevon, Plymouth), Service = "Planning", Start = D(2012, 4, 1), Approximate = true, Status = "Planned", Annual = null,
            })
        .Warns("date.approximate", 9);

    private static RealWorldCase TwoHeaderRowsForSavings() => new RealWorldCase(
            "adur-worthing-shared-services.xlsx",
            "Excel: two header rows: 'Savings (£)' merged over 'Annual' and 'To date', the other headers merged down both rows.",
            () => new ReturnWorkbook().Sheet("Shared services",
                    ["Ref", "Name of shared service", "Partner councils", "Service", "Start date", "Savings (£)", null, "Status"],
                    [null, null, null, null, null, "Annual", "To date", null],
                    ["AW01", "Adur and Worthing joint management team", "Adur District Council; Worthing Borough Council", "Shared chief executive", new DateTime(2008, 4, 1), 750_000, 2_900_000, "Live"],
                    ["AW02", "Adur & Worthing shared revenues and benefits", "Adur DC; Worthing BC", "Revenues and benefits", new DateTime(2010, 10, 1), 410_000, 820_000, "Live"],
                    ["AW03", "Joint building control service", "Adur District Council; Worthing Borough Council; Mid Sussex District Council", "Building control", "2013/14", "£150k", null, "Planned"])
                .Merge("A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:E2", "F1:G1", "H1:H2").Freeze(2).Build(),
            "Shared services")
        .Reads(3)
        .Loads(
            new("Adur and Worthing joint management team", 3)
            {
                Partners = P(Adur, Worthing), Service = "Shared chief executive", Category = "Management", Start = D(2008, 4, 1), Annual = 750_000m, ToDate = 2_900_000m, Status = "Live",
            },
            new("Adur & Worthing shared revenues and benefits", 4) { Partners = P(Adur, Worthing), Service = "Revenues and benefits", Annual = 410_000m, ToDate = 820_000m },
            new("Joint building control service", 5)
            {
                Partners = P(Adur, Worthing, MidSussex), Service = "Building control", Start = D(2013, 4, 1), Approximate = true, Annual = 150_000m, ToDate = null, Status = "Planned",
            });

    private static RealWorldCase GroupRowAboveHeaders() => new RealWorldCase(
            "bromsgrove-redditch-return.xlsx",
            "Excel: a row of merged group captions ('About the arrangement', 'Dates', 'Money', 'Who to contact') above the real headers; "
            + "partners named by place only in one row; a West Mercia Police partner.",
            () => new ReturnWorkbook().Sheet("BDC RBC",
                    ["About the arrangement", null, null, null, null, "Dates", null, "Money", null, "Who to contact", null],
                    ["Reference", "Arrangement", "Partners", "Lead authority", "Service area", "Start date", "End date", "Annual savings (£)", "Savings to date (£)", "Contact name", "Contact email"],
                    ["BRS/01", "Bromsgrove and Redditch shared management team", "Bromsgrove District Council; Redditch Borough Council", "Bromsgrove District Council", "Shared management team", new DateTime(2010, 4, 1), null, 900_000, 2_500_000, "Sam Clerk", "sam.clerk@example.gov.uk"],
                    ["BRS/02", "Worcestershire Regulatory Services", "Bromsgrove DC; Malvern Hills DC; Redditch BC; Worcester City Council; Wychavon DC; Wyre Forest DC", "Bromsgrove", "Environmental health", new DateTime(2010, 6, 1), null, 700_000, null, null, null],
                    ["BRS/03", "Shared ICT service", "Bromsgrove & Redditch", "Redditch", "ICT", new DateTime(2010, 7, 1), null, "£0.5m", null, null, null],
                    ["BRS/04", "Joint CCTV monitoring", "Bromsgrove District Council; Redditch Borough Council; West Mercia Police", null, "CCTV", new DateTime(2011, 1, 10), new DateTime(2014, 3, 31), 60_000, 180_000, null, null])
                .Merge("A1:E1", "F1:G1", "H1:I1", "J1:K1").Build(),
            "BDC RBC")
        .Reads(4)
        .Loads(
            new("Bromsgrove and Redditch shared management team", 3) { Partners = P(Bromsgrove, Redditch), Lead = Bromsgrove, Start = D(2010, 4, 1), Annual = 900_000m, ToDate = 2_500_000m },
            new("Worcestershire Regulatory Services", 4)
            {
                Partners = P(Bromsgrove, MalvernHills, Redditch, Worcester, Wychavon, WyreForest), Lead = Bromsgrove, Service = "Environmental health", Category = "Front office", Annual = 700_000m,
            },
            new("Shared ICT service", 5) { Partners = P(Bromsgrove, Redditch), Lead = Redditch, Service = "ICT", Annual = 500_000m },
            new("Joint CCTV monitoring", 6)
            {
                Partners = P(Bromsgrove, Redditch, WestMerciaPolice), Lead = null, Service = "Community safety", Category = "Front office", Start = D(2011, 1, 10), End = D(2014, 3, 31),
                Annual = 60_000m, ToDate = 180_000m,
            });

    private static RealWorldCase ExtraColumnsInAnotherOrder() => new RealWorldCase(
            "cherwell-snc-joint-working.xlsx",
            "Excel: the council's own column order with extra columns (Ward, RAG rating, Cabinet member, Notes); partners joined by commas "
            + "and '&'; a note in the Notes column starting with '*'; one row naming only one council.",
            () => new ReturnWorkbook().Sheet("Joint working",
                    ["Ward", "Service", "Partner councils", "Title of shared service", "RAG rating", "Cabinet member", "Annual saving", "Start", "Status", "Notes"],
                    ["All wards", "Legal Services", "Cherwell District Council, South Northamptonshire Council", "Joint legal service", "Green", "Cllr A Smith", "£200,000 per annum", "October 2011", "Active", "Hosted by Cherwell"],
                    ["All wards", "Human Resources", "Cherwell DC & South Northants DC", "Shared HR and payroll", "Amber", "Cllr B Jones", "£85,000", "01/04/2012", "Live", "* estimate, to be confirmed"],
                    ["Banbury Cross and Neithrop", "Waste collection", "Cherwell District Council", "Banbury town centre cleansing", "Red", "Cllr C Brown", null, "2013", "Proposed", null],
                    ["All wards", "Customer services", "Cherwell District Council; South Northamptonshire Council; Oxfordshire County Council", "Joint customer contact centre", "Green", null, "c. £60,000", "2012/13", "Live", null])
                .Freeze(1).AutoFilter("A1:J5").Build(),
            "Joint working")
        .Reads(4)
        .Loads(
            new("Joint legal service", 2)
            {
                Partners = P(Cherwell, SouthNorthants), Service = "Legal", Category = "Back office", Start = D(2011, 10, 1), Approximate = true, Status = "Live", Annual = 200_000m,
            },
            new("Shared HR and payroll", 3) { Partners = P(Cherwell, SouthNorthants), Service = "HR", Start = D(2012, 4, 1), Approximate = false, Annual = 85_000m },
            new("Joint customer contact centre", 5)
            {
                Partners = P(Cherwell, SouthNorthants, OxfordshireCounty), Service = "Customer contact centre", Category = "Front office", Start = D(2012, 4, 1), Annual = 60_000m,
            })
        .Rejects(4, "partners.too-few")
        .Warns("column.unknown");

    private static RealWorldCase FilteredExcelTable() => new RealWorldCase(
            "lewes-eastbourne-table.xlsx",
            "Excel: the rows are an Excel table (ListObject) with its filter set to hide ended arrangements; header frozen. Hidden rows are still the council's data.",
            () => new ReturnWorkbook().Sheet("Table",
                    ["Reference", "Arrangement", "Partners", "Lead authority", "Service area", "Start date", "End date", "Status", "Annual savings (£)"],
                    ["LE-01", "Lewes and Eastbourne shared senior leadership", "Lewes District Council; Eastbourne Borough Council", "Eastbourne Borough Council", "Shared chief executive", new DateTime(2016, 9, 1), null, "Live", 1_000_000],
                    ["LE-02", "Shared internal audit with Wealden", "Lewes DC; Eastbourne BC; Wealden DC", "Wealden", "Audit", new DateTime(2009, 4, 1), new DateTime(2015, 3, 31), "Ended", 40_000],
                    ["LE-03", "Joint waste collection", "Lewes District Council; Eastbourne Borough Council", "Eastbourne Borough Council", "Refuse collection", new DateTime(2018, 4, 1), null, "Live", 450_000],
                    ["LE-04", "East Sussex procurement hub", "Lewes District Council; Eastbourne Borough Council; East Sussex County Council", null, "Procurement", new DateTime(2010, 1, 1), new DateTime(2013, 12, 31), "Terminated", null],
                    ["LE-05", "Joint parking enforcement", "Lewes DC; Eastbourne BC; Wealden DC; Rother DC", "Lewes", "Parking", new DateTime(2012, 4, 2), null, "Live", 95_000])
                .Table("A1:I6", "SharedServices").Freeze(1).HideRows(3, 5).Build(),
            "Table")
        .Reads(5)
        .Loads(
            new("Lewes and Eastbourne shared senior leadership", 2) { Partners = P(Lewes, Eastbourne), Lead = Eastbourne, Service = "Shared chief executive", Start = D(2016, 9, 1) },
            new("Shared internal audit with Wealden", 3) { Partners = P(Lewes, Eastbourne, Wealden), Lead = Wealden, Service = "Internal audit", Category = "Back office", End = D(2015, 3, 31), Status = "Ended" },
            new("Joint waste collection", 4) { Service = "Waste collection", Category = "Front office", Annual = 450_000m },
            new("East Sussex procurement hub", 5) { Partners = P(Lewes, Eastbourne, EastSussexCounty), Service = "Procurement", Status = "Ended", End = D(2013, 12, 31) },
            new("Joint parking enforcement", 6) { Partners = P(Lewes, Eastbourne, Wealden, Rother), Lead = Lewes, Service = "Transport", Category = "Front office", Annual = 95_000m });

    private static RealWorldCase IntroductionSheetThenData() => new RealWorldCase(
            "hambleton-richmondshire-return.xlsx",
            "Excel: an 'Introduction' sheet of paragraphs with a worked example under the template's headers, the data on the second sheet "
            + "under synonym headers, and a hidden 'Lists' sheet feeding the drop-downs.",
            () => new ReturnWorkbook()
                .Sheet("Introduction",
                    ["Shared services return 2012"],
                    ["Please list every arrangement your council shares with another public body on the next sheet."],
                    ["One row per arrangement. Name every partner, your council included."],
                    [],
                    ["Arrangement", "Partners", "Service area", "Start date", "Annual savings (£)"],
                    ["e.g. Shared ICT service", "e.g. Anytown DC; Othertown BC", "e.g. ICT", "e.g. 01/04/2011", "e.g. £50,000"])
                .Sheet("Shared services 2012",
                    ["Shared service", "Councils involved", "Lead council", "Service type", "Start year", "Annual saving", "Efficiency savings to date (£)", "Governance arrangements", "Current status"],
                    ["Hambleton and Richmondshire shared management", "Hambleton District Council; Richmondshire District Council", "Hambleton District Council", "Shared management team", 2011, 500_000, 950_000, "Joint committee", "Live"],
                    ["Shared building control", "Hambleton DC; Richmondshire DC", "Richmondshire", "Building Control", "2012", "£75k", null, "Lead authority", "Live"],
                    ["Joint emergency planning unit", "Hambleton District Council; Richmondshire District Council; North Yorkshire County Council", "North Yorkshire County Council", "Emergency planning", "2010/11", "£30,000", null, "Partnership agreement", "Live"])
                .Sheet("Lists", ["Status", "Service area"], ["Live", "ICT"], ["Planned", "HR"], ["Ended", "Legal"]).Hidden()
                .Build(),
            "Shared services 2012")
        .Reads(3)
        .Loads(
            new("Hambleton and Richmondshire shared management", 2)
            {
                Partners = P(Hambleton, Richmondshire), Lead = Hambleton, Service = "Shared management team", Start = D(2011, 4, 1), Approximate = true,
                Annual = 500_000m, ToDate = 950_000m, Governance = "Joint committee", Status = "Live",
            },
            new("Shared building control", 3) { Lead = Richmondshire, Service = "Building control", Start = D(2012, 4, 1), Approximate = true, Annual = 75_000m, Governance = "Lead authority" },
            new("Joint emergency planning unit", 4)
            {
                Partners = P(Hambleton, Richmondshire, NorthYorkshireCounty), Lead = NorthYorkshireCounty, Service = "Emergency planning", Category = "Back office",
                Start = D(2010, 4, 1), Approximate = true, Annual = 30_000m, Governance = "Partnership agreement",
            });

    private static RealWorldCase SheetPerServiceArea() => new RealWorldCase(
            "go-partnership-by-service.xlsx",
            "Excel: one sheet per service area ('ICT', 'HR', 'Revenues & Benefits'); the sheet name is the service area, so no sheet has that column.",
            () => new ReturnWorkbook()
                .Sheet("ICT",
                    ["Arrangement", "Partners", "Start date", "Annual savings (£)", "Status"],
                    ["Shared ICT infrastructure", "Cotswold DC; Forest of Dean DC; West Oxfordshire DC", new DateTime(2011, 4, 1), 250_000, "Live"],
                    ["Joint GIS and address management", "Cotswold District Council; West Oxfordshire District Council", new DateTime(2012, 1, 9), 15_000, "Live"])
                .Sheet("HR",
                    ["Arrangement", "Partners", "Start date", "Annual savings (£)", "Status"],
                    ["GO Shared Services HR and payroll", "Cotswold District Council; Forest of Dean District Council; West Oxfordshire District Council; Cheltenham Borough Council", new DateTime(2012, 4, 1), 675_000, "Live"])
                .Sheet("Revenues & Benefits",
                    ["Arrangement", "Partners", "Start date", "Annual savings (£)", "Status"],
                    ["Joint revenues and benefits service", "Cotswold District Council; West Oxfordshire District Council", new DateTime(2013, 4, 1), 300_000, "Planned"])
                .Build(),
            "ICT")
        .Reads(4)
        .Loads(
            new("Shared ICT infrastructure", 2) { Partners = P(Cotswold, ForestOfDean, WestOxfordshire), Service = "ICT", Category = "Back office", Annual = 250_000m },
            new("Joint GIS and address management", 3) { Partners = P(Cotswold, WestOxfordshire), Service = "ICT", Start = D(2012, 1, 9) },
            new("GO Shared Services HR and payroll", 2, "HR") { Partners = P(Cotswold, ForestOfDean, WestOxfordshire, Cheltenham), Service = "HR", Annual = 675_000m },
            new("Joint revenues and benefits service", 2, "Revenues & Benefits") { Service = "Revenues and benefits", Category = "Back office", Status = "Planned" });

    private static RealWorldCase SheetPerYearWithSummary() => new RealWorldCase(
            "harborough-melton-by-year.xlsx",
            "Excel: a Summary sheet first whose cells are formulas over the year sheets, then one sheet per financial year ('2011-12', '2012-13').",
            () => new ReturnWorkbook()
                .Sheet("Summary",
                    ["Shared services summary"],
                    ["Year", "Number of arrangements", "Total annual savings (£)"],
                    ["2011-12", new F("COUNTA('2011-12'!A2:A20)"), new F("SUM('2011-12'!E2:E20)")],
                    ["2012-13", new F("COUNTA('2012-13'!A2:A20)"), new F("SUM('2012-13'!E2:E20)")],
                    ["Total", new F("SUM(B3:B4)"), new F("SUM(C3:C4)")])
                .Sheet("2011-12",
                    ["Arrangement", "Partners", "Service area", "Start date", "Annual savings (£)", "Status"],
                    ["Shared legal service", "Harborough District Council; Melton Borough Council", "Legal", new DateTime(2011, 6, 1), 45_000, "Live"],
                    ["Joint licensing team", "Harborough DC; Melton BC", "Licensing", new DateTime(2011, 9, 1), 20_000, "Live"])
                .Sheet("2012-13",
                    ["Arrangement", "Partners", "Service area", "Start date", "Annual savings (£)", "Status"],
                    ["Shared internal audit", "Harborough District Council; Melton Borough Council; Leicestershire County Council", "Internal Audit", new DateTime(2012, 4, 1), 30_000, "Live"],
                    ["Joint pest control contract", "Harborough DC; Melton BC", "Pest control", "Summer 2012", 8_000, "Planned"])
                .Build(),
            "2011-12")
        .Reads(4)
        .Loads(
            new("Shared legal service", 2) { Partners = P(Harborough, Melton), Service = "Legal", Annual = 45_000m },
            new("Joint licensing team", 3) { Service = "Environmental health", Category = "Front office" },
            new("Shared internal audit", 2, "2012-13") { Partners = P(Harborough, Melton, LeicestershireCounty), Service = "Internal audit", Start = D(2012, 4, 1) },
            new("Joint pest control contract", 3, "2012-13") { Service = "Environmental health", Category = "Front office", Start = D(2012, 6, 1), Approximate = true, Status = "Planned" });

    private static RealWorldCase BlankColumnsNumbersAndExampleRow() => new RealWorldCase(
            "rother-wealden-return.xlsx",
            "Excel: blank spacer columns between the data columns, a row of column numbers under the header, then an 'e.g.' example row.",
            () => new ReturnWorkbook().Sheet("Return",
                    ["Arrangement", null, "Partners", null, "Service area", "Start date", null, "Annual savings (£)", "Status"],
                    [1, null, 2, null, 3, 4, null, 5, 6],
                    ["e.g. Shared ICT service", null, "e.g. Anytown DC; Othertown BC", null, "e.g. ICT", "e.g. 01/04/2011", null, "e.g. £50,000", "e.g. Live"],
                    ["Rother and Wealden joint waste contract", null, "Rother District Council; Wealden District Council", null, "Waste collection", new DateTime(2013, 6, 28), null, 600_000, "Live"],
                    ["Shared fraud investigation team", null, "Rother DC; Wealden DC; Hastings BC", null, "Fraud", new DateTime(2012, 4, 1), null, "£45,000", "Live"],
                    ["Rother and Wealden grounds maintenance", null, "Rother District Council; Wealden District Council", null, "Grounds maintenance", "from 2009", null, "nil", "Ceased"])
                .Build(),
            "Return")
        .Reads(3)
        .Loads(
            new("Rother and Wealden joint waste contract", 4) { Partners = P(Rother, Wealden), Service = "Waste collection", Start = D(2013, 6, 28), Annual = 600_000m },
            new("Shared fraud investigation team", 5) { Partners = P(Rother, Wealden, Hastings), Service = "Internal audit", Category = "Back office", Annual = 45_000m },
            new("Rother and Wealden grounds maintenance", 6)
            {
                Service = "Leisure and culture", Category = "Front office", Start = D(2009, 4, 1), Approximate = true, Annual = 0m, Status = "Ended",
            });
}
