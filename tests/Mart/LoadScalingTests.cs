using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharedServicesPipeline.DataMart;
using SharedServicesPipeline.DataMart.Entities;
using SharedServicesPipeline.DataMart.Loading;
using SharedServicesPipeline.Tests.Support;
using static SharedServicesPipeline.Tests.Support.WorkbookBuilder;

namespace SharedServicesPipeline.Tests.Mart;

/// <summary>
/// A load's cost must not grow with the mart: it finds existing arrangements through the identity index, and its data
/// tests read only the facts it touched. Proven from SQLite's query plans, not from timings (those live in bench/).
/// </summary>
public sealed class LoadScalingTests
{
    [Fact]
    public async Task Existing_arrangements_are_looked_up_through_the_identity_index_not_by_scanning_the_facts()
    {
        var plans = new QueryPlanRecorder(sql => sql.Contains("\"identity_key\" IN", StringComparison.Ordinal) || sql.Contains("\"identity_key\" = ", StringComparison.Ordinal));
        await using var mart = await RegisterMart.CreateAsync(configure: services =>
            services.ConfigureDbContext<SqliteMartDbContext>(options => options.AddInterceptors(plans)));
        const string partners = "Breckland District Council; South Holland District Council";
        await mart.IngestAsync(SubmissionCsv.Build(Row("Shared legal", partners, reference: "L-1", lead: "Breckland District Council", start: "01/04/2011")), "one.csv");
        var update = await mart.IngestAsync(SubmissionCsv.Build(Row("Shared legal services", partners, reference: "L-1", lead: "Breckland District Council", start: "01/04/2011")), "two.csv");

        // Which of a load's keys exist: on SQLite the loader's own prepared statement (not an EF Core command), one search
        // of the identity index a key.
        var probe = await mart.QueryAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            using var lookup = SqliteKeyLookup.For<FactArrangement>(db, nameof(FactArrangement.IdentityKey));
            await using var explain = db.Database.GetDbConnection().CreateCommand();
            explain.CommandText = "EXPLAIN QUERY PLAN " + lookup.Sql;
            await using var reader = await explain.ExecuteReaderAsync();
            var steps = new List<string>();
            while (await reader.ReadAsync())
            {
                steps.Add(reader.GetString(3));
            }

            return string.Join(" | ", steps);
        });
        Assert.Equal(1, update.ArrangementsUpdated);
        Assert.Contains("USING COVERING INDEX IX_fact_arrangement_identity_key (identity_key=?)", probe, StringComparison.Ordinal);

        // Then the ones found are read with their bridge rows through EF Core: through the same index.
        var lookups = plans.Plans.Where(p => p.Contains("fact_arrangement", StringComparison.Ordinal) || p.Contains("IX_fact_arrangement", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(lookups);
        Assert.All(lookups, plan =>
        {
            Assert.Contains("IX_fact_arrangement_identity_key", plan, StringComparison.Ordinal);
            Assert.DoesNotContain("SCAN f ", plan + " ", StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Data_tests_after_a_load_read_the_facts_it_touched_through_the_submission_index()
    {
        var plans = new QueryPlanRecorder(sql => sql.Contains("AS unique_fact_arrangement_identity_key", StringComparison.Ordinal));
        await using var mart = await RegisterMart.CreateAsync(configure: services =>
            services.ConfigureDbContext<SqliteMartDbContext>(options => options.AddInterceptors(plans)));
        await mart.IngestAsync(SubmissionCsv.Build(Row("Shared legal", "Breckland District Council; South Holland District Council", start: "01/04/2011")), "one.csv");

        // One statement; what it scans whole is the dimensions (small, and bounded by the register and the calendar), "b",
        // the load's own facts each with its bridge rows counted, and "fl", the one row of sums of the per-fact pass.
        var steps = Assert.Single(plans.Plans).Split(" | ");
        Assert.Contains("SEARCH fact_arrangement USING INDEX IX_fact_arrangement_submission_key (submission_key=?)", steps);
        Assert.Contains("SEARCH fact_arrangement_history USING INDEX IX_fact_arrangement_history_submission_key (submission_key=?)", steps);
        Assert.Contains("SEARCH pa USING INDEX sqlite_autoindex_bridge_arrangement_partner_1 (arrangement_key=?) LEFT-JOIN", steps);
        Assert.Contains("SEARCH f USING INTEGER PRIMARY KEY (rowid=?)", steps);
        string[] dimensions = ["dim_authority", "a", "c", "dim_service_area", "sa", "dim_arrangement_profile", "pr", "review_name", "r", "d", "g", "CONSTANT", "b", "fl"];
        Assert.All(steps.Where(step => step.StartsWith("SCAN ", StringComparison.Ordinal)), step => Assert.Contains(step.Split(' ')[1], dimensions));
    }
}
