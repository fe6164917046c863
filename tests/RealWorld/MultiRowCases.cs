using SharedServicesPipeline.Tests.Support;
using static SharedServicesPipeline.Tests.RealWorld.Councils;

namespace SharedServicesPipeline.Tests.RealWorld;

/// <summary>One arrangement over several rows or columns, and returns where the submitting council is only implied.</summary>
internal static class MultiRowCases
{
    public static IEnumerable<RealWorldCase> All()
    {
        yield return TitleMergedDownOverItsPartners();
        yield return OnePartnerPerRowTitleOnFirst();
        yield return WidePartnerColumnsWithTypes();
        yield return YourCouncilColumn();
        yield return CouncilNamedInTitleRow();
        yield return SubmittingAuthorityColumnInCsv();
    }

    private static RealWorldCase TitleMergedDownOverItsPartners() => new RealWorldCase(
            "east-suffolk-partnership.xlsx",
            "Excel: one partner per row, with the title, service, date, savings and status merged down over an arrangement's partner rows.",
            () => new ReturnWorkbook().Sheet("East Suffolk",
                    ["Arrangement", "Partner", "Service area", "Start date", "Annual savings (£)", "Status"],
                    ["East Suffolk shared management", "Suffolk Coastal District Council", "Shared management team", new DateTime(2010, 4, 1), 1_900_000, "Live"],
                    [null, "Waveney District Council", null, null, null, null],
                    ["Suffolk ICT partnership", "Suffolk Coastal DC", "ICT", "2011/12", "£250k", "Live"],
                    [null, "Waveney DC", null, null, null, null],
                    [null, "Suffolk County Council", null, null, null, null],
                    ["Joint pest control", "Suffolk Coastal DC; Waveney DC", "Pest control", new DateTime(2012, 4, 1), 12_000, "Live"])
                .Merge("A2:A3", "C2:C3", "D2:D3", "E2:E3", "F2:F3", "A4:A6", "C4:C6", "D4:D6", "E4:E6", "F4:F6")
                .Build(),
            "East Suffolk")
        .Reads(3)
        .Loads(
            new("East Suffolk shared management", 2) { Partners = P(SuffolkCoastal, Waveney), Service = "Shared management team", Start = D(2010, 4, 1), Annual = 1_900_000m, Status = "Live" },
            new("Suffolk ICT partnership", 4) { Partners = P(SuffolkCoastal, Waveney, SuffolkCounty), Service = "ICT", Start = D(2011, 4, 1), Annual = 250_000m },
            new("Joint pest control", 7) { Partners = P(SuffolkCoastal, Waveney), Annual = 12_000m });

    private static RealWorldCase OnePartnerPerRowTitleOnFirst() => new RealWorldCase(
            "west-suffolk-export.csv",
            "A database export (UTF-8, LF line endings): one row per partner, the arrangement's details only on its first row, continuation "
            + "rows carrying just the partner and its type; one genuine row without a title.",
            () => CsvBuilder.Build(CsvBuilder.Encoding.Utf8, ',', "\n",
                ["Ref", "Arrangement", "Partner", "Partner type", "Service area", "Start date", "Status", "Annual savings"],
                ["WS1", "West Suffolk shared services", "Forest Heath District Council", "District", "Shared management team", "01/08/2011", "Live", "1200000"],
                ["", "", "St Edmundsbury Borough Council", "District", "", "", "", ""],
                ["WS2", "West Suffolk joint waste service", "Forest Heath District Council", "District", "Waste collection", "01/04/2013", "Live", "350000"],
                ["", "", "St Edmundsbury Borough Council", "District", "", "", "", ""],
                ["", "", "Suffolk County Council", "County", "", "", "", ""],
                ["WS3", "", "Forest Heath District Council; St Edmundsbury Borough Council", "", "Leisure", "2014", "Planned", ""],
                ["WS4", "Shared CCTV control room", "Forest Heath District Council", "District", "CCTV", "2015-04-01", "Live", "40000"],
                ["", "", "St Edmundsbury Borough Council", "District", "", "", "", ""],
                ["", "", "Suffolk Constabulary", "Police", "", "", "", ""]),
            "west-suffolk-export")
        .Reads(4)
        .Loads(
            new("West Suffolk shared services", 2) { Reference = "WS1", Partners = P(ForestHeath, StEdmundsbury), Start = D(2011, 8, 1), Annual = 1_200_000m },
            new("West Suffolk joint waste service", 4) { Partners = P(ForestHeath, StEdmundsbury, SuffolkCounty), Service = "Waste collection", Annual = 350_000m },
            new("Shared CCTV control room", 8) { Partners = P(ForestHeath, StEdmundsbury, SuffolkPolice), Start = D(2015, 4, 1), Annual = 40_000m })
        .Rejects(7, "title.missing");

