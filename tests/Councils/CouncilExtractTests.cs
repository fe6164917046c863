using System.Globalization;
using SharedServicesPipeline.Publishing.Councils;
using SharedServicesPipeline.Tests.Extracts;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Councils;

/// <summary>Data tests on the published council tables: CSV, Parquet and manifest agree, and the rows keep their rules.</summary>
public sealed class CouncilExtractTests : IClassFixture<ComparedMart>
{
    private readonly ComparedMart _mart;

    public CouncilExtractTests(ComparedMart mart) => _mart = mart;

    [Theory]
    [InlineData(CouncilComparisonTables.Neighbours)]
    [InlineData(CouncilComparisonTables.Peers)]
    [InlineData(CouncilComparisonTables.Opportunities)]
    public async Task Each_council_table_is_published_as_csv_and_parquet_with_the_same_rows_as_the_manifest_says(string table)
    {
        var run = PublishedRun.Latest(_mart.Mart.ExtractsPath);
        var csv = run.File(table + ".csv");
        var parquet = run.File(table + ".parquet");
        var rows = ExtractCsv.Read(run.PathOf(table + ".csv"));
        var read = await run.ReadParquetAsync(table + ".parquet");

        Assert.True(rows.Count > 0, $"{table} is empty");
        Assert.Equal(rows.Count, csv.Rows);
        Assert.Equal(rows.Count, parquet.Rows);
        Assert.Equal(rows.Count, read.Data.Count);
        Assert.Equal(csv.Columns, parquet.Columns);
        Assert.Equal(csv.Columns.Select(c => c.Name), rows[0].Keys);
    }

    [Fact]
    public void Published_neighbours_name_only_councils_of_dim_authority_with_contiguous_ranks_and_reasons()
    {
        var run = PublishedRun.Latest(_mart.Mart.ExtractsPath);
        var neighbours = ExtractCsv.Read(run.PathOf("council_neighbour.csv"));
        var councils = ExtractCsv.Read(run.PathOf("dim_authority.csv")).Where(a => a["sector"] == "council").Select(a => a["authority_code"]).ToHashSet();

        Assert.All(neighbours, n =>
        {
            Assert.Contains(n["council_code"], councils);
            Assert.Contains(n["neighbour_code"], councils);
            Assert.NotEqual(n["council_code"], n["neighbour_code"]);
            Assert.False(string.IsNullOrEmpty(n["why"]));
            Assert.Equal(n["shares_boundary"] == "true", n["why"] == "shares a boundary");
        });
        Assert.All(neighbours.GroupBy(n => n["council_code"]), g =>
            Assert.Equal(Enumerable.Range(1, g.Count()), g.Select(n => int.Parse(n["rank"], CultureInfo.InvariantCulture))));
        Assert.Equal(_mart.Comparison.Councils.Count, neighbours.Select(n => n["council_code"]).Distinct().Count());
    }

    [Fact]
    public void Published_opportunities_are_areas_the_council_does_not_share_in_any_current_arrangement()
    {
        var run = PublishedRun.Latest(_mart.Mart.ExtractsPath);
        var opportunities = ExtractCsv.Read(run.PathOf("council_opportunity.csv"));
        var areas = ExtractCsv.Read(run.PathOf("dim_service_area.csv")).ToDictionary(a => a["service_area_key"], a => a["service_area"]);
        var codes = ExtractCsv.Read(run.PathOf("dim_authority.csv")).ToDictionary(a => a["authority_key"], a => a["authority_code"]);
        var facts = ExtractCsv.Read(run.PathOf("fact_arrangement.csv")).Where(f => f["status"] != "Ended").ToDictionary(f => f["arrangement_key"], f => areas[f["service_area_key"]]);
        var shared = ExtractCsv.Read(run.PathOf("bridge_arrangement_partner.csv")).Where(p => facts.ContainsKey(p["arrangement_key"]))
            .Select(p => (Code: codes[p["authority_key"]], Area: facts[p["arrangement_key"]])).ToHashSet();

        Assert.Contains(opportunities, o => o["council_code"] == "E07000112" && o["service_area"] == "Waste collection" && o["example_arrangements"].StartsWith("Kent waste partnership (", StringComparison.Ordinal));
        Assert.All(opportunities, o =>
        {
            Assert.DoesNotContain((o["council_code"], o["service_area"]), shared);
            Assert.True(int.Parse(o["peers_sharing"], CultureInfo.InvariantCulture) >= CouncilOpportunities.MinimumComparators);
        });
    }
}
