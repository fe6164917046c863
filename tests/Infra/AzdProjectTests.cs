using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Xunit;

namespace SharedServicesPipeline.Tests.Infra;

/// <summary>azure.yaml, main.parameters.json and the hooks agree with what main.bicep declares.</summary>
[Collection(CompiledInfraGroup.Name)]
public sealed partial class AzdProjectTests(CompiledInfra infra)
{
    [Fact]
    public void Parameters_file_sets_only_parameters_main_declares()
    {
        var file = JsonNode.Parse(File.ReadAllText(infra.InfraPath("main.parameters.json")))!;
        var declared = infra.Main["parameters"]!.AsObject().Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        Assert.All(file["parameters"]!.AsObject(), p => Assert.Contains(p.Key, declared));
    }

    [Fact]
    public void Hooks_read_only_variables_main_outputs()
    {
        var outputs = infra.Main["outputs"]!.AsObject().Select(o => o.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var hook in new[] { "postprovision.sh", "postdeploy.sh" })
        {
            var script = File.ReadAllText(infra.InfraPath("hooks", hook));
            var read = AzdVariable().Matches(script).Select(m => m.Groups[1].Value).Distinct().ToList();
            Assert.NotEmpty(read);
            Assert.All(read, name => Assert.True(outputs.Contains(name), $"{hook} reads {name}, which main.bicep does not output"));
        }
    }

    [Fact]
    public void Azure_yaml_deploys_the_functions_project_as_a_function_app_and_runs_the_hooks()
    {
        var yaml = File.ReadAllText(Path.Combine(infra.RepositoryRoot, "azure.yaml"));
        Assert.Contains("  functions:\n    project: ./functions\n    language: dotnet\n    host: function\n", yaml, StringComparison.Ordinal);
        Assert.Contains("run: ./infra/hooks/postprovision.sh", yaml, StringComparison.Ordinal);
        Assert.Contains("run: ./infra/hooks/postdeploy.sh", yaml, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\b(AZURE_[A-Z_]+)\b")]
    private static partial Regex AzdVariable();
}
