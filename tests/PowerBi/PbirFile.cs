using System.Text.Json.Nodes;

namespace SharedServicesPipeline.Tests.PowerBi;

/// <summary>One JSON file of a PBIR report: its path under the report folder ('/'-separated) and its content, which a test may change in memory.</summary>
internal sealed record PbirFile(string Path, JsonNode Json)
{
    /// <summary>definition.pbir and every .json file under definition/, in path order.</summary>
    public static List<PbirFile> ReadReport(string reportFolder)
    {
        var files = new List<string> { System.IO.Path.Combine(reportFolder, "definition.pbir") };
        files.AddRange(Directory.EnumerateFiles(System.IO.Path.Combine(reportFolder, "definition"), "*.json", SearchOption.AllDirectories));
        return [.. files
            .Select(f => new PbirFile(System.IO.Path.GetRelativePath(reportFolder, f).Replace('\\', '/'), JsonNode.Parse(File.ReadAllText(f))!))
            .OrderBy(f => f.Path, StringComparer.Ordinal)];
    }

    public PbirFile Copy() => new(Path, Json.DeepClone());
}