    private static RealWorldCase WidePartnerColumnsWithTypes() => new RealWorldCase(
            "worcestershire-partnerships.xlsx",
            "Excel: partners across 'Partner 1' … 'Partner 8' columns, each followed by a 'Partner N type' column; the lead named again.",
            () =>
            {
                object?[] header = ["Arrangement", "Service area", "Lead authority", .. Enumerable.Range(1, 8).SelectMany(i => new object?[] { $"Partner {i}", $"Partner {i} type" }), "Start date", "Status"];
                return new ReturnWorkbook().Sheet("Partnerships",
                        header,
                        ["Worcestershire Regulatory Services", "Environmental health", "Bromsgrove District Council",
                            "Bromsgrove District Council", "District", "Malvern Hills District Council", "District", "Redditch Borough Council", "District",
                            "Worcester City Council", "District", "Wychavon District Council", "District", "Wyre Forest District Council", "District",
                            null, null, null, null, new DateTime(2010, 6, 1), "Live"],
                        ["Worcestershire Internal Audit Shared Service", "Internal audit", "Worcester City Council",
                            "Worcester City Council", "District", "Bromsgrove DC", "District", "Malvern Hills DC", "District", "Redditch BC", "District",
                            "Wychavon DC", "District", "Wyre Forest DC", "District", "Worcestershire County Council", "County", null, null, "2012/13", "Live"],
                        ["Joint customer service centre", "Customer services", "Wyre Forest District Council",
                            "Wyre Forest District Council", "District", "West Mercia Police", "Police", "Hereford & Worcester Fire and Rescue Service", "Fire",
                            null, null, null, null, null, null, null, null, null, null, "Sept 2013", "Live"])
                    .Build();
            },
            "Partnerships")
        .Reads(3)
        .Loads(
            new("Worcestershire Regulatory Services", 2) { Partners = P(Bromsgrove, MalvernHills, Redditch, Worcester, Wychavon, WyreForest), Lead = Bromsgrove, Start = D(2010, 6, 1) },
            new("Worcestershire Internal Audit Shared Service", 3)
            {
                Partners = P(Worcester, Bromsgrove, MalvernHills, Redditch, Wychavon, WyreForest, WorcestershireCounty), Lead = Worcester, Start = D(2012, 4, 1), Approximate = true,
            },
            new("Joint customer service centre", 4)
            {
                Partners = P(WyreForest, WestMerciaPolice, HerefordWorcesterFire), Lead = WyreForest, Service = "Customer contact centre", Start = D(2013, 9, 1), Approximate = true,
            });

    private static RealWorldCase YourCouncilColumn() => new RealWorldCase(
            "mid-suffolk-return.xlsx",
            "Excel: a 'Your council' column on every row and a 'Partner(s)' column listing only the other bodies, as the council read the form.",
            () => new ReturnWorkbook().Sheet("Return",
                    ["Your council", "Arrangement", "Partner(s)", "Service area", "Start date", "Status", "Annual savings (£)"],
                    ["Mid Suffolk District Council", "Shared senior management with Babergh", "Babergh District Council", "Shared management team", new DateTime(2011, 4, 1), "Live", 1_200_000],
                    ["Mid Suffolk District Council", "Suffolk building control partnership", "Babergh DC; Ipswich BC", "Building control", new DateTime(2012, 4, 1), "Live", 60_000],
                    ["Mid Suffolk District Council", "Joint waste partnership", "Mid Suffolk District Council; Babergh District Council; Suffolk County Council", "Waste", new DateTime(2010, 4, 1), "Live", null],
                    ["Mid Suffolk District Council", "Mid Suffolk leisure contract review", null, "Leisure", null, "Proposed", null])
                .Build(),
            "Return")
        .Reads(4)
        .Loads(
            new("Shared senior management with Babergh", 2) { Partners = P(Babergh, MidSuffolk), Annual = 1_200_000m },
            new("Suffolk building control partnership", 3) { Partners = P(Babergh, Ipswich, MidSuffolk) },
            new("Joint waste partnership", 4) { Partners = P(MidSuffolk, Babergh, SuffolkCounty), Service = "Waste collection" })
        .Rejects(5, "partners.too-few")
        .Warns("partners.submitter-added");

