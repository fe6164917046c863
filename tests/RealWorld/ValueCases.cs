using SharedServicesPipeline.Tests.Support;
using static SharedServicesPipeline.Tests.RealWorld.Councils;
using F = SharedServicesPipeline.Tests.Support.ReturnWorkbook.Formula;
using S = SharedServicesPipeline.Tests.Support.ReturnWorkbook.Shown;

namespace SharedServicesPipeline.Tests.RealWorld;

/// <summary>Dates, money, statuses and service areas written every way officers write them, and untidy text.</summary>
internal static class ValueCases
{
    public static IEnumerable<RealWorldCase> All()
    {
        yield return DatesEveryWay();
        yield return MoneyEveryWay();
        yield return StatusesAndServiceAreas();
        yield return UntidyText();
    }

    private const string CheltTewks = "Cheltenham Borough Council; Tewkesbury Borough Council";

    private static RealWorldCase DatesEveryWay()
    {
        // (title, service, start cell, end cell, expected start, approximate, expected end); null expected start = a row error or blank.
        (string Title, string Service, object? Start, object? End, DateOnly? Expected, bool Approximate, DateOnly? ExpectedEnd)[] rows =
        [
            ("Joint legal team", "Legal", "01/04/2011", null, D(2011, 4, 1), false, null),
            ("Shared HR service", "HR", "1st April 2011", null, D(2011, 4, 1), false, null),
            ("Shared ICT helpdesk", "ICT", "1 Apr 11", null, D(2011, 4, 1), false, null),
            ("Joint finance team", "Finance", "01.04.2011", null, D(2011, 4, 1), false, null),
            ("Shared procurement unit", "Procurement", "2011-04-01", null, D(2011, 4, 1), false, null),
            ("Joint internal audit", "Internal audit", "Apr-11", null, D(2011, 4, 1), true, null),
            ("Shared revenues team", "Revenues and benefits", "April '11", null, D(2011, 4, 1), true, null),
            ("Joint building control", "Building control", "Q2 2012", null, D(2012, 4, 1), true, null),
            ("Shared environmental health", "Environmental health", "Summer 2010", null, D(2010, 6, 1), true, null),
            ("Joint planning service", "Planning", "2011/12", null, D(2011, 4, 1), true, null),
            ("Shared housing options", "Housing", "2011-12", null, D(2011, 4, 1), true, null),
            ("Joint libraries service", "Libraries", "FY 2012/13", null, D(2012, 4, 1), true, null),
            ("Shared waste collection", "Waste collection", "from 2009", null, D(2009, 4, 1), true, null),
            ("Joint trading standards", "Trading standards", "since 2010", null, D(2010, 4, 1), true, null),
            ("Shared customer contact", "Customer contact centre", "TBC", "Ongoing", null, false, null),
            ("Joint licensing", "Licensing", "N/A", "N/A", null, false, null),
            ("Shared payroll", "Payroll", new S(new DateTime(2011, 4, 1), "d mmmm yyyy"), null, D(2011, 4, 1), false, null),
            ("Joint emergency planning", "Emergency planning", new S(new DateTime(2012, 9, 3), "dd-mmm-yy"), null, D(2012, 9, 3), false, null),
            ("Shared elections office", "Elections", new S(new DateTime(2013, 1, 15), "mmm-yy"), null, D(2013, 1, 15), false, null),
            ("Joint land charges", "Land charges", 20110401, null, D(2011, 4, 1), false, null),
            ("Shared democratic services", "Democratic services", "20110401", null, D(2011, 4, 1), false, null),
            ("Joint communications team", "Communications", "01/04/2011", "31st March 2014", D(2011, 4, 1), false, D(2014, 3, 31)),
            ("Shared leisure management", "Leisure", "Sept 2015", null, D(2015, 9, 1), true, null),
            ("Joint museums service", "Museums", "2009-10", null, D(2009, 4, 1), true, null),
            ("Shared CCTV", "CCTV", "c. 2008", null, D(2008, 4, 1), true, null),
        ];
        var sheet = new List<object?[]> { new object?[] { "Arrangement", "Partners", "Service area", "Start date", "End date", "Status" } };
        sheet.AddRange(rows.Select(r => new[] { r.Title, CheltTewks, r.Service, r.Start, r.End, r.Expected is null && r.Start is "TBC" ? "Planned" : "Live" }));
        sheet.Add(["Joint street cleansing", CheltTewks, "Street cleansing", "31/09/2011", null, "Live"]);
        sheet.Add(["Shared parking enforcement", CheltTewks, "Parking", "01/04/2011", "31/03/2010", "Live"]);
        var corpus = new RealWorldCase(
                "cheltenham-tewkesbury-dates.xlsx",
                "Excel: start and end dates typed every way officers type them, as text, as date cells in several formats, and as a number 20110401.",
                () => new ReturnWorkbook().Sheet("Dates", [.. sheet]).Build(),
                "Dates")
            .Reads(rows.Length + 2)
            .Rejects(rows.Length + 2, "date.invalid")
            .Rejects(rows.Length + 3, "date.end-before-start");
        for (var i = 0; i < rows.Length; i++)
        {
            var r = rows[i];
            corpus.Loads(new ExpectedArrangement(r.Title, i + 2) { Start = r.Expected, Approximate = r.Approximate, End = r.ExpectedEnd });
        }

        return corpus.Warns("date.approximate", 9);
    }

