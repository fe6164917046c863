using System.Globalization;
using CsvHelper;
using Microsoft.Extensions.DependencyInjection;
using SharedServicesPipeline.Pipeline.Loading;
using SharedServicesPipeline.Pipeline.Reference;
using SharedServicesPipeline.Pipeline.Validation;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Dashboard;

/// <summary>
/// A mart holding the built-in register and the sixteen arrangements of tests/TestData/Dashboard, loaded through the
/// mart's own loader so derived columns are the mart's. Independent of the name matcher.
/// </summary>
internal static class DashboardTestData
{
    private static string Folder => Path.Combine(RepositoryPaths.Root, "tests", "TestData", "Dashboard");

    public static async Task<TestMart> CreateMartAsync()
    {
        var authorities = ReadAuthorities();
        var mart = await TestMart.CreateAsync();
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

    // The project's own register: the public register under ../shared is for verifying ours, never copied in.
    private static List<Authority> ReadAuthorities() => [.. AuthorityRegister.BuiltIn.Authorities];

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
                Partners = [.. Text("partners")!.Split(';').Select(code => byCode.GetValueOrDefault(code) ?? Body(code))],
                Lead = Text("lead") is { } lead ? byCode[lead] : null,
            });
        }

        return result;
    }

    // Police, fire and health partners are named, as councils write them; the matcher knows them as bodies.
    private static Authority Body(string name) =>
        AuthorityMatcher.CreateBuiltIn().Match(name) is { Status: MatchStatus.Body, Authority: { } body }
            ? body
            : throw new InvalidOperationException($"'{name}' in the dashboard test data is neither a register code nor a known public body.");
}
