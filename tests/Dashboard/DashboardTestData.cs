using System.Globalization;
using CsvHelper;
using Microsoft.Extensions.DependencyInjection;
using SharedServicesPipeline.Pipeline.Loading;
using SharedServicesPipeline.Pipeline.Reference;
using SharedServicesPipeline.Pipeline.Validation;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Dashboard;

/// <summary>
/// A mart holding tests/TestData/Dashboard: every UK council as the register and sixteen arrangements loaded through the
/// mart's own loader, so derived columns are the mart's. Independent of the built-in register and the name matcher.
/// </summary>
internal static class DashboardTestData
{
    private static string Folder => Path.Combine(RepositoryPaths.Root, "tests", "TestData", "Dashboard");

    public static async Task<TestMart> CreateMartAsync()
    {
        var authorities = ReadAuthorities();
        var mart = await TestMart.CreateAsync(services => services.AddSingleton(new AuthorityRegister(authorities)));
        var byCode = authorities.ToDictionary(a => a.Code, StringComparer.OrdinalIgnoreCase);
        var arrangements = ReadArrangements(byCode);
        await using (var scope = mart.Services.CreateAsyncScope())
        {
            var batch = new SubmissionBatch("dashboard-test", "arrangements.csv", new string('a', 64),
                new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero), "tests", arrangements.Count, 0, arrangements, []);
            await scope.ServiceProvider.GetRequiredService<ISubmissionLoader>().LoadAsync(batch, CancellationToken.None);
        }

        return mart;
    }

    private static List<Authority> ReadAuthorities()
    {
        using var reader = new StreamReader(Path.Combine(Folder, "authorities.csv"));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var result = new List<Authority>();
        foreach (var row in csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>())
        {
            string? Text(string name) => row[name] is string s && s.Length > 0 ? s : null;
            result.Add(new Authority
            {
                Code = Text("code")!,
                Name = Text("name")!,
                Type = Enum.Parse<AuthorityType>(Text("authority_type")!.Replace("_", "", StringComparison.Ordinal), ignoreCase: true),
                Tier = Enum.Parse<TierLevel>(Text("tier_level")!, ignoreCase: true),
                Sector = Enum.Parse<Sector>(Text("sector")!.Replace("_", "", StringComparison.Ordinal), ignoreCase: true),
                Region = Text("region"),
                Nation = Text("nation"),
                ValidFrom = Text("valid_from") is { } from ? DateOnly.Parse(from, CultureInfo.InvariantCulture) : null,
                ValidTo = Text("valid_to") is { } to ? DateOnly.Parse(to, CultureInfo.InvariantCulture) : null,
                Latitude = Text("latitude") is { } lat ? double.Parse(lat, CultureInfo.InvariantCulture) : null,
                Longitude = Text("longitude") is { } lon ? double.Parse(lon, CultureInfo.InvariantCulture) : null,
            });
        }

        return result;
    }

    private static List<ArrangementRecord> ReadArrangements(Dictionary<string, Authority> byCode)
    {
        using var reader = new StreamReader(Path.Combine(Folder, "arrangements.csv"));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var result = new List<ArrangementRecord>();
        var row = 1;
        foreach (var r in csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>())
        {
            string? Text(string name) => r[name] is string s && s.Length > 0 ? s : null;
            var area = ServiceAreaTaxonomy.BuiltIn.Resolve(Text("service_area"))
                ?? throw new InvalidOperationException($"Unknown service area {Text("service_area")} in the dashboard test data.");
            result.Add(new ArrangementRecord
            {
                Sheet = "arrangements",
                RowNumber = ++row,
                Reference = Text("reference"),
                Title = Text("title")!,
                ServiceArea = area,
                Category = area.Category,
                StartDate = Text("start_date") is { } start ? DateOnly.Parse(start, CultureInfo.InvariantCulture) : null,
                EndDate = Text("end_date") is { } end ? DateOnly.Parse(end, CultureInfo.InvariantCulture) : null,
                Status = Text("status"),
                AnnualSavings = Text("annual_savings") is { } annual ? decimal.Parse(annual, CultureInfo.InvariantCulture) : null,
                SavingsToDate = Text("savings_to_date") is { } toDate ? decimal.Parse(toDate, CultureInfo.InvariantCulture) : null,
                Partners = [.. Text("partners")!.Split(';').Select(code => byCode[code])],
                Lead = Text("lead") is { } lead ? byCode[lead] : null,
            });
        }

        return result;
    }
}
