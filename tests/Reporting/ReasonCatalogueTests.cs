using System.Text;
using System.Text.RegularExpressions;
using SharedServicesPipeline.Pipeline.Submissions;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Reporting;

/// <summary>One catalogue of reason codes: every code the pipeline raises is in it, and samples/README.md is generated from it.</summary>
public sealed partial class ReasonCatalogueTests
{
    private const string Start = "<!-- reason-codes: generated from pipeline/Submissions/Data/reason_codes.csv by tests/Reporting/ReasonCatalogueTests (SSP_UPDATE_DOCS=1 rewrites it) -->";
    private const string End = "<!-- /reason-codes -->";

    // Every lower-case dotted literal in pipeline/ is a reason code, but for the names of files.
    private static readonly HashSet<string> FileExtensions = ["csv", "json", "geojson", "xml", "xlsx", "html", "css", "js", "parquet", "png"];

    [Fact]
    public void Every_reason_code_raised_in_the_pipeline_is_in_the_catalogue_and_every_entry_is_raised()
    {
        var raised = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "pipeline"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => CodeLiteral().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Where(c => !FileExtensions.Contains(c[(c.LastIndexOf('.') + 1)..]))
            .ToHashSet();
        Assert.True(raised.Count > 40, $"the scan should find the codes ({raised.Count} found)");

        var missing = raised.Where(c => !ReasonCatalogue.BuiltIn.Contains(c)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, $"raised but not in reason_codes.csv: {string.Join(", ", missing)}");
        var stale = ReasonCatalogue.BuiltIn.All.Select(r => r.Code).Where(c => !raised.Contains(c)).ToList();
        Assert.True(stale.Count == 0, $"in reason_codes.csv but never raised: {string.Join(", ", stale)}");
        Assert.All(ReasonCatalogue.BuiltIn.All, r =>
        {
            Assert.False(string.IsNullOrWhiteSpace(r.Title), $"{r.Code} has no title");
            Assert.False(string.IsNullOrWhiteSpace(r.Explanation), $"{r.Code} has no explanation");
            Assert.False(string.IsNullOrWhiteSpace(r.Fix), $"{r.Code} has no fix");
            Assert.Equal(r.Code.StartsWith("file.", StringComparison.Ordinal), r.Kind == ReasonKind.FileError);
        });
    }

    [Fact]
    public async Task Samples_readme_reason_code_tables_are_the_catalogue()
    {
        var path = Path.Combine(RepositoryPaths.Root, "samples", "README.md");
        var readme = await File.ReadAllTextAsync(path);
        var start = readme.IndexOf(Start, StringComparison.Ordinal);
        var end = readme.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"samples/README.md has no generated reason-code block ({Start} … {End})");

        var expected = Start + "\n\n" + Tables(ReasonCatalogue.BuiltIn) + End;
        if (Environment.GetEnvironmentVariable("SSP_UPDATE_DOCS") == "1")
        {
            await File.WriteAllTextAsync(path, readme[..start] + expected + readme[(end + End.Length)..]);
            return;
        }

        Assert.Equal(expected, readme[start..(end + End.Length)].ReplaceLineEndings("\n"));
    }

    /// <summary>The catalogue as Markdown tables, one per severity, in the catalogue's order.</summary>
    internal static string Tables(ReasonCatalogue catalogue)
    {
        var text = new StringBuilder();
        foreach (var (kind, heading) in new[]
        {
            (ReasonKind.FileError, "**File errors** (must fix): nothing in the file is loaded; the file is kept (Azure: `rejected/{yyyy}/{MM}/{dd}/{name}`)."),
            (ReasonKind.RowError, "**Row errors** (must fix): the row is not loaded; the rest of the file is."),
            (ReasonKind.Held, "**Held for review**: the row is kept and loads once the partner is resolved (an operator adds an alias), or when you resubmit with the full name."),
            (ReasonKind.Warning, "**Warnings** (advice): the row loads; check what was done."),
        })
        {
            text.Append(heading).Append("\n\n| Code | Problem | What it means | What to do |\n|---|---|---|---|\n");
            foreach (var reason in catalogue.All.Where(r => r.Kind == kind))
            {
                text.Append($"| `{reason.Code}` | {Cell(reason.Title)} | {Cell(reason.Explanation)} | {Cell(reason.Fix)} |\n");
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);

    [GeneratedRegex("\"([a-z]+(?:-[a-z]+)*\\.[a-z]+(?:-[a-z]+)*)\"")]
    private static partial Regex CodeLiteral();
}