    private static RealWorldCase MoneyEveryWay()
    {
        // (title, service, annual cell, to-date cell, expected annual, expected to date, warning owed on the row)
        (string Title, string Service, object? Annual, object? ToDate, decimal? ExpectAnnual, decimal? ExpectToDate, string? Warning)[] rows =
        [
            ("Shared waste contract", "Waste collection", "£1.5m over 3 years", null, 500_000m, null, "savings.averaged"),
            ("Joint revenues and benefits", "Revenues and benefits", "£200k pa", "£350k", 200_000m, 350_000m, null),
            ("Shared legal practice", "Legal", "£200,000 per annum", null, 200_000m, null, null),
            ("Joint ICT service", "ICT", "£0.5m", "£1m", 500_000m, 1_000_000m, null),
            ("Shared management team", "Shared management team", "£ 1,000,000.00", null, 1_000_000m, null, null),
            ("Joint HR service", "HR", "1.2M", null, 1_200_000m, null, null),
            ("Shared audit service", "Internal audit", "£120K", null, 120_000m, null, null),
            ("Joint customer services", "Customer contact centre", "Not yet known", "Not quantified", null, null, null),
            ("Shared building control", "Building control", "nil", "£0", 0m, 0m, null),
            ("Joint planning policy", "Planning", "None", null, 0m, null, null),
            ("Shared environmental health", "Environmental health", "See description", null, null, null, "savings.not-a-figure"),
            ("Joint procurement hub", "Procurement", "£100k-£150k", null, 100_000m, null, "savings.range"),
            ("Shared housing options", "Housing", "up to £50k", null, null, null, "savings.range"),
            ("Joint libraries", "Libraries", "£50k+", null, 50_000m, null, "savings.range"),
            ("Shared finance team", "Finance", "£1,234.56", "1,234.5", 1_234.56m, 1_234.5m, null),
            ("Joint trading standards", "Trading standards", "£45,000 (estimated)", null, 45_000m, null, null),
            ("Shared licensing team", "Licensing", "£80,000 - see note 3", null, 80_000m, null, null),
            ("Joint payroll", "Payroll", new S(75_000, "£#,##0"), null, 75_000m, null, null),
            ("Shared fraud team", "Fraud", new F("50000*3"), new F("D20*2"), 150_000m, 300_000m, null),
            ("Joint elections", "Elections", "£1.2 million", "£90,000.50", 1_200_000m, 90_000.50m, null),
            ("Shared land charges", "Land charges", "£25k per year", "c.£60k", 25_000m, 60_000m, null),
            ("Joint democratic services", "Democratic services", "Approx £10,000 p.a.", null, 10_000m, null, null),
            ("Shared communications", "Communications", "£5,000 - £10,000", null, 5_000m, null, "savings.range"),
            ("Joint parking", "Parking", "£ 90,000", null, 90_000m, null, null),
            ("Shared leisure trust", "Leisure", "£2.3m (2011/12)", null, 2_300_000m, null, null),
        ];
        const string partners = "Breckland District Council; South Holland District Council";
        var sheet = new List<object?[]> { new object?[] { "Arrangement", "Partners", "Service area", "Annual savings (£)", "Savings to date (£)", "Status" } };
        sheet.AddRange(rows.Select(r => new[] { r.Title, partners, r.Service, r.Annual, r.ToDate, "Live" }));
        sheet.Add(["Joint grounds maintenance", partners, "Grounds maintenance", "(£20,000)", null, "Live"]);
        sheet.Add(["Shared street cleansing", partners, "Street cleansing", "-£20k", null, "Live"]);
        var corpus = new RealWorldCase(
                "breckland-south-holland-savings.xlsx",
                "Excel: savings typed every way officers type them: suffixes, 'pa', ranges, notes after the figure, words, a currency-formatted "
                + "number and a formula; two net costs written as negatives.",
                () => new ReturnWorkbook().Sheet("Savings", [.. sheet]).Build(),
                "Savings")
            .Reads(rows.Length + 2)
            .Rejects(rows.Length + 2, "savings.negative")
            .Rejects(rows.Length + 3, "savings.negative");
        for (var i = 0; i < rows.Length; i++)
        {
            var r = rows[i];
            corpus.Loads(new ExpectedArrangement(r.Title, i + 2) { Partners = P(Breckland, SouthHolland), Annual = r.ExpectAnnual, ToDate = r.ExpectToDate });
            if (r.Warning is { } warning)
            {
                corpus.Warns(warning, i + 2);
            }
        }

        return corpus;
    }

