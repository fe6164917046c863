using ClosedXML.Excel;
using SharedServicesPipeline.Publishing;
using SharedServicesPipeline.Publishing.Dashboard;
using SharedServicesPipeline.Pipeline.Reading;
using SharedServicesPipeline.Pipeline.Reference;
using SharedServicesPipeline.Pipeline.Submissions;
using SharedServicesPipeline.Pipeline.Validation;
using SharedServicesPipeline.Tests.Extracts;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Reporting;

/// <summary>The blank submission template is generated from what the reader and validator accept, and round-trips.</summary>
public sealed class SubmissionTemplateTests
{
    private static XLWorkbook Template() => new(new MemoryStream(SubmissionTemplate.Write(AuthorityRegister.BuiltIn, ServiceAreaTaxonomy.BuiltIn)));

    [Fact]
    public void Template_columns_are_the_readers_with_a_description_each()
    {
        using var workbook = Template();
        var sheet = workbook.Worksheet(SubmissionTemplate.DataSheet);
        var headers = sheet.Row(1).CellsUsed().Select(c => c.GetString()).ToList();

        Assert.Equal(TemplateColumns.InTemplate.Select(TemplateColumns.DisplayName), headers);
        Assert.Equal(Enum.GetValues<TemplateColumn>().Where(c => c != TemplateColumn.Submitter), headers.Select(h => HeaderSynonyms.BuiltIn.Resolve(h)!.Value));
        Assert.All(sheet.Row(1).CellsUsed(), c => Assert.True(c.HasComment && c.Comment.Text.Length > 10, $"{c.GetString()} has no description"));
        Assert.All(TemplateColumns.Required, c => Assert.StartsWith("Required.", sheet.Cell(1, headers.IndexOf(TemplateColumns.DisplayName(c)) + 1).Comment.Text, StringComparison.Ordinal));
        Assert.All(Enumerable.Range(1, headers.Count), c => Assert.True(sheet.Column(c).Width > 10, "widths are set, never measured"));
    }

    [Fact]
    public void Template_lists_are_exactly_the_values_the_validator_knows_and_each_reads_back_as_itself()
    {
        using var workbook = Template();
        var lists = ListsByColumn(workbook);

        Assert.Equal(ServiceAreaTaxonomy.BuiltIn.Areas.Select(a => a.Name), lists["Service area"]);
        Assert.All(lists["Service area"], a => Assert.Equal(a, ServiceAreaTaxonomy.BuiltIn.Resolve(a)!.Name));
        Assert.Equal(["Live", "Planned", "Ended"], lists["Status"]);
        Assert.All(lists["Status"], s => Assert.Equal(s, StatusVocabulary.BuiltIn.Resolve(s, out _)));
        Assert.Equal(ChoiceNormaliser.Governances, lists["Governance"]);
        Assert.All(lists["Governance"], g => Assert.Equal(g, ChoiceNormaliser.Governance(g)));
        Assert.Equal(ChoiceNormaliser.DeliveryModels, lists["Delivery model"]);
        Assert.All(lists["Delivery model"], d => Assert.Equal(d, ChoiceNormaliser.DeliveryModel(d)));
        Assert.All(lists["Arrangement type"], t => Assert.NotNull(ServiceAreaTaxonomy.CategoryOfType(t)));
        Assert.Equal(
            ServiceAreaTaxonomy.Categories.Where(c => c != ServiceAreaTaxonomy.OtherCategory).Order(StringComparer.Ordinal),
            lists["Arrangement type"].Select(ServiceAreaTaxonomy.CategoryOfType).Order(StringComparer.Ordinal));

        var councils = AuthorityRegister.BuiltIn.Authorities.Where(a => a.IsCouncil && a.ValidTo is null).Select(a => a.Name).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(councils, lists["Lead authority"]);
        var matcher = AuthorityMatcher.CreateBuiltIn();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.All(lists["Lead authority"], name => Assert.Equal(name, matcher.Match(name, today).Authority?.Name));
    }