    private static RealWorldCase CouncilNamedInTitleRow() => new RealWorldCase(
            "teignbridge-return.xlsx",
            "Excel: 'Council: Teignbridge District Council' in a title row above the header; 'Partner(s)' lists only the other bodies; savings as ranges.",
            () => new ReturnWorkbook().Sheet("Teignbridge",
                    ["Council: Teignbridge District Council"],
                    ["Return for: shared services 2011/12"],
                    [],
                    ["Arrangement", "Partner(s)", "Service area", "Start date", "Status", "Annual savings (£)", "Savings to date (£)"],
                    ["Joint chief executive", "Torridge District Council", "Shared chief executive", new DateTime(2009, 6, 1), "Ended 2011", 150_000, 300_000],
                    ["Devon building control partnership", "Exeter City Council; East Devon DC; Mid Devon DC", "Building control", "April '11", "Live", "£50k+", null],
                    ["Devon audit partnership", "Devon County Council; Torbay Council; Plymouth City Council", "Internal audit", "2009", "Live (since 2009)", "£100k-£150k", null])
                .Build(),
            "Teignbridge")
        .Reads(3)
        .Loads(
            new("Joint chief executive", 5) { Partners = P(Teignbridge, Torridge), Status = "Ended", End = null, Annual = 150_000m },
            new("Devon building control partnership", 6) { Partners = P(Teignbridge, Exeter, EastDevon, MidDevon), Start = D(2011, 4, 1), Approximate = true, Annual = 50_000m },
            new("Devon audit partnership", 7) { Partners = P(Teignbridge, DevonCounty, Torbay, Plymouth), Status = "Live", Start = D(2009, 4, 1), Annual = 100_000m })
        .Warns("partners.submitter-added")
        .Warns("savings.range", 6)
        .Warns("savings.range", 7);

    private static RealWorldCase SubmittingAuthorityColumnInCsv() => new RealWorldCase(
            "havant-return.csv",
            "Excel 'CSV UTF-8' (BOM, CRLF): an 'Authority' column naming the submitter on every row, 'Partner(s)' listing only the others.",
            () => CsvBuilder.Build(CsvBuilder.Encoding.Utf8Bom,
                ["Authority", "Reference", "Arrangement", "Partner(s)", "Lead authority", "Service area", "Start date", "End date", "Status", "Annual savings (£)"],
                ["Havant Borough Council", "HBC-01", "Havant and East Hampshire shared management", "East Hampshire District Council", "East Hampshire District Council", "Shared management team", "01/04/2010", "", "Live", "£1,100,000"],
                ["Havant Borough Council", "HBC-02", "Shared legal services", "East Hampshire DC; Portsmouth City Council", "Portsmouth City Council", "Legal Services", "2011-04-01", "", "Live", "1,234.5"],
                ["Havant Borough Council", "HBC-03", "Joint elections team", "East Hampshire District Council", "", "Elections", "Apr-11", "31/03/2013", "Discontinued", ""],
                ["Havant Borough Council", "HBC-04", "Eastern Solent coastal partnership", "East Hampshire District Council; Havant Borough Council; Portsmouth City Council; Fareham Borough Council; Gosport Borough Council", "Havant Borough Council", "Coast protection", "2012", "", "Live", "£250k"]),
            "havant-return")
        .Reads(4)
        .Loads(
            new("Havant and East Hampshire shared management", 2) { Partners = P(EastHampshire, Havant), Lead = EastHampshire, Annual = 1_100_000m, Start = D(2010, 4, 1) },
            new("Shared legal services", 3) { Partners = P(EastHampshire, Havant, Portsmouth), Lead = Portsmouth, Service = "Legal", Start = D(2011, 4, 1), Annual = 1_234.5m },
            new("Joint elections team", 4)
            {
                Partners = P(EastHampshire, Havant), Service = "Democratic services", Category = "Back office", Start = D(2011, 4, 1), Approximate = true, End = D(2013, 3, 31), Status = "Ended",
            },
            new("Eastern Solent coastal partnership", 5)
            {
                Partners = P(EastHampshire, Havant, Portsmouth, Fareham, Gosport), Lead = Havant, Service = "Flood and coastal protection", Category = "Front office", Annual = 250_000m,
            })
        .Warns("partners.submitter-added");
}
