using System.Text.Json.Nodes;
using Xunit;
using static SharedServicesPipeline.Tests.Infra.Arm;

namespace SharedServicesPipeline.Tests.Infra;

/// <summary>
/// infra/modules/council-submitter.bicep, as main.bicep deploys it for the example council: its identity may write only
/// under incoming/&lt;GSS code&gt;/, by an Azure ABAC condition on a Storage Blob Data Contributor assignment.
/// </summary>
[Collection(CompiledInfraGroup.Name)]
public sealed class CouncilSubmitterTemplateTests(CompiledInfra infra)
{
    private const string BlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";

    private JsonObject Module => (JsonObject)((JsonObject)infra.Main["resources"]!)["councilSubmitter"]!;

    private JsonObject Assignment => Single((JsonObject)Module["properties"]!["template"]!, "Microsoft.Authorization/roleAssignments");

    [Fact]
    public void The_example_council_is_Adur_deployed_only_when_its_identity_is_given_and_limited_to_the_incoming_container()
    {
        Assert.Equal("E07000223", Str(infra.Main["parameters"]!["councilSubmitterCode"]!["defaultValue"]));
        Assert.Equal("", Str(infra.Main["parameters"]!["councilSubmitterPrincipalId"]!["defaultValue"]));
        Assert.Contains("not(empty(parameters('councilSubmitterPrincipalId')))", Str(Module["condition"]), StringComparison.Ordinal);
        var parameters = Module["properties"]!["parameters"]!;
        Assert.Equal("incoming", Str(parameters["containerName"]!["value"]));
        Assert.Equal("[parameters('councilSubmitterCode')]", Str(parameters["councilCode"]!["value"]));
    }

    [Fact]
    public void The_council_holds_blob_data_contributor_on_the_incoming_container_only()
    {
        Assert.EndsWith($"'{BlobDataContributor}')]", Str(Assignment["properties"]!["roleDefinitionId"]), StringComparison.Ordinal);
        Assert.StartsWith("[resourceId('Microsoft.Storage/storageAccounts/blobServices/containers', parameters('storageAccountName'), 'default', parameters('containerName'))]",
            Str(Assignment["scope"]), StringComparison.Ordinal);
        Assert.Equal("2.0", Str(Assignment["properties"]!["conditionVersion"]));
    }

    [Fact]
    public void The_condition_limits_every_blob_action_to_the_council_s_prefix_of_the_incoming_container()
    {
        var condition = ConditionFor("E07000223", "incoming");

        foreach (var action in new[] { "blobs/read'} AND NOT SubOperationMatches{'Blob.List'}", "blobs/write'}", "blobs/add/action'}", "blobs/delete'}" })
        {
            Assert.Contains($"!(ActionMatches{{'Microsoft.Storage/storageAccounts/blobServices/containers/{action})", condition, StringComparison.Ordinal);
        }

        Assert.Contains("@Resource[Microsoft.Storage/storageAccounts/blobServices/containers:name] StringEquals 'incoming'", condition, StringComparison.Ordinal);
        Assert.Contains("@Resource[Microsoft.Storage/storageAccounts/blobServices/containers/blobs:path] StringStartsWith 'E07000223/'", condition, StringComparison.Ordinal);
        // Listing is limited by the request's prefix: a council cannot list other councils' files either.
        Assert.Contains("!(ActionMatches{'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read'} AND SubOperationMatches{'Blob.List'})", condition, StringComparison.Ordinal);
        Assert.Contains("@Request[Microsoft.Storage/storageAccounts/blobServices/containers/blobs:prefix] StringStartsWith 'E07000223/'", condition, StringComparison.Ordinal);
        Assert.DoesNotContain("{prefix}", condition, StringComparison.Ordinal);
        Assert.DoesNotContain("{container}", condition, StringComparison.Ordinal);
    }

    [Fact]
    public void The_condition_is_the_one_the_module_assigns()
    {
        var template = (JsonObject)Module["properties"]!["template"]!;
        Assert.Equal("[variables('condition')]", Str(Assignment["properties"]!["condition"]));
        Assert.Equal(
            "[replace(replace(trim(variables('conditionTemplate')), '{container}', parameters('containerName')), '{prefix}', format('{0}/', toUpper(parameters('councilCode'))))]",
            Str(template["variables"]!["condition"]));
    }

    // The module's condition as ARM evaluates it for one council (the expression is checked above).
    private string ConditionFor(string councilCode, string container)
    {
        var template = (JsonObject)Module["properties"]!["template"]!;
        return Str(template["variables"]!["conditionTemplate"]).Trim()
            .Replace("{container}", container, StringComparison.Ordinal)
            .Replace("{prefix}", councilCode.ToUpperInvariant() + "/", StringComparison.Ordinal);
    }
}
