using Microsoft.EntityFrameworkCore;
using SharedServicesPipeline.Tests.Support;
using static SharedServicesPipeline.Tests.Support.WorkbookBuilder;

namespace SharedServicesPipeline.Tests.Mart;

/// <summary>The reporting views return the right rows on SQLite, and the SQL Server script creates them too.</summary>
public sealed class ReportingViewTests
{
    [Fact]
    public async Task Arrangement_view_lists_partner_names_in_order_with_service_area_category_and_start_date()
    {
        await using var mart = await RegisterMart.CreateAsync();
        await mart.IngestAsync(SubmissionCsv.Build(
            Row("Shared chief executive", "South Holland District Council; Breckland District Council", service: "Shared chief executive",
                reference: "SS-001", lead: "South Holland District Council", start: "01/08/2010", annualSavings: 700000),
            Row("Norfolk community safety", "Norfolk Constabulary; Norfolk County Council; Breckland District Council", service: "Community safety",
                start: "15/01/2013", end: "31/03/2016", status: "Ended")), "return.csv");

        var rows = await mart.QueryAsync(db => db.ArrangementView.OrderBy(v => v.Title).ToListAsync());

        Assert.Equal(2, rows.Count);
        var safety = rows[0];
        Assert.Equal("Breckland District Council; Norfolk Constabulary; Norfolk County Council", safety.Partners);
        Assert.Equal((new DateOnly(2013, 1, 15), "2012/13", new DateOnly(2016, 3, 31), "Ended"), (safety.StartDate!.Value, safety.StartFinancialYear, safety.EndDate!.Value, safety.Status));
        Assert.Equal((3, 2, true, true, (string?)null), (safety.PartnerCount, safety.CouncilCount, safety.IsCrossTier, safety.IsCrossSector, safety.LeadAuthority));
        var chief = rows[1];
        Assert.Equal("Breckland District Council; South Holland District Council", chief.Partners);
        Assert.Equal(("Shared chief executive", "Management", "South Holland District Council", new DateOnly(2010, 8, 1)), (chief.ServiceArea, chief.Category, chief.LeadAuthority, chief.StartDate!.Value));
        Assert.Equal(700000m, chief.AnnualSavingsGbp);
        Assert.InRange(chief.MaxPartnerDistanceKm!.Value, 55, 70); // about 63 km between the two districts, as the crow flies
    }

    [Fact]
    public async Task Council_sharing_view_counts_arrangements_for_every_council_including_those_with_none()
    {
        await using var mart = await RegisterMart.CreateAsync();
        await mart.IngestAsync(SubmissionCsv.Build(
            Row("Shared legal", "Breckland District Council; South Holland District Council", lead: "Breckland District Council", start: "01/04/2011"),
            Row("Shared waste", "Breckland District Council; Norfolk County Council", service: "Waste collection", start: "01/04/2012", status: "Planned")), "return.csv");

        var rows = await mart.QueryAsync(db => db.CouncilSharingView.ToDictionaryAsync(c => c.Name));

        // Every council of the register, none of the other bodies.
        Assert.Equal(TestAuthorities.All.Count(a => a.IsCouncil), rows.Count);
        Assert.DoesNotContain("Norfolk Constabulary", rows.Keys);
        var breckland = rows["Breckland District Council"];
        Assert.Equal((2, 1, 1, 1), (breckland.ArrangementCount, breckland.LeadCount, breckland.LiveCount, breckland.CrossTierCount));
        Assert.Equal(1, breckland.FrontOfficeCount); // waste collection is frontline
        Assert.Equal((1, 0), (rows["South Holland District Council"].ArrangementCount, rows["South Holland District Council"].LeadCount));
        Assert.Equal(0, rows["Rutland County Council"].ArrangementCount);
        Assert.Equal(("E06000017", "single"), (rows["Rutland County Council"].AuthorityCode, rows["Rutland County Council"].TierLevel));
    }

    [Fact]
    public void Sql_server_script_creates_both_views_in_schema_mart()
    {
        var script = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "datamart", "sql", "mart.sql"));

        Assert.Contains("CREATE OR ALTER VIEW [mart].[vw_arrangement] AS", script, StringComparison.Ordinal);
        Assert.Contains("CREATE OR ALTER VIEW [mart].[vw_council_sharing] AS", script, StringComparison.Ordinal);
        Assert.Contains("STRING_AGG(CAST(a.[name] AS nvarchar(max)), N''; '') WITHIN GROUP (ORDER BY a.[name])", script, StringComparison.Ordinal);
        // CREATE VIEW must open its batch: inside the idempotent script's IF … BEGIN it has to go through EXEC.
        Assert.Equal(2, CountOf(script, "EXEC(N'\n    CREATE OR ALTER VIEW"));
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
