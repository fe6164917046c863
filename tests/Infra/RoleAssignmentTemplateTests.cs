using System.Text.Json.Nodes;
using Xunit;
using static SharedServicesPipeline.Tests.Infra.Arm;

namespace SharedServicesPipeline.Tests.Infra;

/// <summary>
/// The app's identity holds roles on the containers, queues and services it uses, never on the storage account; the
/// deployment package is writable only by the deployment identity.
/// </summary>
[Collection(CompiledInfraGroup.Name)]
public sealed class RoleAssignmentTemplateTests(CompiledInfra infra)
{
    private const string BlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
    private const string BlobDataReader = "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1";
    private const string BlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string BlobDelegator = "db58b8e5-c6ad-4a2a-8342-4190687cbf4a";
    private const string QueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string TableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string MetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";

    private const string Container = "[resourceId('Microsoft.Storage/storageAccounts/blobServices/containers', parameters('storageAccountName'), 'default', ";
    private const string Queue = "[resourceId('Microsoft.Storage/storageAccounts/queueServices/queues', parameters('storageAccountName'), 'default', ";
    private const string BlobService = "[resourceId('Microsoft.Storage/storageAccounts/blobServices', parameters('storageAccountName'), 'default')]";
    private const string TableService = "[resourceId('Microsoft.Storage/storageAccounts/tableServices', parameters('storageAccountName'), 'default')]";
    private const string AppInsights = "[resourceId('Microsoft.Insights/components', parameters('appInsightsName'))]";

    private ArmModule Roles => new(infra.Main, "roles");

    private List<JsonObject> AppAssignments => Roles.OfType("Microsoft.Authorization/roleAssignments")
        .Where(a => Str(a["properties"]!["principalId"]) == "[parameters('identityPrincipalId')]")
        .ToList();

    [Fact]
    public void App_identity_holds_each_role_on_exactly_the_containers_queues_and_services_it_needs()
    {
        var granted = AppAssignments.Select(a => (Role: RoleId(a), Scope: Str(a["scope"]))).OrderBy(g => g.Scope, StringComparer.Ordinal).ToList();

        Assert.Equal(
            new[]
            {
                (BlobDataContributor, Container + "parameters('readWriteContainers')[copyIndex()])]"),
                (BlobDataReader, Container + "parameters('readOnlyContainers')[copyIndex()])]"),
                (BlobDataOwner, Container + "parameters('hostContainers')[copyIndex()])]"),
                (BlobDelegator, BlobService),
                (MetricsPublisher, AppInsights),
                (QueueDataContributor, Queue + "parameters('queues')[copyIndex()])]"),
                (TableDataContributor, TableService),
            }.OrderBy(g => g.Item2, StringComparer.Ordinal),
            granted);
    }

    [Fact]
    public void App_identity_holds_no_role_on_the_storage_account_itself()
    {
        Assert.All(AppAssignments, a => Assert.DoesNotContain("resourceId('Microsoft.Storage/storageAccounts', ", Str(a["scope"]), StringComparison.Ordinal));
        Assert.DoesNotContain(AppAssignments, a => Str(a["scope"]).Length == 0);
    }

    [Fact]
    public void Containers_the_app_writes_are_the_pipeline_containers_but_reference_which_it_only_reads()
    {
        Assert.Equal(
            "[filter(variables('dataContainers'), lambda('c', not(equals(lambdaVariables('c'), 'reference'))))]",
            Str(Roles.Deployment["properties"]!["parameters"]!["readWriteContainers"]!["value"]));
        Assert.Equal(["reference"], Roles.Parameter("readOnlyContainers")!.AsArray().Select(Str));
        Assert.Equal(["azure-webjobs-hosts", "azure-webjobs-secrets"], Roles.Parameter("hostContainers")!.AsArray().Select(Str));
        Assert.DoesNotContain("app-package", Roles.Parameter("readOnlyContainers")!.AsArray().Select(Str));
    }