    private static RealWorldCase StatusesAndServiceAreas()
    {
        string[][] pairs =
        [
            [Babergh, MidSuffolk], [SouthHams, WestDevon], [Adur, Worthing], [Cherwell, SouthNorthants], [Breckland, SouthHolland],
            [Rother, Wealden], [EastHampshire, Havant], [Bromsgrove, Redditch], [Lewes, Eastbourne], [Hambleton, Richmondshire],
            [Cheltenham, Tewkesbury], [SuffolkCoastal, Waveney], [ForestHeath, StEdmundsbury], [Harborough, Melton],
        ];
        // (service as written, expected service, category, status as written, expected status)
        (string Written, string Service, string Category, string Status, string? ExpectStatus)[] rows =
        [
            ("Revs & Bens", "Revenues and benefits", "Back office", "Operational", "Live"),
            ("R&B", "Revenues and benefits", "Back office", "In place", "Live"),
            ("IT", "ICT", "Back office", "Implemented", "Live"),
            ("ICT Services", "ICT", "Back office", "Active", "Live"),
            ("Human Resources", "HR", "Back office", "Established", "Live"),
            ("Payroll", "HR", "Back office", "Proposed", "Planned"),
            ("Legal Services", "Legal", "Back office", "In development", "Planned"),
            ("Waste & Recycling", "Waste collection", "Front office", "Under discussion", "Planned"),
            ("Refuse collection", "Waste collection", "Front office", "Exploring", "Planned"),
            ("Street cleansing", "Waste collection", "Front office", "Ceased", "Ended"),
            ("Grounds maintenance", "Leisure and culture", "Front office", "Discontinued", "Ended"),
            ("Parking", "Transport", "Front office", "Completed", null),
            ("CCTV", "Community safety", "Front office", "Terminated", "Ended"),
            ("Emergency planning", "Emergency planning", "Back office", "Ended 2014", "Ended"),
            ("Audit", "Internal audit", "Back office", "Live (since 2010)", "Live"),
            ("Fraud", "Internal audit", "Back office", "LIVE", "Live"),
            ("Customer services", "Customer contact centre", "Front office", "planned", "Planned"),
            ("Contact centre", "Customer contact centre", "Front office", "ended", "Ended"),
            ("Elections", "Democratic services", "Back office", "Operational", "Live"),
            ("Land charges", "Planning", "Front office", "In place", "Live"),
            ("Planning policy", "Planning", "Front office", "Implemented", "Live"),
            ("Homelessness", "Housing", "Front office", "Active", "Live"),
            ("Leisure", "Leisure and culture", "Front office", "Established", "Live"),
            ("Museums", "Leisure and culture", "Front office", "Proposed", "Planned"),
            ("Archives", "Leisure and culture", "Front office", "In development", "Planned"),
            ("Registrars", "Registration services", "Front office", "Under discussion", "Planned"),
            ("Pest control", "Environmental health", "Front office", "Exploring", "Planned"),
            ("Licensing", "Environmental health", "Front office", "Ceased", "Ended"),
            ("Democratic services", "Democratic services", "Back office", "Discontinued", "Ended"),
            ("Communications", "Communications", "Back office", "Completed", null),
            ("Economic development", "Economic development", "Front office", "Terminated", "Ended"),
            ("Highways", "Transport", "Front office", "Live", "Live"),
            ("Public health", "Public health", "Front office", "Live", "Live"),
            ("Youth services", "Children's services", "Front office", "Live", "Live"),
            ("School improvement", "Children's services", "Front office", "Live", "Live"),
            ("Fostering and adoption", "Children's services", "Front office", "Live", "Live"),
        ];
        var csv = new List<string?[]> { new[] { "Arrangement", "Partners", "Service area", "Start date", "Status" } };
        csv.AddRange(rows.Select((r, i) => new string?[] { $"{r.Written} partnership", string.Join("; ", pairs[i % pairs.Length]), r.Written, "01/04/2012", r.Status }));
        csv.Add(["Shared back-office services", $"{Babergh}; {MidSuffolk}", "ICT, HR and Finance", "01/04/2012", "Live"]);
        var corpus = new RealWorldCase(
                "service-areas-and-statuses.csv",
                "Excel 'CSV UTF-8': one row per service area as councils name them, each with a status in the council's own words; "
                + "one row naming three services in one cell.",
                () => CsvBuilder.Build(CsvBuilder.Encoding.Utf8Bom, [.. csv]),
                "service-areas-and-statuses")
            .Reads(rows.Length + 1);
        for (var i = 0; i < rows.Length; i++)
        {
            var r = rows[i];
            corpus.Loads(new ExpectedArrangement($"{r.Written} partnership", i + 2) { Service = r.Service, Category = r.Category, Status = r.ExpectStatus });
            if (r.ExpectStatus is null)
            {
                corpus.Warns("status.ambiguous", i + 2); // "Completed": in place, or finished?
            }
        }

        return corpus
            .Loads(new ExpectedArrangement("Shared back-office services", rows.Length + 2) { Category = "Back office" })
            .Warns("service-area.several", rows.Length + 2);
    }

