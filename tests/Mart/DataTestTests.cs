using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharedServicesPipeline.DataMart;
using SharedServicesPipeline.DataMart.Quality;
using SharedServicesPipeline.Tests.Support;
using static SharedServicesPipeline.Tests.Support.WorkbookBuilder;

namespace SharedServicesPipeline.Tests.Mart;

/// <summary>The dbt-style data tests: silent on a sound mart, loud on a broken one, and a load that breaks them is rolled back.</summary>
public sealed class DataTestTests
{
    private static readonly byte[] Return = SubmissionCsv.Build(
        Row("Shared legal", "Breckland District Council; South Holland District Council", reference: "L-1", lead: "Breckland District Council", start: "01/04/2011"),
        Row("Community safety hub", "Norfolk Constabulary; Norfolk County Council; Breckland District Council", service: "Community safety", start: "01/06/2014"),
        Row("Shared procurement", "Essex County Council; Brentwood Borough Council; Essex Police", service: "Procurement"));

    [Fact]
    public async Task Data_tests_pass_after_good_loads()
    {
        await using var mart = await RegisterMart.CreateAsync();
        await mart.IngestAsync(Return, "one.csv");
        await mart.IngestAsync(SubmissionCsv.Build(
            Row("Shared legal", "Breckland District Council; South Holland District Council; Norfolk County Council", reference: "L-1", lead: "Breckland District Council", start: "01/04/2011", annualSavings: 90000)), "two.csv");

        var failures = await mart.QueryAsync(db => MartDataTests.RunAsync(db, null, CancellationToken.None));

        Assert.Empty(failures);
    }

    [Fact]
    public async Task Data_tests_fail_on_a_deliberately_broken_database_and_name_each_broken_rule()
    {
        await using var mart = await RegisterMart.CreateAsync();
        await mart.IngestAsync(Return, "one.csv");
        await mart.QueryAsync(async db =>
        {
            await db.Database.ExecuteSqlRawAsync("DELETE FROM bridge_arrangement_partner WHERE rowid = (SELECT MIN(rowid) FROM bridge_arrangement_partner)");
            await db.Database.ExecuteSqlRawAsync("UPDATE dim_authority SET tier_level = 'middle' WHERE authority_code = 'E07000068'");
            await db.Database.ExecuteSqlRawAsync("UPDATE dim_service_area SET category = 'Frontline' WHERE service_area = 'Legal'");
            await db.Database.ExecuteSqlRawAsync("UPDATE fact_arrangement SET council_count = 5 WHERE title = 'Shared procurement'");
            await db.Database.ExecuteSqlRawAsync("UPDATE fact_arrangement SET is_cross_sector = 0 WHERE title = 'Community safety hub'");
            // A second current version of Dover, overlapping the first.
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO dim_authority (authority_code, name, authority_type, tier_level, sector, valid_from, is_current, row_hash) " +
                "SELECT authority_code, 'Dover (copy)', authority_type, tier_level, sector, '2005-01-01', 1, 'x' FROM dim_authority WHERE authority_code = 'E07000108'");
            return 0;
        });

        var failures = await mart.QueryAsync(db => MartDataTests.RunAsync(db, null, CancellationToken.None));

        var names = failures.Select(f => f.Test).ToList();
        Assert.Contains("bridge_partner_count_equals_fact_partner_count", names);
        Assert.Contains("accepted_values_dim_authority_tier_level", names);
        Assert.Contains("accepted_values_dim_service_area_category", names);
        Assert.Contains("bridge_council_count_equals_fact_council_count", names);
        Assert.Contains("fact_arrangement_is_cross_sector_matches_bridge", names);
        Assert.Contains("unique_dim_authority_current_version_per_code", names);
        Assert.Contains("scd2_dim_authority_no_overlap", names);
        Assert.Equal(1, failures.Single(f => f.Test == "accepted_values_dim_authority_tier_level").FailingRows);
    }

    [Fact]
    public async Task Data_tests_catch_a_lead_that_is_not_among_the_partners()
    {
        await using var mart = await RegisterMart.CreateAsync();
        await mart.IngestAsync(Return, "one.csv");
        await mart.QueryAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE fact_arrangement SET lead_authority_key = (SELECT authority_key FROM dim_authority WHERE authority_code = 'E06000017') WHERE reference = 'L-1'"));

        var failures = await mart.QueryAsync(db => MartDataTests.RunAsync(db, null, CancellationToken.None));

        Assert.Equal("fact_arrangement_lead_is_a_partner_or_unknown", Assert.Single(failures).Test);
    }

    [Fact]
    public async Task A_load_that_breaks_a_data_test_is_rolled_back_and_surfaces_as_a_fault()
    {
        var corrupter = new BridgeCorruptingInterceptor();
        await using var mart = await RegisterMart.CreateAsync(configure: services =>
            services.ConfigureDbContext<SqliteMartDbContext>(options => options.AddInterceptors(corrupter)));
        corrupter.Armed = true;

        var fault = await Assert.ThrowsAsync<MartDataTestException>(() => mart.IngestAsync(Return, "one.csv"));

        Assert.Equal(1, corrupter.Corrupted);
        Assert.Contains(fault.Failures, f => f.Test == "bridge_partner_count_equals_fact_partner_count");
        Assert.Contains("bridge_partner_count_equals_fact_partner_count", fault.Message, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0, 0), await mart.QueryAsync(async db => (
            await db.Submissions.CountAsync(s => s.SubmissionKey > 0), await db.Arrangements.CountAsync(),
            await db.ArrangementPartners.CountAsync(), await db.ArrangementHistory.CountAsync())));

        // The blob is retried: once the fault is gone, the same file loads in full.
        corrupter.Armed = false;
        var retried = await mart.IngestAsync(Return, "one.csv");
        Assert.Equal(3, retried.ArrangementsAdded);
    }
}
