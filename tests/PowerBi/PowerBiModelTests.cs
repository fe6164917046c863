using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using SharedServicesPipeline.DataMart;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.PowerBi;

/// <summary>The Power BI project in datamart/powerbi: its TMDL cannot drift from the mart's EF model.</summary>
public sealed class PowerBiModelTests
{
    private static string Project => Path.Combine(RepositoryPaths.Root, "datamart", "powerbi");

    private static string Definition(string project) => Path.Combine(project, "SharedServices.SemanticModel", "definition");

    private static IModel SqlServerMart()
    {
        var options = new DbContextOptionsBuilder<SqlServerMartDbContext>().UseSqlServer("Server=unused;Database=unused").Options;
        using var db = new SqlServerMartDbContext(options);
        return db.Model;
    }

    [Fact]
    public void Semantic_model_matches_the_mart_tables_columns_types_and_relationships()
    {
        var model = TmdlParser.ReadFolder(Definition(Project));

        var differences = TmdlModelChecker.Check(model, SqlServerMart());

        Assert.Empty(differences);
        Assert.Equal(12, model.All("table").Count());
        Assert.Equal(18, model.All("relationship").Count());
    }

    [Fact]
    public void Semantic_model_follows_the_modelling_rules()
    {
        var model = TmdlParser.ReadFolder(Definition(Project));
        var tables = model.All("table").ToDictionary(t => t.Name);
        var relationships = model.All("relationship").ToDictionary(r => r.Name);

        // Role-played dates and the lead authority are inactive; the bridge's two relationships are active.
        Assert.Equal("false", relationships["fact_arrangement_end_date"]["isActive"]);
        Assert.Null(relationships["fact_arrangement_start_date"]["isActive"]);
        Assert.Equal("false", relationships["fact_arrangement_lead_authority"]["isActive"]);
        Assert.Null(relationships["bridge_arrangement"]["isActive"]);
        Assert.Null(relationships["bridge_authority"]["isActive"]);
        Assert.All(relationships.Values, r => Assert.Null(r["crossFilteringBehavior"]));
        // The council tables: the council's own key filters them from dim_authority (the Council page's drill-through);
        // the neighbour's and the peer's keys are a second path from the same table, so inactive.
        Assert.All(new[] { "council_neighbour_council", "council_peer_council", "council_opportunity_council", "council_opportunity_service_area" },
            r => Assert.Null(relationships[r]["isActive"]));
        Assert.All(new[] { "council_neighbour_neighbour", "council_peer_peer" }, r => Assert.Equal("false", relationships[r]["isActive"]));

        var date = tables["dim_date"];
        Assert.Equal("Time", date["dataCategory"]);
        Assert.Contains("isKey", date.All("column").Single(c => c.Name == "date").Flags);
        Assert.Equal("month", date.All("column").Single(c => c.Name == "month_name")["sortByColumn"]);
        Assert.Equal("financial_year_start", date.All("column").Single(c => c.Name == "financial_year")["sortByColumn"]);
        Assert.Contains("[date_key] > 0", date.All("partition").Single()["source"], StringComparison.Ordinal);

        var measures = tables["fact_arrangement"].All("measure").ToDictionary(m => m.Name);
        Assert.Equal(TmdlModelChecker.RequiredMeasures.Order(), measures.Values.Where(m => m["displayFolder"] == "Headline").Select(m => m.Name).Order());
        Assert.All(new[] { "Total annual savings", "Savings to date", "Savings per council" }, m => Assert.Equal("£#,0", measures[m]["formatString"]));
        Assert.All(new[] { "Cross-tier share", "Front-office share" }, m => Assert.Equal("0.0%", measures[m]["formatString"]));
        Assert.Contains("CROSSFILTER ( bridge_arrangement_partner[arrangement_key], fact_arrangement[arrangement_key], BOTH )", measures["Arrangements"].Expression, StringComparison.Ordinal);

        var parameters = model.All("expression").ToDictionary(e => e.Name);
        Assert.Equal(["SqlDatabase", "SqlServer"], parameters.Keys.Order());
        Assert.All(parameters.Values, p => Assert.Contains("IsParameterQuery = true", p.Expression, StringComparison.Ordinal));
        var refs = model.All("ref").Select(r => r.Name).ToHashSet();
        Assert.All(tables.Keys, t => Assert.Contains("table " + t, refs));
    }

    [Fact]
    public void Project_files_point_at_the_report_and_the_semantic_model()
    {
        using var pbip = JsonDocument.Parse(File.ReadAllText(Path.Combine(Project, "SharedServices.pbip")));
        Assert.Equal("SharedServices.Report", pbip.RootElement.GetProperty("artifacts")[0].GetProperty("report").GetProperty("path").GetString());
        using var pbir = JsonDocument.Parse(File.ReadAllText(Path.Combine(Project, "SharedServices.Report", "definition.pbir")));
        var dataset = pbir.RootElement.GetProperty("datasetReference").GetProperty("byPath").GetProperty("path").GetString()!;
        Assert.True(Directory.Exists(Path.Combine(Project, "SharedServices.Report", dataset, "definition")), $"{dataset}/definition is missing");
        Assert.True(File.Exists(Path.Combine(Project, "SharedServices.SemanticModel", "definition.pbism")));
    }

