using SharedServicesPipeline.Tests.Support;
using static SharedServicesPipeline.Tests.RealWorld.Councils;

namespace SharedServicesPipeline.Tests.RealWorld;

/// <summary>
/// Round two of the layouts councils use (tests/TestData/realworld/README.md, third batch): the long layout (an
/// arrangement's partners on the rows under it, a Lead? column marked Y), title blocks that describe the return, and
/// two-sheet returns (Arrangements + Partners joined by reference). Excel-like files are built here; the LibreOffice ones
/// are committed (make-realworld-files.py).
/// </summary>
internal static class RoundTwoCases
{
    public static IEnumerable<RealWorldCase> All()
    {
        yield return LongLayoutWithLeadFlags();
        yield return TitleBlockNamingAGroup();
        yield return TwoSheetReturn();
        yield return LongLayoutFromLibreOffice();
        yield return TwoSheetReturnFromLibreOfficeXls();
    }

    private static RealWorldCase LongLayoutWithLeadFlags() => new RealWorldCase(
            "west-kent-long-layout.xlsx",
            "Excel: one partner per row under each arrangement, the details on its first row only, a 'Lead?' column marked Y on the lead's "
            + "row (on a continuation row for one), a blank row between blocks, a block naming only one partner, frozen header.",
            () => new ReturnWorkbook().Sheet("Shared services",
                    ["Ref", "Shared service", "Service area", "Start date", "Annual saving (£)", "Partner organisation", "Lead?"],
                    ["WK01", "West Kent revenues and benefits partnership", "Revenues & Benefits", new DateTime(2006, 4, 1), 450_000, "Sevenoaks District Council", "Y"],
                    [null, null, null, null, null, "Dartford Borough Council", null],
                    [],
                    ["WK02", "Mid Kent audit partnership", "Internal Audit", "2009/10", "£60,000", "Tunbridge Wells Borough Council", null],
                    [null, null, null, null, null, "Tonbridge & Malling BC", null],
                    [null, null, null, null, null, "Sevenoaks DC", "Y"],
                    [],
                    ["WK03", "Kent waste partnership", "Waste", new DateTime(2012, 4, 1), null, "Kent County Council", "Y"],
                    [null, null, null, null, null, "Dartford BC", null],
                    [null, null, null, null, null, "Sevenoaks DC", null],
                    [null, null, null, null, null, "Tunbridge Wells BC", null],
                    [],
                    ["WK04", "Sevenoaks leisure contract", "Leisure", "TBC", null, "Sevenoaks District Council", "Y"])
                .Freeze(1)
                .Build(),
            "Shared services")
        .Reads(4)
        .Loads(
            new("West Kent revenues and benefits partnership", 2) { Reference = "WK01", Partners = P(Sevenoaks, Dartford), Lead = Sevenoaks, Service = "Revenues and benefits", Start = D(2006, 4, 1), Annual = 450_000m },
            new("Mid Kent audit partnership", 5) { Partners = P(TunbridgeWells, TonbridgeMalling, Sevenoaks), Lead = Sevenoaks, Start = D(2009, 4, 1), Approximate = true, Annual = 60_000m },
            new("Kent waste partnership", 9) { Partners = P(KentCounty, Dartford, Sevenoaks, TunbridgeWells), Lead = KentCounty, Annual = null })
        .Rejects(14, "partners.too-few")
        .Warns("partners.continued");

    private static RealWorldCase TitleBlockNamingAGroup() => new RealWorldCase(
            "kent-districts-collated.xlsx",
            "Excel: a title block above the header ('Authority: Kent district councils, collated by the county', 'Completed by:' with an "
            + "email and telephone number, 'Date:', 'Return for 2017/18'); every row names its own partners.",
            () => new ReturnWorkbook().Sheet("Return",
                    ["Authority: Kent district councils, collated by the county"],
                    ["Completed by: Policy team, policy@kent.example.gov.uk, 03000 416000"],
                    ["Date: 30/04/2018"],
                    ["Return for 2017/18"],
                    [],
                    ["Arrangement", "Partners", "Service area", "Start date", "Status"],
                    ["West Kent revenues and benefits partnership", "Sevenoaks DC; Dartford BC", "Revenues and benefits", new DateTime(2006, 4, 1), "Live"],
                    ["Mid Kent audit partnership", "Tunbridge Wells BC; Tonbridge and Malling BC; Sevenoaks DC", "Internal audit", "2009/10", "Live"],
                    ["Kent waste partnership", "Kent County Council; Dartford BC; Sevenoaks DC", "Waste collection", new DateTime(2012, 4, 1), "Live"])
                .Merge("A1:E1")
                .Build(),
            "Return")
        .Reads(3)
        .Loads(
            new("West Kent revenues and benefits partnership", 7) { Partners = P(Sevenoaks, Dartford) },
            new("Mid Kent audit partnership", 8) { Partners = P(TunbridgeWells, TonbridgeMalling, Sevenoaks) },
            new("Kent waste partnership", 9) { Partners = P(KentCounty, Dartford, Sevenoaks) })
        .Warns("return.authority-not-added", 1);

