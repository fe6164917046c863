using System.Text.Json.Nodes;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.PowerBi;

/// <summary>
/// The report in datamart/powerbi/SharedServices.Report (PBIR): every file valid against Microsoft's schema it names, and
/// every field it shows or filters on present in the TMDL semantic model with the right kind.
/// </summary>
public sealed class PowerBiReportTests
{
    private static string Report => Path.Combine(RepositoryPaths.Root, "datamart", "powerbi", "SharedServices.Report");

    private static string Definition => Path.Combine(RepositoryPaths.Root, "datamart", "powerbi", "SharedServices.SemanticModel", "definition");

    private static List<PbirFile> ReportFiles() => PbirFile.ReadReport(Report);

    private static SemanticModelFields Model() => SemanticModelFields.Of(TmdlParser.ReadFolder(Definition));

    [Fact]
    public void Every_report_file_validates_against_the_schema_it_names_from_the_local_copy()
    {
        var files = ReportFiles();

        var errors = files.SelectMany(f => PbirSchemas.Local.Validate(f.Path, f.Json)).ToList();

        Assert.Empty(errors);
        Assert.Contains(files, f => f.Path == "definition.pbir");
        Assert.Contains(files, f => f.Path == "definition/version.json");
        Assert.Contains(files, f => f.Path == "definition/report.json");
        Assert.Contains(files, f => f.Path == "definition/pages/pages.json");
        Assert.Equal(5, files.Count(f => f.Path.EndsWith("/page.json", StringComparison.Ordinal)));
        Assert.True(files.Count(f => f.Path.EndsWith("/visual.json", StringComparison.Ordinal)) >= 30);
    }

