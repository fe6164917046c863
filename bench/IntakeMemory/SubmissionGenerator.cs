using System.Globalization;
using System.Text;
using SharedServicesPipeline.Pipeline.Reference;

namespace SharedServicesPipeline.Bench.Intake;

/// <summary>
/// Writes a large submission in the template's 16 columns as Excel would (shared strings, numbers as numbers), with
/// unique titles and descriptions, so that the shared strings table is as big as a real one of this size. One row in
/// a hundred has a problem (a negative saving), so the report has rows to show.
/// </summary>
internal static class SubmissionGenerator
{
    private static readonly string[] Header =
    [
        "Reference", "Arrangement", "Partners", "Lead authority", "Service area", "Arrangement type", "Description",
        "Start date", "End date", "Status", "Annual savings (£)", "Savings to date (£)", "Governance", "Delivery model",
        "Contact name", "Contact email",
    ];

    private static readonly string[] Services = ["Legal", "ICT", "HR", "Revenues and benefits", "Waste collection", "Libraries", "Planning"];

    public static AuthorityRegister Register { get; } = new(
    [
        new Authority { Code = "E10000012", Name = "Essex County Council", Type = AuthorityType.County, Tier = TierLevel.Upper, Sector = Sector.Council },
        new Authority { Code = "E06000039", Name = "Slough Borough Council", Type = AuthorityType.Unitary, Tier = TierLevel.Single, Sector = Sector.Council },
        new Authority { Code = "E07000068", Name = "Brentwood Borough Council", Type = AuthorityType.District, Tier = TierLevel.Lower, Sector = Sector.Council },
    ]);

    /// <summary>Every how many rows one has a negative saving (1: every row has a problem, the report's worst case).</summary>
    public static int BadEvery { get; set; } = 100;

    private static object?[] Row(int i) =>
    [
        $"B-{i:D6}",
        $"Shared service arrangement number {i}",
        i % 2 == 0 ? "Essex County Council; Slough Borough Council" : "Essex County Council\nBrentwood Borough Council",
        "Essex County Council",
        Services[i % Services.Length],
        null,
        $"Arrangement {i}: the partners share a team, a budget and a single manager under a partnership agreement.",
        $"{1 + (i % 28):D2}/04/20{10 + (i % 10):D2}",
        null,
        "Live",
        i % BadEvery == 0 ? -5000d : 1000d * (i % 500),
        25_000d + i,
        "Joint committee",
        "Shared in-house",
        $"Officer {i}",
        $"officer{i}@example.gov.uk",
    ];

    public static void WriteCsv(string path, int rows)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(true));
        writer.Write(string.Join(",", Header.Select(Quote)) + "\r\n");
        for (var i = 1; i <= rows; i++)
        {
            writer.Write(string.Join(",", Row(i).Select(v => Quote(v switch
            {
                null => "",
                double d => d.ToString(CultureInfo.InvariantCulture),
                var o => o.ToString()!,
            }))) + "\r\n");
        }
    }

    /// <summary>As Excel writes it: shared strings, numbers as numbers (the bench's own streaming writer).</summary>
    public static void WriteXlsx(string path, int rows)
    {
        using var file = File.Create(path);
        using var writer = new Generation.XlsxStreamWriter(file);
        writer.WriteRow(Header);
        for (var i = 1; i <= rows; i++)
        {
            writer.WriteRow(Row(i));
        }
    }

    private static string Quote(string s) => s.Contains(',') || s.Contains('"') || s.Contains('\n') ? $"\"{s.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : s;
}
