using System.Xml.Linq;
using SharedServicesPipeline.Pipeline.Validation;
using SharedServicesPipeline.Publishing;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Architecture;

/// <summary>
/// The core (pipeline/) builds and tests alone: it references neither the publishing assembly nor what only publishing
/// needs (Parquet.Net, the dashboard's Node packages), nor Azure or EF Core, nor ClosedXML: the submitter's report.xlsx
/// is streamed by the core's own writer, so an ingest never loads ClosedXML. CsvHelper (the embedded reference CSVs) is
/// the core's own.
/// </summary>
public sealed class CoreIndependenceTests
{
    private static readonly string[] ForbiddenPrefixes =
        ["SharedServicesPipeline.Publishing", "SharedServicesPipeline.DataMart", "Parquet", "Azure.", "Microsoft.Azure", "Microsoft.EntityFrameworkCore", "Microsoft.Data"];

    [Fact]
    public void Core_assembly_references_no_publishing_parquet_azure_ef_or_closedxml_assembly()
    {
        var references = typeof(ArrangementValidator).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.Contains("CsvHelper", references);
        Assert.DoesNotContain(references, r => r.StartsWith("ClosedXML", StringComparison.Ordinal) || r.StartsWith("DocumentFormat.OpenXml", StringComparison.Ordinal));

        var offenders = references.Where(r => ForbiddenPrefixes.Any(p => r.StartsWith(p, StringComparison.Ordinal))).ToList();
        Assert.True(offenders.Count == 0, "the core references " + string.Join(", ", offenders));
    }

    [Fact]
    public void Publishing_assembly_is_the_one_that_carries_parquet_and_the_dashboard()
    {
        var publishing = typeof(ExtractPublisher).Assembly;
        Assert.Contains(publishing.GetReferencedAssemblies(), a => a.Name == "Parquet");
        Assert.Contains("SharedServicesPipeline.Dashboard.echarts.min.js", publishing.GetManifestResourceNames());
        Assert.DoesNotContain(typeof(ArrangementValidator).Assembly.GetManifestResourceNames(), n => n.Contains("Dashboard", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Core_project_as_msbuild_evaluates_it_imports_no_node_target_and_runs_no_npm()
    {
        var core = await EvaluateAsync(Path.Combine("pipeline", "SharedServicesPipeline.Pipeline.csproj"));
        Assert.Contains(core.Imports, i => i.EndsWith("Directory.Build.props", StringComparison.Ordinal));
        Assert.DoesNotContain(core.Imports, IsNodeTarget);
        Assert.DoesNotContain(core.Commands, RunsNode);

        // The same check sees the dashboard's target where it is: in publishing.
        var publishing = await EvaluateAsync(Path.Combine("publishing", "SharedServicesPipeline.Publishing.csproj"));
        Assert.Contains(publishing.Imports, IsNodeTarget);
        Assert.Contains(publishing.Commands, RunsNode);
    }

    private static bool IsNodeTarget(string import) =>
        import.StartsWith(Path.Combine(RepositoryPaths.Root, "dashboard") + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static bool RunsNode(string command) =>
        command.Contains("npm", StringComparison.OrdinalIgnoreCase) || command.Contains("node ", StringComparison.OrdinalIgnoreCase);

    /// <summary>The project as MSBuild evaluates it (every import: Directory.Build.props, the SDK, the project's own).</summary>
    private static async Task<(IReadOnlyList<string> Imports, IReadOnlyList<string> Commands)> EvaluateAsync(string relativeProject)
    {
        using var folder = new TempFolder();
        var evaluated = folder.File("evaluated.xml");
        var project = Path.Combine(RepositoryPaths.Root, relativeProject);
        var (exitCode, output, error) = await ChildProcess.RunAsync("dotnet", ["msbuild", project, $"-preprocess:{evaluated}", "-nologo"], timeout: TimeSpan.FromMinutes(2));
        Assert.True(exitCode == 0, $"dotnet msbuild -preprocess {relativeProject} failed ({exitCode}): {output}{error}");

        // -preprocess inlines each import after a comment that names the imported file's full path on a line of its own.
        var xml = XDocument.Load(evaluated);
        var imports = xml.DescendantNodes().OfType<XComment>()
            .SelectMany(c => c.Value.Split('\n'))
            .Select(line => line.Trim())
            .Where(line => Path.IsPathFullyQualified(line) && (line.EndsWith(".props", StringComparison.Ordinal) || line.EndsWith(".targets", StringComparison.Ordinal)))
            .ToList();
        var commands = xml.Descendants().Where(e => e.Name.LocalName == "Exec").Select(e => (string?)e.Attribute("Command") ?? "").ToList();
        return (imports, commands);
    }
}