    [Fact]
    public void Semantic_model_definition_file_validates_against_its_schema()
    {
        var path = Path.Combine(RepositoryPaths.Root, "datamart", "powerbi", "SharedServices.SemanticModel", "definition.pbism");

        var errors = PbirSchemas.Local.Validate("SharedServices.SemanticModel/definition.pbism", JsonNode.Parse(File.ReadAllText(path))!);

        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("definition/pages/overview/visuals/overview_headline/visual.json", "add visual.visualTyp", "at '/visual/visualTyp'")]
    [InlineData("definition/pages/overview/visuals/overview_headline/visual.json", "position.x as text", "'/position/x'")]
    [InlineData("definition/pages/overview/visuals/overview_by_category/visual.json", "projection without queryRef", "'/visual/query/queryState/Category/projections/0'")]
    [InlineData("definition/pages/map/page.json", "remove displayName", "displayName")]
    [InlineData("definition/pages/council/page.json", "filter type Sometimes", "'/filterConfig/filters/0/type'")]
    [InlineData("definition/report.json", "remove themeCollection", "themeCollection")]
    [InlineData("definition/version.json", "version 2.1.1", "'/version'")]
    [InlineData("definition/pages/overview/visuals/overview_title/visual.json", "schema version not in the copy", "is not in tests/TestData/powerbi-schemas")]
    public void Schema_validation_reports_a_file_that_breaks_its_schema(string path, string mutation, string expected)
    {
        var file = ReportFiles().Single(f => f.Path == path).Copy();
        var json = file.Json.AsObject();
        switch (mutation)
        {
            case "add visual.visualTyp": json["visual"]!["visualTyp"] = "card"; break;
            case "position.x as text": json["position"]!["x"] = "16"; break;
            case "projection without queryRef": json["visual"]!["query"]!["queryState"]!["Category"]!["projections"]![0]!.AsObject().Remove("queryRef"); break;
            case "remove displayName": json.Remove("displayName"); break;
            case "filter type Sometimes": json["filterConfig"]!["filters"]![0]!["type"] = "Sometimes"; break;
            case "remove themeCollection": json.Remove("themeCollection"); break;
            case "version 2.1.1": json["version"] = "2.1.1"; break;
            case "schema version not in the copy": json["$schema"] = PbirSchemas.UrlPrefix + "fabric/item/report/definition/visualContainer/9.9.0/schema.json"; break;
            default: throw new ArgumentOutOfRangeException(nameof(mutation), mutation, "no such mutation");
        }

        var errors = PbirSchemas.Local.Validate(file.Path, file.Json);

        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.StartsWith(path + ": ", e, StringComparison.Ordinal));
        Assert.True(errors.Any(e => e.Contains(expected, StringComparison.Ordinal)), $"no error mentions {expected}:\n{string.Join('\n', errors)}");
    }

    [Fact]
    public void Every_field_a_visual_or_filter_names_is_in_the_semantic_model_with_the_right_kind()
    {
        var files = ReportFiles();

        var differences = PbirFieldChecker.Check(files, Model());

        Assert.Empty(differences);
        // The checker saw the report's references: columns and measures of every table the pages draw on.
        var entities = files.SelectMany(f => Descendants(f.Json)).OfType<JsonObject>()
            .Select(o => o["SourceRef"]?["Entity"]?.GetValue<string>()).OfType<string>().ToHashSet(StringComparer.Ordinal);
        Assert.Superset(new HashSet<string>(["fact_arrangement", "dim_authority", "dim_service_area", "dim_date", "dim_submission", "review_name",
            "council_neighbour", "council_peer", "council_opportunity"]), entities);
    }

    [Theory]
    [InlineData("tables/fact_arrangement.tmdl", "\tcolumn region =", "\tcolumn arrangement_region =",
        "definition/pages/overview/visuals/overview_by_region/visual.json: Column fact_arrangement[region]: fact_arrangement has no column region")]
    [InlineData("tables/dim_authority.tmdl", "\tcolumn latitude\n", "\tcolumn lat\n",
        "definition/pages/map/visuals/map_councils/visual.json: Column dim_authority[latitude]: dim_authority has no column latitude")]
    [InlineData("tables/fact_arrangement.tmdl", "\tmeasure 'Total annual savings' =", "\tmeasure 'Annual savings' =",
        "definition/pages/arrangements/visuals/arrangements_table/visual.json: Measure fact_arrangement[Total annual savings]: fact_arrangement has no measure Total annual savings")]
    [InlineData("tables/review_name.tmdl", "table review_name\n", "table names_to_review\n",
        "definition/pages/quality/visuals/quality_review_names/visual.json: Column review_name[status]: the model has no table review_name")]
    [InlineData("tables/dim_authority.tmdl", "\tcolumn name\n", "\tcolumn authority_name\n",
        "definition/pages/council/page.json: Column dim_authority[name]: dim_authority has no column name")]
    public void Field_check_fails_when_the_model_renames_what_the_report_uses(string file, string find, string replace, string expected)
    {
        var applied = false;
        var model = TmdlParser.ReadFolder(Definition, (path, text) =>
        {
            if (!path.Replace('\\', '/').EndsWith(file, StringComparison.Ordinal))
            {
                return text;
            }

            applied = text.Contains(find, StringComparison.Ordinal);
            return text.Replace(find, replace, StringComparison.Ordinal);
        });
        Assert.True(applied, $"the mutation of {file} did not apply, so this test would prove nothing");

        var differences = PbirFieldChecker.Check(ReportFiles(), SemanticModelFields.Of(model));

        Assert.Contains(expected, differences);
    }

    [Theory]
    [InlineData("measure named as a column", "definition/pages/overview/visuals/overview_by_category/visual.json",
        "Column fact_arrangement[Arrangements]: fact_arrangement[Arrangements] is a measure, not a column; refer to it as Measure")]
    [InlineData("column named as a measure", "definition/pages/overview/visuals/overview_by_category/visual.json",
        "Measure dim_service_area[category]: dim_service_area[category] is a column, not a measure; refer to it as Column")]
    [InlineData("implicit measure", "definition/pages/quality/visuals/quality_headline/visual.json",
        "aggregates dim_submission[rows_read] on the fly, but the model discourages implicit measures; add a measure to the TMDL and use it")]
    [InlineData("stale queryRef", "definition/pages/overview/visuals/overview_by_category/visual.json",
        "projection of fact_arrangement[Arrangements] has queryRef 'fact_arrangement.Arrangement count'; it should be 'fact_arrangement.Arrangements'")]
    [InlineData("filter alias unknown", "definition/pages/quality/visuals/quality_review_names/visual.json",
        "field status refers to source 'x', which no From of its filter names")]
    [InlineData("drill-through filter renamed", "definition/pages/council/page.json",
        "drill-through parameter 'council_name' is bound to filter 'council_drillthrough_name', which the page's filterConfig does not have")]
    [InlineData("page missing from pages.json", "definition/pages/pages.json",
        "pageOrder and the page folders differ on 'quality'")]
    [InlineData("misspelt role", "definition/pages/overview/visuals/overview_by_category/visual.json",
        "lineClusteredColumnComboChart has no data role Catgory (it has Category, Series, Y, Y2, Tooltips)")]
    public void Field_check_fails_when_a_visual_names_a_field_wrongly(string mutation, string path, string expected)
    {
        var files = ReportFiles().Select(f => f.Path == path ? f.Copy() : f).ToList();
        var json = files.Single(f => f.Path == path).Json;
        switch (mutation)
        {
            case "measure named as a column":
                Rename(json["visual"]!["query"]!["queryState"]!["Y"]!["projections"]![0]!["field"]!.AsObject(), "Measure", "Column");
                break;
            case "column named as a measure":
                Rename(json["visual"]!["query"]!["queryState"]!["Category"]!["projections"]![0]!["field"]!.AsObject(), "Column", "Measure");
                break;
            case "implicit measure":
                var projections = json["visual"]!["query"]!["queryState"]!["Data"]!["projections"]!.AsArray();
                projections.Add(JsonNode.Parse("""
                    { "field": { "Aggregation": { "Expression": { "Column": { "Expression": { "SourceRef": { "Entity": "dim_submission" } }, "Property": "rows_read" } }, "Function": 0 } },
                      "queryRef": "Sum(dim_submission.rows_read)" }
                    """));
                break;
            case "stale queryRef":
                json["visual"]!["query"]!["queryState"]!["Y"]!["projections"]![0]!["queryRef"] = "fact_arrangement.Arrangement count";
                break;
            case "filter alias unknown":
                json["filterConfig"]!["filters"]![0]!["filter"]!["From"]![0]!["Name"] = "x2";
                json["filterConfig"]!["filters"]![0]!["filter"]!["Where"]![0]!["Condition"]!["In"]!["Expressions"]![0]!["Column"]!["Expression"]!["SourceRef"]!["Source"] = "x";
                break;
            case "drill-through filter renamed":
                json["filterConfig"]!["filters"]![0]!["name"] = "council_filter";
                break;
            case "misspelt role":
                Rename(json["visual"]!["query"]!["queryState"]!.AsObject(), "Category", "Catgory");
                break;
            case "page missing from pages.json":
                json["pageOrder"]!.AsArray().RemoveAt(4);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(mutation), mutation, "no such mutation");
        }

        var differences = PbirFieldChecker.Check(files, Model());

        Assert.Contains($"{path}: {expected}", differences);
    }

    [Fact]
    public void Report_opens_on_the_overview_and_drills_through_to_a_council_and_to_a_service_areas_arrangements()
    {
        var files = ReportFiles().ToDictionary(f => f.Path);

        var pages = files["definition/pages/pages.json"].Json;
        Assert.Equal(["overview", "map", "arrangements", "council", "quality"], pages["pageOrder"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Equal("overview", pages["activePageName"]!.GetValue<string>());
        Assert.Equal(
            ["Overview", "Map", "Arrangements", "Council", "Submissions and quality"],
            pages["pageOrder"]!.AsArray().Select(p => files[$"definition/pages/{p}/page.json"].Json["displayName"]!.GetValue<string>()));

        Assert.Equal("dim_authority.name", DrillthroughField(files["definition/pages/council/page.json"].Json));
        Assert.Equal("dim_service_area.service_area", DrillthroughField(files["definition/pages/arrangements/page.json"].Json));
        // The visuals that lead there show the drill-through field, so Desktop offers "Drill through" on them.
        var map = files["definition/pages/map/visuals/map_councils/visual.json"].Json["visual"]!;
        Assert.Equal("azureMap", map["visualType"]!.GetValue<string>());
        Assert.Equal("dim_authority.name", map["query"]!["queryState"]!["Category"]!["projections"]![0]!["queryRef"]!.GetValue<string>());
        Assert.All(
            new[] { "overview/visuals/overview_by_service_area", "council/visuals/council_by_service_area" },
            v => Assert.Equal("dim_service_area.service_area", files[$"definition/pages/{v}/visual.json"].Json["visual"]!["query"]!["queryState"]!["Category"]!["projections"]![0]!["queryRef"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("council_neighbours", "council_neighbour", new[] { "rank", "neighbour_name", "shares_boundary", "distance_km", "why" })]
    [InlineData("council_peers", "council_peer", new[] { "rank", "peer_name", "why" })]
    [InlineData("council_opportunities", "council_opportunity", new[] { "rank", "service_area", "peers_sharing", "who_shares", "example_arrangements", "example_annual_savings_gbp" })]
    public void Council_page_lists_the_councils_comparison_as_tables_ranked_and_filtered_by_the_drill_through(string visual, string table, string[] columns)
    {
        var files = ReportFiles().ToDictionary(f => f.Path);
        var json = files[$"definition/pages/council/visuals/{visual}/visual.json"].Json["visual"]!;

        Assert.Equal("tableEx", json["visualType"]!.GetValue<string>());
        Assert.Equal(columns.Select(c => $"{table}.{c}"), json["query"]!["queryState"]!["Values"]!["projections"]!.AsArray().Select(p => p!["queryRef"]!.GetValue<string>()));
        Assert.Equal("rank", json["query"]!["sortDefinition"]!["sort"]![0]!["field"]!["Column"]!["Property"]!.GetValue<string>());
        // The page's drill-through filter is on dim_authority; the table is filtered through its active relationship on the council's key.
        Assert.Equal("dim_authority.name", DrillthroughField(files["definition/pages/council/page.json"].Json));
        var relationships = TmdlParser.ReadFolder(Definition).All("relationship").ToList();
        Assert.Contains(relationships, r => r["fromColumn"] == $"{table}.council_authority_key" && r["toColumn"] == "dim_authority.authority_key" && r["isActive"] is null);
        Assert.DoesNotContain(files.Keys, k => k.Contains("council_comparison_placeholder", StringComparison.Ordinal));
    }

    private static string DrillthroughField(JsonNode page)
    {
        Assert.Equal("Drillthrough", page["type"]!.GetValue<string>());
        var field = page["pageBinding"]!["parameters"]![0]!["fieldExpr"]!["Column"]!;
        return $"{field["Expression"]!["SourceRef"]!["Entity"]!.GetValue<string>()}.{field["Property"]!.GetValue<string>()}";
    }

    private static void Rename(JsonObject obj, string from, string to)
    {
        var value = obj[from]!;
        obj.Remove(from);
        obj[to] = value;
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode? node)
    {
        if (node is null)
        {
            yield break;
        }

        yield return node;
        var children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children.SelectMany(Descendants))
        {
            yield return child;
        }
    }
}