    [Fact]
    public void App_identity_may_use_only_the_blob_triggers_own_queue_and_its_poison_queue()
    {
        var queues = Roles.Parameter("queues")!.AsArray().Select(Str).ToList();
        Assert.Equal(["[format('azure-webjobs-blobtrigger-{0}', variables('hostId'))]", "[variables('poisonQueueName')]"], queues);
        Assert.Equal("webjobs-blobtrigger-poison", Str(infra.Main["variables"]!["poisonQueueName"]));
        // The host names its blob trigger queue after the host id, which the app setting pins to the app's name.
        Assert.Equal("[variables('functionAppName')]", Str(infra.Main["variables"]!["hostId"]));
        Assert.Equal("[parameters('hostId')]", AppSettings(infra.Main)["AzureFunctionsWebHost__hostid"]);
    }

    [Fact]
    public void Only_the_deployment_identity_can_write_the_deployment_package()
    {
        var onPackage = Roles.OfType("Microsoft.Authorization/roleAssignments")
            .Where(a => Str(a["scope"]) == Container + "parameters('deploymentContainerName'))]")
            .ToList();

        var writer = Assert.Single(onPackage);
        Assert.Equal(BlobDataContributor, RoleId(writer));
        Assert.Equal("[parameters('deploymentIdentityPrincipalId')]", Str(writer["properties"]!["principalId"]));
        Assert.Equal("[reference('deploymentIdentity').outputs.principalId.value]", Str(Roles.Deployment["properties"]!["parameters"]!["deploymentIdentityPrincipalId"]!["value"]));
    }

    [Fact]
    public void Flex_deploys_with_the_deployment_identity_and_the_app_runs_as_the_other()
    {
        var site = Single(infra.Main, "Microsoft.Web/sites");
        var deployment = site["properties"]!["functionAppConfig"]!["deployment"]!["storage"]!["authentication"]!;
        Assert.Equal("[parameters('deploymentIdentityId')]", Str(deployment["userAssignedIdentityResourceId"]));

        // Every identity the app's code and host use is the app identity, never the deployment one.
        var clientIds = AppSettings(infra.Main).Where(s => s.Key.EndsWith("clientId", StringComparison.OrdinalIgnoreCase) || s.Key == "AZURE_CLIENT_ID");
        Assert.All(clientIds, s => Assert.Equal("[parameters('identityClientId')]", s.Value));
        var functionApp = new ArmModule(infra.Main, "functionApp");
        Assert.Equal("[reference('identity').outputs.clientId.value]", Str(functionApp.Deployment["properties"]!["parameters"]!["identityClientId"]!["value"]));
    }

    [Fact]
    public void Event_grid_may_write_only_its_dead_letter_container()
    {
        var topic = new ArmModule(infra.Main, "eventGridTopic");
        var assignment = topic.Single("Microsoft.Authorization/roleAssignments");
        Assert.Equal(BlobDataContributor, RoleId(assignment));
        Assert.Equal(Container + "parameters('deadLetterContainerName'))]", Str(assignment["scope"]));
        Assert.Equal("eventgrid-deadletter", Str(topic.Parameter("deadLetterContainerName")));
        Assert.Contains("Microsoft.EventGrid/systemTopics", Str(assignment["properties"]!["principalId"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Table_data_role_is_granted_only_when_asked_for()
    {
        var table = Assert.Single(AppAssignments, a => RoleId(a) == TableDataContributor);
        Assert.Equal("[parameters('grantTableData')]", Str(table["condition"]));
        Assert.False(infra.Main["parameters"]!["grantTableData"]!["defaultValue"]!.GetValue<bool>());
    }

    [Fact]
    public void Postprovision_hook_grants_the_app_the_static_website_container_alone()
    {
        // $web exists only once the hook turns the static website on, so the hook grants it.
        var hook = File.ReadAllText(infra.InfraPath("hooks", "postprovision.sh"));
        Assert.Contains("--role \"Storage Blob Data Contributor\"", hook, StringComparison.Ordinal);
        Assert.Contains("/blobServices/default/containers/\\$web\"", hook, StringComparison.Ordinal);
        Assert.Contains("--assignee-object-id \"$AZURE_MANAGED_IDENTITY_PRINCIPAL_ID\"", hook, StringComparison.Ordinal);
    }

    private static string RoleId(JsonObject assignment)
    {
        var definition = Str(assignment["properties"]!["roleDefinitionId"]);
        string[] known = [BlobDataContributor, BlobDataReader, BlobDataOwner, BlobDelegator, QueueDataContributor, TableDataContributor, MetricsPublisher];
        return known.FirstOrDefault(k => definition.Contains(k, StringComparison.OrdinalIgnoreCase)) ?? definition;
    }
}
