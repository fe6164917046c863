using Microsoft.EntityFrameworkCore;
using SharedServicesPipeline.Pipeline.Submissions;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Acceptance;

/// <summary>The samples, end to end on the embedded default: ingest into SQLite, publish, read the extracts back.</summary>
public sealed class SamplesAcceptanceTests
{
    [Fact]
    public async Task Samples_load_every_valid_arrangement_and_send_back_the_two_bad_rows()
    {
        await using var mart = await TestMart.CreateAsync();

        var national = await mart.IngestAsync(Path.Combine(RepositoryPaths.Samples, "lga-shared-services-2011.xlsx"));
        var messy = await mart.IngestAsync(Path.Combine(RepositoryPaths.Samples, "messy-district-return.xlsx"));
        var county = await mart.IngestAsync(Path.Combine(RepositoryPaths.Samples, "county-return.csv"));

        Assert.Equal((32, 32, 0, 0), (national.RowsRead, national.RowsAccepted, national.RowsRejected, national.RowsHeld));
        Assert.Equal((10, 8, 2, 0), (messy.RowsRead, messy.RowsAccepted, messy.RowsRejected, messy.RowsHeld));
        Assert.Equal((7, 7, 0, 0), (county.RowsRead, county.RowsAccepted, county.RowsRejected, county.RowsHeld));
        Assert.Contains(messy.Problems, p => p is { Code: "partners.too-few", Row: > 0 });
        Assert.Contains(messy.Problems, p => p.Code == "savings.negative" && p.Value == "-15000");
        Assert.All(new[] { national, messy, county }, o => Assert.Equal(SubmissionDisposition.Processed, o.Disposition));

        var arrangements = await mart.QueryAsync(db => db.Arrangements.CountAsync());
        Assert.Equal(47, arrangements);
    }

    [Fact]
    public async Task Extracts_hold_the_sample_arrangements_with_their_partners_and_exact_values()
    {
        await using var mart = await TestMart.CreateAsync();
        await mart.IngestAsync(Path.Combine(RepositoryPaths.Samples, "lga-shared-services-2011.xlsx"));
        var refresh = await mart.RefreshAsync();

        var facts = ExtractCsv.Read(Path.Combine(mart.ExtractsPath, "fact_arrangement.csv"));
        var bridge = ExtractCsv.Read(Path.Combine(mart.ExtractsPath, "bridge_arrangement_partner.csv"));
        var authorities = ExtractCsv.Read(Path.Combine(mart.ExtractsPath, "dim_authority.csv"));
        var byKey = authorities.ToDictionary(a => a["authority_key"]);
        Assert.Equal(32, facts.Count);
        Assert.Contains(refresh.Files, f => f.Name == "fact_arrangement.csv" && f.Rows == 32);

        var lgss = Assert.Single(facts, f => f["reference"] == "SS-2011-005");
        Assert.Equal(9_000_000m, decimal.Parse(lgss["savings_to_date_gbp"], System.Globalization.CultureInfo.InvariantCulture)); // "£9m of savings" in the seed article
        Assert.Equal("", lgss["annual_savings_gbp"]);
        Assert.Equal("700000", ChiefExecutiveSavings(facts));
        var lgssPartners = bridge.Where(b => b["arrangement_key"] == lgss["arrangement_key"]).Select(b => byKey[b["authority_key"]]["authority_code"]).Order().ToList();
        Assert.Equal(["E10000003", "E10000021"], lgssPartners); // Cambridgeshire CC, Northamptonshire CC (abolished 2021, as it was then)

        var chiefExec = Assert.Single(facts, f => f["reference"] == "SS-2011-001");
        var chiefExecPartners = bridge.Where(b => b["arrangement_key"] == chiefExec["arrangement_key"]).Select(b => byKey[b["authority_key"]]["name"]).Order().ToList();
        Assert.Equal(["Breckland District Council", "South Holland District Council"], chiefExecPartners);
        Assert.Equal("Management", chiefExec["category"]);
        Assert.Equal("20100801", chiefExec["start_date_key"]);

        // Every arrangement has its partners in the bridge, and the counts agree.
        foreach (var fact in facts)
        {
            Assert.Equal(int.Parse(fact["partner_count"], System.Globalization.CultureInfo.InvariantCulture), bridge.Count(b => b["arrangement_key"] == fact["arrangement_key"]));
        }
    }

    private static string ChiefExecutiveSavings(List<Dictionary<string, string>> facts) =>
        decimal.Parse(facts.Single(f => f["reference"] == "SS-2011-001")["annual_savings_gbp"], System.Globalization.CultureInfo.InvariantCulture).ToString("0", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Personal_contact_details_never_reach_an_extract()
    {
        await using var mart = await TestMart.CreateAsync();
        await mart.IngestAsync(Path.Combine(RepositoryPaths.Samples, "lga-shared-services-2011.xlsx"));
        await mart.RefreshAsync();

        // The text formats; Parquet and the workbook are binary, so tests/Extracts/PersonalDataTests reads their values.
        var everything = string.Join('\n', Directory.EnumerateFiles(mart.ExtractsPath, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f) is ".csv" or ".json" or ".geojson" or ".html")
            .Select(File.ReadAllText));
        // An address, not any "@": dashboard.html inlines CSS (@media) and ECharts, whose code has the character.
        Assert.DoesNotMatch(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}", everything);
        Assert.DoesNotContain("Harriet Pennington", everything, StringComparison.Ordinal);
    }
}