    private static RealWorldCase UntidyText() => new RealWorldCase(
            "exeter-east-devon-untidy.xlsx",
            "Excel, pasted from emails and Word: non-breaking spaces, smart quotes, en and em dashes, line breaks inside cells, "
            + "all capitals, cells holding only '-', 'n/a' or '?', empty entries between semicolons.",
            () => new ReturnWorkbook().Sheet("Return",
                    ["Arrangement", "Partners", "Service area", "Start date", "End date", "Status", "Annual savings (£)"],
                    ["  Strata\u00A0Service Solutions  ", "Exeter City Council;\u00A0East Devon District Council;\u00A0Teignbridge District Council", " ICT ", "01/04/2014", null, "Live ", "£1,500,000\u00A0"],
                    ["\u201CBetter Together\u201D joint waste programme", "EAST DEVON DISTRICT COUNCIL; MID DEVON DISTRICT COUNCIL", "WASTE COLLECTION", "01/04/2012", null, "LIVE", null],
                    ["Exeter \u2013 East Devon joint planning policy", "Exeter City Council\nEast Devon District Council", "Planning\npolicy", "1 April 2013", null, "Live", "£50,000\u2013£60,000"],
                    ["Shared building control\n(Devon partnership)", "Mid Devon District Council; Torridge District Council", "Building control", "-", "n/a", "?", "?"],
                    ["Joint HR \u2014 phase 2", "Teignbridge DC; Torridge DC", "HR", "?", null, "In development", "-"],
                    ["Shared audit", "Mid Devon District Council ; ; Torridge District Council ;", "Audit", "01/04/2010", null, "Live", null])
                .Build(),
            "Return")
        .Reads(6)
        .Loads(
            new("Strata Service Solutions", 2) { Partners = P(Exeter, EastDevon, Teignbridge), Service = "ICT", Status = "Live", Start = D(2014, 4, 1), Annual = 1_500_000m },
            new("\u201CBetter Together\u201D joint waste programme", 3) { Partners = P(EastDevon, MidDevon), Service = "Waste collection", Status = "Live" },
            new("Exeter \u2013 East Devon joint planning policy", 4) { Partners = P(Exeter, EastDevon), Service = "Planning", Start = D(2013, 4, 1), Annual = 50_000m },
            new("Shared building control (Devon partnership)", 5) { Start = null, End = null, Status = null, Annual = null },
            new("Joint HR \u2014 phase 2", 6) { Partners = P(Teignbridge, Torridge), Start = null, Status = "Planned", Annual = null },
            new("Shared audit", 7) { Partners = P(MidDevon, Torridge), Service = "Internal audit" })
        .Warns("savings.range", 4);
}
