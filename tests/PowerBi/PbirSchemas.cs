using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.PowerBi;

/// <summary>
/// Microsoft's PBIR schemas from the copy in tests/TestData/powerbi-schemas, never from the network: a schema URL
/// <c>https://developer.microsoft.com/json-schemas/&lt;path&gt;</c> is the file <c>&lt;path&gt;</c> there, and the
/// embedded schemas' <c>schema.embedded.json</c> is the file <c>schema-embedded.json</c>.
/// </summary>
internal sealed class PbirSchemas
{
    public const string UrlPrefix = "https://developer.microsoft.com/json-schemas/";

    private readonly string _folder;
    private readonly BuildOptions _options;
    private readonly ConcurrentDictionary<string, JsonSchema> _built = new(StringComparer.Ordinal);

    public PbirSchemas(string folder)
    {
        _folder = folder;
        var registry = new SchemaRegistry();
        // A reference to a schema not yet built (a $ref across files) is read from the local copy; an unknown URL stays unresolved and fails the build.
        registry.Fetch = (uri, _) => FileFor(uri) is { } path ? JsonSchema.FromFile(path, _options, uri) : null;
        _options = new BuildOptions { SchemaRegistry = registry };
    }

    public static PbirSchemas Local { get; } = new(Path.Combine(RepositoryPaths.Root, "tests", "TestData", "powerbi-schemas"));

    /// <summary>Every error of a report file against the schema its <c>$schema</c> names, one readable line each; empty when it is valid.</summary>
    public List<string> Validate(string file, JsonNode document)
    {
        if (document is not JsonObject root || root["$schema"]?.GetValue<string>() is not { } url)
        {
            return [$"{file}: has no $schema"];
        }

        if (FileFor(new Uri(url)) is null)
        {
            return [$"{file}: $schema {url} is not in tests/TestData/powerbi-schemas (copy it there from microsoft/json-schemas)"];
        }

        var schema = _built.GetOrAdd(url, u => JsonSchema.FromFile(FileFor(new Uri(u))!, _options, new Uri(u)));
        using var json = JsonDocument.Parse(document.ToJsonString());
        var results = schema.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical });
        if (results.IsValid)
        {
            return [];
        }

        var errors = Failures(results)
            .SelectMany(d => d.Errors!.Select(e => $"{file}: at '{d.InstanceLocation}' ({e.Key} of {d.EvaluationPath}): {e.Value}"))
            .ToList();
        return errors.Count > 0 ? errors : [$"{file}: does not match {url}"];
    }

    // Only the failing branches: a oneOf or anyOf that matched one alternative says nothing about the others.
    private static IEnumerable<EvaluationResults> Failures(EvaluationResults result)
    {
        if (result.IsValid)
        {
            yield break;
        }

        if (result.Errors is { Count: > 0 })
        {
            yield return result;
        }

        foreach (var failure in (result.Details ?? []).SelectMany(Failures))
        {
            yield return failure;
        }
    }

    private string? FileFor(Uri uri)
    {
        var url = uri.GetLeftPart(UriPartial.Path);
        if (!url.StartsWith(UrlPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var relative = url[UrlPrefix.Length..];
        if (relative.EndsWith("/schema.embedded.json", StringComparison.Ordinal))
        {
            relative = relative[..^"schema.embedded.json".Length] + "schema-embedded.json";
        }

        var path = Path.Combine(_folder, relative.Replace('/', Path.DirectorySeparatorChar));
        return File.Exists(path) ? path : null;
    }
}
