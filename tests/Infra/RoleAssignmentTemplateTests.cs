using System.Text.Json.Nodes;
using Xunit;
using static SharedServicesPipeline.Tests.Infra.Arm;

namespace SharedServicesPipeline.Tests.Infra;

[Collection(CompiledInfraGroup.Name)]
public sealed class RoleAssignmentTemplateTests(CompiledInfra infra)
{
    private const string StorageAccount = "resourceId('Microsoft.Storage/storageAccounts'";
    private const string AppInsights = "resourceId('Microsoft.Insights/components'";

    // Built-in role definition id → the resource it may be granted on.
    private static readonly Dictionary<string, string> Allowed = new(StringComparer.Ordinal)
    {
        ["b7e6dc6d-f1e8-4753-8033-0f276bb0955b"] = StorageAccount, // Storage Blob Data Owner (app)
        ["974c5e8b-45b9-4653-ba55-5f855dd0fb88"] = StorageAccount, // Storage Queue Data Contributor (app)
        ["0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3"] = StorageAccount, // Storage Table Data Contributor (app, opt-in)
        ["3913510d-42f4-4e42-8a64-420c390055eb"] = AppInsights, // Monitoring Metrics Publisher (app)
        ["ba92f5b4-2d11-453d-a403-e96b0029c9fe"] = StorageAccount, // Storage Blob Data Contributor (deployer)
    };

    // The app's and the deployer's; a council submitter's (an ABAC condition on one container) is CouncilSubmitterTemplateTests'.
    private List<JsonObject> Assignments => [.. OfType(infra.Main, "Microsoft.Authorization/roleAssignments").Where(a => a["properties"]!["condition"] is null)];

    [Fact]
    public void Every_role_assignment_is_scoped_to_a_specific_resource()
    {
        Assert.NotEmpty(Assignments);
        foreach (var assignment in Assignments)
        {
            var scope = Str(assignment["scope"]);
            Assert.True(
                scope.Contains(StorageAccount, StringComparison.Ordinal) || scope.Contains(AppInsights, StringComparison.Ordinal),
                $"role assignment {assignment["name"]} has scope '{scope}', not a storage account or App Insights component");
        }
    }

    [Fact]
    public void Role_assignments_grant_only_the_expected_roles_on_the_expected_resources()
    {
        var granted = Assignments.Select(a => (Role: RoleId(a), Scope: Str(a["scope"]))).ToList();
        Assert.All(granted, g =>
        {
            Assert.True(Allowed.TryGetValue(g.Role, out var resource), $"unexpected role {g.Role}");
            Assert.Contains(resource, g.Scope, StringComparison.Ordinal);
        });
        Assert.Equal(Allowed.Keys.Order(), granted.Select(g => g.Role).Order());
    }

    [Fact]
    public void App_identity_holds_blob_owner_queue_contributor_and_metrics_publisher()
    {
        var appRoles = Assignments
            .Where(a => Str(a["properties"]!["principalId"]).Contains("identityPrincipalId", StringComparison.Ordinal))
            .Where(a => a["condition"] is null)
            .Select(RoleId)
            .Order();
        Assert.Equal(
            ["3913510d-42f4-4e42-8a64-420c390055eb", "974c5e8b-45b9-4653-ba55-5f855dd0fb88", "b7e6dc6d-f1e8-4753-8033-0f276bb0955b"],
            appRoles);
    }

    [Fact]
    public void Table_data_role_is_granted_only_when_asked_for()
    {
        var table = Assert.Single(Assignments, a => RoleId(a) == "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3");
        Assert.Equal("[parameters('grantTableData')]", Str(table["condition"]));
        Assert.False(infra.Main["parameters"]!["grantTableData"]!["defaultValue"]!.GetValue<bool>());
    }

    private static string RoleId(JsonObject assignment)
    {
        var definition = Str(assignment["properties"]!["roleDefinitionId"]);
        var id = Allowed.Keys.FirstOrDefault(k => definition.Contains(k, StringComparison.OrdinalIgnoreCase));
        return id ?? definition;
    }
}
