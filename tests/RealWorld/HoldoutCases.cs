using System.Text;
using SharedServicesPipeline.Tests.Support;
using static SharedServicesPipeline.Tests.RealWorld.Councils;
using F = SharedServicesPipeline.Tests.Support.ReturnWorkbook.Formula;

namespace SharedServicesPipeline.Tests.RealWorld;

/// <summary>
/// A second blind batch, written after the first batch's fixes and before looking at how the pipeline would take them,
/// to see whether the fixes were general rules or fitted to the first batch.
/// </summary>
internal static class HoldoutCases
{
    public static IEnumerable<RealWorldCase> All()
    {
        yield return SavingsInThousands();
        yield return TwoTablesOnOneSheet();
        yield return CsvWithSeparatorLine();
        yield return ServicesJoinedBySlashes();
        yield return SystemCsvWithFooter();
        yield return DatesWithDashesAndShortYears();
    }

    private static RealWorldCase SavingsInThousands() => new RealWorldCase(
            "wealden-savings-in-thousands.xlsx",
            "Excel: the finance team's habit of savings in thousands: 'Annual savings (£000s)' and 'Savings to date (£k)'.",
            () => new ReturnWorkbook().Sheet("Return",
                    ["Arrangement", "Partners", "Service area", "Annual savings (£000s)", "Savings to date (£k)"],
                    ["Joint waste contract", "Wealden District Council; Rother District Council", "Waste collection", 600, 1_800],
                    ["Shared fraud team", "Wealden DC; Rother DC; Hastings BC", "Fraud", 45.5, "120"])
                .Build(),
            "Return")
        .Reads(2)
        .Loads(
            new("Joint waste contract", 2) { Annual = 600_000m, ToDate = 1_800_000m },
            new("Shared fraud team", 3) { Annual = 45_500m, ToDate = 120_000m });

    private static RealWorldCase TwoTablesOnOneSheet() => new RealWorldCase(
            "tewkesbury-two-tables.xlsx",
            "Excel: 'Live arrangements' and, under a blank row and a subtitle, 'Planned arrangements', each table with its own header row.",
            () => new ReturnWorkbook().Sheet("Return",
                    ["Live arrangements"],
                    ["Arrangement", "Partners", "Service area", "Start date"],
                    ["Joint legal team", "Tewkesbury Borough Council; Cheltenham Borough Council", "Legal", new DateTime(2011, 4, 1)],
                    ["Shared ICT", "Tewkesbury BC; Cheltenham BC; Gloucester City Council", "ICT", new DateTime(2012, 1, 1)],
                    [],
                    ["Planned arrangements"],
                    ["Arrangement", "Partners", "Service area", "Start date"],
                    ["Joint building control", "Tewkesbury Borough Council; Cheltenham Borough Council", "Building control", "2014/15"])
                .Build(),
            "Return")
        .Reads(3)
        .Loads(
            new("Joint legal team", 3) { Partners = P(Cheltenham, Tewkesbury) },
            new("Shared ICT", 4) { Partners = P(Cheltenham, Gloucester, Tewkesbury) },
            new("Joint building control", 8) { Start = D(2014, 4, 1) });

    private static RealWorldCase CsvWithSeparatorLine() => new RealWorldCase(
            "forest-of-dean-excel-sep.csv",
            "A CSV written for Excel with its 'sep=;' hint as the first line, then ';'-separated records.",
            () => Encoding.UTF8.GetBytes("sep=;\r\nArrangement;Partners;Service area;Annual savings (£)\r\n"
                + "Shared audit;Forest of Dean District Council, Cotswold District Council;Internal audit;£30,000\r\n"),
            "forest-of-dean-excel-sep")
        .Reads(1)
        .Loads(new ExpectedArrangement("Shared audit", 3) { Partners = P(Cotswold, ForestOfDean), Annual = 30_000m });

    private static RealWorldCase ServicesJoinedBySlashes() => new RealWorldCase(
            "hertsmere-services.xlsx",
            "Excel: services written with slashes and ampersands ('ICT/HR', 'Legal & Democratic', 'Planning / Building Control').",
            () => new ReturnWorkbook().Sheet("Return",
                    ["Arrangement", "Partners", "Service area"],
                    ["Shared ICT and HR", "Harborough District Council; Melton Borough Council", "ICT/HR"],
                    ["Joint legal and democratic", "Harborough DC; Melton BC", "Legal & Democratic"],
                    ["Joint planning and building control", "Harborough DC; Melton BC", "Planning / Building Control"])
                .Build(),
            "Return")
        .Reads(3)
        .Loads(
            new("Shared ICT and HR", 2) { Category = "Back office" },
            new("Joint legal and democratic", 3) { Service = "Legal", Category = "Back office" },
            new("Joint planning and building control", 4) { Category = "Front office" })
        .Warns("service-area.several", 2)
        .Warns("service-area.several", 4);

    private static RealWorldCase SystemCsvWithFooter() => new RealWorldCase(
            "gosport-system-report.csv",
            "A line-of-business system's CSV: a trailing empty column on every line, then a blank line and 'Report generated … by …' footer lines.",
            () => Encoding.UTF8.GetBytes(
                "Arrangement,Partners,Service area,Start date,Status,\n"
                + "Fareham and Gosport building control,Fareham Borough Council; Gosport Borough Council,Building control,01/04/2011,Live,\n"
                + "Shared legal services,Fareham BC; Gosport BC,Legal,01/04/2012,Live,\n"
                + ",,,,,\n"
                + "Report generated 01/12/2012 09:14 by jsmith,,,,,\n"
                + "Rows: 2,,,,,\n"),
            "gosport-system-report")
        .Reads(2)
        .Loads(
            new ExpectedArrangement("Fareham and Gosport building control", 2) { Start = D(2011, 4, 1), Status = "Live" },
            new ExpectedArrangement("Shared legal services", 3) { Start = D(2012, 4, 1) });

    private static RealWorldCase DatesWithDashesAndShortYears() => new RealWorldCase(
            "melton-dates.xlsx",
            "Excel: text dates 'dd-mm-yyyy', 'd/m/yy', '1.4.11', 'April 2011 onwards', a Total row with a formula, and a date cell with a time.",
            () => new ReturnWorkbook().Sheet("Return",
                    ["Arrangement", "Partners", "Service area", "Start date", "Annual savings (£)"],
                    ["Shared legal", "Harborough DC; Melton BC", "Legal", "01-04-2011", 10_000],
                    ["Joint licensing", "Harborough DC; Melton BC", "Licensing", "1/9/11", 20_000],
                    ["Shared audit", "Harborough DC; Melton BC", "Internal audit", "1.4.11", 30_000],
                    ["Joint pest control", "Harborough DC; Melton BC", "Pest control", "April 2011 onwards", 5_000],
                    ["Shared HR", "Harborough DC; Melton BC", "HR", new DateTime(2012, 4, 1, 9, 30, 0), 15_000],
                    ["Total", null, null, null, new F("SUM(E2:E6)")])
                .Build(),
            "Return")
        .Reads(5)
        .Loads(
            new("Shared legal", 2) { Start = D(2011, 4, 1), Approximate = false },
            new("Joint licensing", 3) { Start = D(2011, 9, 1), Approximate = false },
            new("Shared audit", 4) { Start = D(2011, 4, 1), Approximate = false },
            new("Joint pest control", 5) { Start = D(2011, 4, 1), Approximate = true },
            new("Shared HR", 6) { Start = D(2012, 4, 1) });
}
