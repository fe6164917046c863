using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Fuzz;

/// <summary>
/// The valid files every mutation starts from: the committed samples (real councils' shapes), the legacy .xls, and
/// files made by the test builders (ClosedXML's shared strings, inline strings, each CSV encoding councils use).
/// </summary>
internal static class FuzzSeeds
{
    private const string Good = "Essex County Council; Slough Borough Council";

    private static readonly Lazy<IReadOnlyList<FuzzSeedFile>> Files = new(Load);

    public static IReadOnlyList<FuzzSeedFile> All => Files.Value;

    public static IReadOnlyList<FuzzSeedFile> Zips => [.. All.Where(f => f.IsZip)];

    private static List<FuzzSeedFile> Load()
    {
        var files = Directory.GetFiles(RepositoryPaths.Samples).Order(StringComparer.Ordinal)
            .Select(path => new FuzzSeedFile(Path.GetFileName(path), Path.GetExtension(path), File.ReadAllBytes(path)))
            .ToList();
        files.Add(Committed(Path.Combine("xls", "district-return.xls")));
        files.Add(new("builder.xlsx", ".xlsx", new WorkbookBuilder()
            .Sheet("Notes", ["Guidance: one row per arrangement"])
            .TemplateSheet("Arrangements",
                WorkbookBuilder.Row("Shared legal service", Good, reference: "R01", start: new DateTime(2011, 4, 1), annualSavings: 125_000),
                WorkbookBuilder.Row("Joint waste", "Kent County Council; Maidstone Borough Council", service: "Waste", reference: "R02", savingsToDate: "£1,200"),
                WorkbookBuilder.Row("Shared revenues", "Brentwood Borough Council, Essex County Council", service: "Revenues and benefits", end: "31/03/2015"),
                WorkbookBuilder.Row("Total", "", service: ""))
            .Build()));
        files.Add(new("package.xlsx", ".xlsx", XlsxPackage.Template().Build()));
        string?[][] rows =
        [
            ["Reference", "Arrangement", "Partners", "Service area", "Annual savings (£)", "Start date"],
            ["R01", "Shared legal service", Good, "Legal", "£125,000", "01/04/2011"],
            ["R02", "Café \"Bibliothèque\" – joint libraries", "Kent County Council; Maidstone Borough Council", "Libraries", "1,200.50", "2012-04-01"],
            ["R03", "Multi-line\nnote", "Brentwood Borough Council; Essex County Council", "Waste", "", ""],
        ];
        foreach (var encoding in Enum.GetValues<CsvBuilder.Encoding>())
        {
            files.Add(new($"builder-{encoding}.csv", ".csv", CsvBuilder.Build(encoding, rows)));
        }

        files.Add(new("builder-semicolon.csv", ".csv", CsvBuilder.Build(CsvBuilder.Encoding.Utf8, ';', rows)));
        return files;
    }

    private static FuzzSeedFile Committed(string relative)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "intake", relative);
        return new(Path.GetFileName(path), Path.GetExtension(path), File.ReadAllBytes(path));
    }
}