    private static RealWorldCase TwoSheetReturn() => new RealWorldCase(
            "cotswold-relational.xlsx",
            "Excel, as a database would lay it out: an 'Arrangements' sheet (one row per arrangement) and a 'Partners' sheet (Reference, "
            + "Partner, Lead, Tier), joined by reference; one partner row carries a reference no arrangement has; one arrangement has no partner rows.",
            () => new ReturnWorkbook()
                .Sheet("Arrangements",
                    ["Reference", "Arrangement", "Service area", "Start date", "Status", "Annual savings (£)"],
                    ["GO-01", "GO Shared Services", "Finance", new DateTime(2010, 4, 1), "Live", 1_100_000],
                    ["GO-02", "Cotswold and West Oxfordshire shared management", "Shared management team", new DateTime(2012, 4, 1), "Live", 450_000],
                    ["GO-03", "Gloucestershire building control", "Building control", "2014/15", "Planned", null])
                .Sheet("Partners",
                    ["Reference", "Partner", "Lead", "Tier"],
                    ["GO-01", "Cheltenham Borough Council", "Yes", "District"],
                    ["GO-01", "Cotswold District Council", null, "District"],
                    ["GO-01", "Forest of Dean District Council", null, "District"],
                    ["GO-01", "West Oxfordshire District Council", null, "District"],
                    ["GO-02", "Cotswold District Council", "Yes", "District"],
                    ["GO-02", "West Oxfordshire District Council", null, "District"],
                    ["GO-20", "Tewkesbury Borough Council", null, "District"])
                .Build(),
            "Arrangements")
        .Reads(3)
        .Loads(
            new("GO Shared Services", 2) { Partners = P(Cheltenham, Cotswold, ForestOfDean, WestOxfordshire), Lead = Cheltenham, Annual = 1_100_000m },
            new("Cotswold and West Oxfordshire shared management", 3) { Partners = P(Cotswold, WestOxfordshire), Lead = Cotswold, Annual = 450_000m })
        .Rejects(4, "partners.too-few")
        .Rejects(8, "partners.reference-unmatched", "Partners")
        .Warns("partners.from-sheet");

    private static RealWorldCase LongLayoutFromLibreOffice() => new RealWorldCase(
            "east-devon-long-libreoffice.xlsx",
            "LibreOffice Calc .xlsx (committed): a title block ('Council: East Devon District Council', 'Return for 2012/13'); the long "
            + "layout with the title merged down over its partner rows, partners listing only the other bodies, 'Lead?' marked Y, a blank "
            + "row between blocks, and a saving written again on a partner's row.",
            () => FormatCases.Committed("east-devon-long-libreoffice.xlsx"),
            "Partnerships")
        .Reads(3)
        .Loads(
            new("Strata Service Solutions", 5) { Partners = P(EastDevon, Exeter, Teignbridge), Lead = Exeter, Service = "ICT", Start = D(2014, 11, 1), Annual = 400_000m },
            new("Devon building control partnership", 9) { Partners = P(EastDevon, MidDevon), Lead = EastDevon, Annual = 50_000m },
            new("Devon audit partnership", 12) { Partners = P(EastDevon, DevonCounty, Torbay, Plymouth), Lead = DevonCounty })
        .Warns("partners.submitter-added", 1)
        .Warns("row.continuation-value-ignored", 7);

    private static RealWorldCase TwoSheetReturnFromLibreOfficeXls() => new RealWorldCase(
            "east-sussex-relational-libreoffice.xls",
            "An Excel 97-2003 .xls written by LibreOffice (committed): the partners sheet first ('Sheet1': Ref, Council, Lead authority? "
            + "marked x, Type; the reference merged down over an arrangement's partners), the arrangements on 'Sheet2'.",
            () => FormatCases.Committed("east-sussex-relational-libreoffice.xls"),
            "Sheet2")
        .Reads(2)
        .Loads(
            new("Lewes and Eastbourne joint working", 2) { Partners = P(Lewes, Eastbourne), Lead = Eastbourne, Start = D(2016, 4, 1) },
            new("East Sussex building control partnership", 3) { Partners = P(Hastings, Rother, Wealden, EastSussexCounty), Lead = Wealden });
}