    [Fact]
    public void Template_guidance_lists_every_header_synonym_the_reader_knows_and_the_template_version()
    {
        using var workbook = Template();
        var guidance = workbook.Worksheet(SubmissionTemplate.GuidanceSheet);
        var rows = guidance.RowsUsed().Where(r => r.RowNumber() > 5).ToDictionary(r => r.Cell(1).GetString(), r => r.Cell(5).GetString());

        // Read from the data file itself, not through the reader's own loader.
        var synonyms = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "pipeline", "Reading", "Data", "header_synonyms.csv")).Skip(1)
            .Select(l => l.Split(',', 2)).Where(p => p[0] != nameof(TemplateColumn.Submitter))
            .GroupBy(p => Enum.Parse<TemplateColumn>(p[0]), p => p[1].Trim('"'));
        foreach (var column in synonyms)
        {
            var listed = rows[TemplateColumns.DisplayName(column.Key)].Split("; ");
            Assert.Equal(column.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
            Assert.All(listed, h => Assert.Equal(column.Key, HeaderSynonyms.BuiltIn.Resolve(h)));
        }

        Assert.Equal(TemplateColumns.InTemplate.Select(TemplateColumns.DisplayName), rows.Keys);
        var version = SubmissionTemplate.Version(ServiceAreaTaxonomy.BuiltIn);
        Assert.Matches(@"^1\.[0-9a-f]{8}$", version);
        Assert.Equal(version, guidance.Cell(2, 2).GetString());
        Assert.Equal(version, workbook.CustomProperty("TemplateVersion").GetValue<string>());
    }

    [Fact]
    public async Task A_filled_in_template_loads_every_row_with_no_warning()
    {
        using var workbook = Template();
        var examples = workbook.Worksheet(SubmissionTemplate.ExamplesSheet);
        Assert.Equal(SubmissionTemplate.Examples.Count, examples.RowsUsed().Count() - 1);
        examples.Range(2, 1, SubmissionTemplate.Examples.Count + 1, TemplateColumns.TemplateCount).CopyTo(workbook.Worksheet(SubmissionTemplate.DataSheet).Cell(2, 1));
        using var filled = new MemoryStream();
        workbook.SaveAs(filled);
        filled.Position = 0;

        await using var mart = await TestMart.CreateAsync();
        var outcome = await mart.IngestAsync(filled, "filled-in-template.xlsx");

        Assert.Equal(SubmissionDisposition.Processed, outcome.Disposition);
        Assert.Empty(outcome.Problems);
        Assert.Equal((3, 3), (outcome.RowsRead, outcome.RowsAccepted));
    }

    [Fact]
    public async Task Every_refresh_publishes_the_template_and_the_dashboard_links_to_it()
    {
        await using var mart = await TestMart.CreateAsync();
        await mart.RefreshAsync();

        var run = PublishedRun.Latest(mart.ExtractsPath);
        using var published = new XLWorkbook(run.PathOf(SubmissionTemplate.FileName));
        Assert.Equal([SubmissionTemplate.DataSheet, SubmissionTemplate.GuidanceSheet, SubmissionTemplate.ExamplesSheet, SubmissionTemplate.ListsSheet],
            published.Worksheets.Select(w => w.Name));
        Assert.Contains($"href=\"{SubmissionTemplate.FileName}\"", await File.ReadAllTextAsync(run.PathOf(DashboardArtifact.FileName)), StringComparison.Ordinal);
    }

    /// <summary>Each drop-down list of the Arrangements sheet, by its column's header, read from the range its validation names.</summary>
    private static Dictionary<string, List<string>> ListsByColumn(XLWorkbook workbook)
    {
        var data = workbook.Worksheet(SubmissionTemplate.DataSheet);
        var lists = new Dictionary<string, List<string>>();
        foreach (var validation in data.DataValidations)
        {
            Assert.Equal(XLAllowedValues.List, validation.AllowedValues);
            var range = validation.Ranges.Single();
            Assert.Equal((2, SubmissionTemplate.ListedRows + 1), (range.FirstRow().RowNumber(), range.LastRow().RowNumber()));
            var header = data.Cell(1, range.FirstColumn().ColumnNumber()).GetString();
            var source = validation.Value.TrimStart('=').Split('!');
            var values = workbook.Worksheet(source[0].Trim('\'')).Range(source[1].Replace("$", "", StringComparison.Ordinal)).Cells().Select(c => c.GetString()).ToList();
            lists.Add(header, values);
        }

        Assert.Equal(
            new[] { "Arrangement type", "Delivery model", "Governance", "Lead authority", "Service area", "Status" },
            lists.Keys.Order(StringComparer.Ordinal));
        return lists;
    }
}
