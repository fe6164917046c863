using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Xunit;

namespace SharedServicesPipeline.Tests.Infra;

/// <summary>
/// One module of a compiled template (a nested deployment, by its Bicep symbolic name), with just enough ARM expression
/// reading to see literal values through it: <c>[parameters('x')]</c> is followed to the value main.bicep passes the
/// module, and on to main's variables and parameter defaults.
/// </summary>
internal sealed partial class ArmModule
{
    private readonly JsonObject _main;

    public ArmModule(JsonObject main, string symbolicName)
    {
        _main = main;
        var deployment = main["resources"]?[symbolicName] as JsonObject;
        Assert.True(deployment is not null, $"main.bicep has no module '{symbolicName}'");
        Deployment = deployment;
    }

    public JsonObject Deployment { get; }

    public JsonObject Template => Deployment["properties"]!["template"]!.AsObject();

    public List<JsonObject> OfType(string type) => Arm.OfType(Template, type);

    public JsonObject Single(string type) => Arm.Single(Template, type);

    /// <summary>The value main.bicep passes this module for a parameter, read through main's variables and defaults.</summary>
    public JsonNode? Parameter(string name)
    {
        var passed = Deployment["properties"]!["parameters"]![name];
        Assert.True(passed is not null, $"module is not passed '{name}'");
        return InMain(passed["value"]);
    }

    /// <summary>A node of the module's template, with a whole-value <c>[parameters('x')]</c> followed to its value.</summary>
    public JsonNode? Resolve(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && WholeParameter().Match(text) is { Success: true } m
            ? Parameter(m.Groups[1].Value)
            : node;

    /// <summary>
    /// A <c>[format('…', parameters('a'), …)]</c> expression as the text it makes: each argument whose value is a literal
    /// string written in, any other as <c>&lt;name&gt;</c>. Other expressions are returned as they are.
    /// </summary>
    public string Render(string expression)
    {
        var call = FormatCall().Match(expression);
        if (!call.Success)
        {
            return expression;
        }

        var arguments = ParameterReference().Matches(call.Groups["args"].Value)
            .Select(a => Parameter(a.Groups[1].Value) is JsonValue v && v.TryGetValue<string>(out var s) && !s.StartsWith('[') ? s : $"<{a.Groups[1].Value}>")
            .ToList();
        return Placeholder().Replace(call.Groups["text"].Value.Replace("''", "'", StringComparison.Ordinal), p => arguments[int.Parse(p.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)]);
    }

    private JsonNode? InMain(JsonNode? node)
    {
        if (node is JsonValue value && value.TryGetValue<string>(out var text))
        {
            if (WholeVariable().Match(text) is { Success: true } v)
            {
                return InMain(_main["variables"]![v.Groups[1].Value]);
            }

            if (WholeParameter().Match(text) is { Success: true } p)
            {
                return InMain(_main["parameters"]![p.Groups[1].Value]!["defaultValue"]);
            }
        }

        return node;
    }

    [GeneratedRegex(@"^\[parameters\('(\w+)'\)\]$")]
    private static partial Regex WholeParameter();

    [GeneratedRegex(@"^\[variables\('(\w+)'\)\]$")]
    private static partial Regex WholeVariable();

    [GeneratedRegex(@"parameters\('(\w+)'\)")]
    private static partial Regex ParameterReference();

    [GeneratedRegex(@"^\[format\('(?<text>(?:[^']|'')*)'(?<args>(?:, parameters\('\w+'\))*)\)\]$")]
    private static partial Regex FormatCall();

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();
}
