using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace SharedServicesPipeline.Tests.Infra;

/// <summary>Reading compiled ARM templates: resources at any depth of nested (module) deployments.</summary>
internal static class Arm
{
    /// <summary>Every deployed resource, nested deployments' included; existing references are skipped.</summary>
    public static IEnumerable<JsonObject> Resources(JsonObject template)
    {
        // languageVersion 2.0 templates keep resources in an object keyed by symbolic name.
        var top = template["resources"] switch
        {
            JsonArray array => array.OfType<JsonObject>(),
            JsonObject map => map.Select(p => p.Value).OfType<JsonObject>(),
            _ => [],
        };
        foreach (var resource in top.Where(r => r["existing"]?.GetValue<bool>() != true))
        {
            yield return resource;
            if (resource["properties"]?["template"] is JsonObject nested)
            {
                foreach (var inner in Resources(nested))
                {
                    yield return inner;
                }
            }
        }
    }

    public static List<JsonObject> OfType(JsonObject template, string type) =>
        Resources(template)
            .Where(r => string.Equals(Str(r["type"]), type, StringComparison.OrdinalIgnoreCase))
            .ToList();

    public static JsonObject Single(JsonObject template, string type)
    {
        var found = OfType(template, type);
        Assert.True(found.Count == 1, $"expected one {type}, found {found.Count}");
        return found[0];
    }

    public static string Str(JsonNode? node) => node?.GetValue<string>() ?? "";

    /// <summary>JSON text as written, quotes and all unescaped, for searching in expressions.</summary>
    public static string Text(JsonNode node) => node.ToJsonString(Unescaped);

    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static bool Bool(JsonNode? node) => node?.GetValue<bool>() ?? false;

    /// <summary>The app settings of the Function App as name → value (values may be ARM expressions).</summary>
    public static Dictionary<string, string> AppSettings(JsonObject template)
    {
        var site = Single(template, "Microsoft.Web/sites");
        var settings = site["properties"]?["siteConfig"]?["appSettings"] as JsonArray;
        Assert.NotNull(settings); // a literal list, so every setting is visible here
        return settings.OfType<JsonObject>().ToDictionary(s => Str(s["name"]), s => Str(s["value"]), StringComparer.Ordinal);
    }
}