    [Theory]
    [InlineData("tables/dim_authority.tmdl", "sourceColumn: region", "sourceColumn: region_name", "dim_authority.region: the mart's dim_authority has no column region_name")]
    [InlineData("tables/fact_arrangement.tmdl", "sourceColumn: annual_savings_gbp\n", "sourceColumn: annual_savings\n", "fact_arrangement.annual_savings_gbp: the mart's fact_arrangement has no column annual_savings")]
    [InlineData("tables/dim_date.tmdl", "dataType: int64\n\t\tformatString: 0\n\t\tsummarizeBy: none\n\t\tsourceColumn: year", "dataType: string\n\t\tformatString: 0\n\t\tsummarizeBy: none\n\t\tsourceColumn: year", "dim_date.year: dataType string, but dim_date.year is int64")]
    [InlineData("tables/dim_service_area.tmdl", "Item = \"dim_service_area\"", "Item = \"dim_service_areas\"", "table dim_service_area: reads mart.dim_service_areas, which the mart does not have")]
    [InlineData("relationships.tmdl", "toColumn: dim_service_area.service_area_key\n\nrelationship fact_arrangement_profile", "toColumn: dim_service_area.category\n\nrelationship fact_arrangement_profile", "relationship fact_arrangement_service_area: the mart has no foreign key fact_arrangement.service_area_key → dim_service_area.category")]
    [InlineData("relationships.tmdl", "relationship bridge_authority\n", "relationship bridge_authority\n\tcrossFilteringBehavior: bothDirections\n", "relationship bridge_authority: filters bothDirections; the model's relationships are single-direction")]
    [InlineData("tables/fact_arrangement.tmdl", "SUM ( fact_arrangement[partner_count] )", "SUM ( fact_arrangement[partners] )", "measure Average partners per arrangement: refers to fact_arrangement[partners], which the model does not have")]
    [InlineData("tables/dim_authority.tmdl", "column authority_key\n\t\tdataType: int64\n\t\tisHidden\n", "column authority_key\n\t\tdataType: int64\n", "dim_authority.authority_key: a surrogate key, not hidden")]
    [InlineData("tables/fact_arrangement.tmdl", "\"partner_region\", RELATED ( dim_authority[region] )", "\"partner_region\", RELATED ( dim_authority[regions] )", "column fact_arrangement.region: refers to dim_authority[regions], which the model does not have")]
    [InlineData("tables/fact_arrangement.tmdl", "\"kind_rank\", SWITCH ( [partner_kind]", "\"kind_rank\", SWITCH ( [partner_kinds]", "column fact_arrangement.tier_combination: refers to [partner_kinds], which the model does not have")]
    [InlineData("tables/council_neighbour.tmdl", "sourceColumn: shares_boundary", "sourceColumn: shares_border", "council_neighbour.shares_boundary: the mart's council_neighbour has no column shares_border")]
    [InlineData("relationships.tmdl", "fromColumn: council_peer.peer_authority_key", "fromColumn: council_peer.peer_code", "relationship council_peer_peer: the mart has no foreign key council_peer.peer_code → dim_authority.authority_key")]
    [InlineData("tables/dim_submission.tmdl", "\t\tdataType: dateTime\n\t\tformatString: mmm yyyy\n", "\t\tformatString: mmm yyyy\n", "dim_submission.received_month: a calculated column without dataType")]
    public void Checker_reports_the_difference_in_a_deliberately_broken_copy(string file, string find, string replace, string expected)
    {
        using var copy = new TempFolder("ssp-pbi-");
        CopyFolder(Definition(Project), copy.Path);
        var path = Path.Combine(copy.Path, file);
        var text = File.ReadAllText(path);
        Assert.Contains(find, text, StringComparison.Ordinal); // the mutation must apply, or this test proves nothing
        File.WriteAllText(path, text.Replace(find, replace, StringComparison.Ordinal));

        var differences = TmdlModelChecker.Check(TmdlParser.ReadFolder(copy.Path), SqlServerMart());

        Assert.Contains(expected, differences);
    }

    [Fact]
    public void Checker_reports_a_mart_table_that_the_model_left_out()
    {
        using var copy = new TempFolder("ssp-pbi-");
        CopyFolder(Definition(Project), copy.Path);
        File.Delete(Path.Combine(copy.Path, "tables", "dim_arrangement_profile.tmdl"));

        var differences = TmdlModelChecker.Check(TmdlParser.ReadFolder(copy.Path), SqlServerMart());

        Assert.Contains("the mart's table mart.dim_arrangement_profile is not in the model", differences);
        Assert.Contains("relationship fact_arrangement_profile: dim_arrangement_profile is not a table of the model read from the mart", differences);
    }

    [Fact]
    public void Checker_reports_a_council_comparison_table_that_the_model_left_out()
    {
        using var copy = new TempFolder("ssp-pbi-");
        CopyFolder(Definition(Project), copy.Path);
        File.Delete(Path.Combine(copy.Path, "tables", "council_opportunity.tmdl"));

        var differences = TmdlModelChecker.Check(TmdlParser.ReadFolder(copy.Path), SqlServerMart());

        Assert.Contains("the mart's table mart.council_opportunity is not in the model", differences);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
