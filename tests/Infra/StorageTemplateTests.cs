using System.Text.Json.Nodes;
using Xunit;
using static SharedServicesPipeline.Tests.Infra.Arm;

namespace SharedServicesPipeline.Tests.Infra;

[Collection(CompiledInfraGroup.Name)]
public sealed class StorageTemplateTests(CompiledInfra infra)
{
    private JsonObject Account => Single(infra.Main, "Microsoft.Storage/storageAccounts")["properties"]!.AsObject();

    [Fact]
    public void Storage_account_disallows_shared_key_access()
    {
        Assert.False(Bool(Account["allowSharedKeyAccess"]));
        Assert.True(Bool(Account["defaultToOAuthAuthentication"]));
    }

    [Fact]
    public void Storage_account_requires_tls_1_2_over_https()
    {
        Assert.Equal("TLS1_2", Str(Account["minimumTlsVersion"]));
        Assert.True(Bool(Account["supportsHttpsTrafficOnly"]));
    }

    [Fact]
    public void Storage_account_disallows_public_blob_access()
    {
        Assert.False(Bool(Account["allowBlobPublicAccess"]));
        var containers = Single(infra.Main, "Microsoft.Storage/storageAccounts/blobServices/containers");
        Assert.Equal("None", Str(containers["properties"]!["publicAccess"]));
    }

    [Fact]
    public void Storage_account_has_every_pipeline_container()
    {
        var declared = infra.Main["variables"]!["dataContainers"]!.AsArray().Select(Str);
        Assert.Equal(["incoming", "processed", "rejected", "reports", "extracts", "reference"], declared);
    }

    [Fact]
    public void Storage_account_creates_the_hosts_containers_and_queues_so_roles_can_be_scoped_to_them()
    {
        var storage = new ArmModule(infra.Main, "storage");
        var containers = Single(infra.Main, "Microsoft.Storage/storageAccounts/blobServices/containers");
        Assert.Equal(
            "[length(concat(parameters('dataContainers'), parameters('hostContainers'), createArray(parameters('deploymentContainerName'), parameters('deadLetterContainerName'))))]",
            Str(containers["copy"]!["count"]));
        Assert.Equal(["azure-webjobs-hosts", "azure-webjobs-secrets"], storage.Parameter("hostContainers")!.AsArray().Select(Str));
        Assert.Equal("app-package", Str(storage.Parameter("deploymentContainerName")));

        var queues = Single(infra.Main, "Microsoft.Storage/storageAccounts/queueServices/queues");
        Assert.Equal("[length(parameters('queues'))]", Str(queues["copy"]!["count"]));
        Assert.Equal("[variables('blobTriggerQueues')]", Str(storage.Deployment["properties"]!["parameters"]!["queues"]!["value"]));
    }
}
