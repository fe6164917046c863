using System.Text.Json.Nodes;
using Xunit;
using static SharedServicesPipeline.Tests.Infra.Arm;

namespace SharedServicesPipeline.Tests.Infra;

[Collection(CompiledInfraGroup.Name)]
public sealed class FunctionAppTemplateTests(CompiledInfra infra)
{
    private JsonObject Site => Single(infra.Main, "Microsoft.Web/sites");

    private JsonNode FunctionAppConfig => Site["properties"]!["functionAppConfig"]!;

    private Dictionary<string, string> Settings => AppSettings(infra.Main);

    [Fact]
    public void Function_app_runs_on_the_flex_consumption_plan()
    {
        var plan = Single(infra.Main, "Microsoft.Web/serverfarms");
        Assert.Equal("FC1", Str(plan["sku"]!["name"]));
        Assert.Equal("FlexConsumption", Str(plan["sku"]!["tier"]));
        Assert.True(Bool(plan["properties"]!["reserved"]));
    }

    [Fact]
    public void Function_app_runs_dotnet_isolated_10()
    {
        Assert.Equal("dotnet-isolated", Str(FunctionAppConfig["runtime"]!["name"]));
        Assert.Equal("10.0", Str(FunctionAppConfig["runtime"]!["version"]));
    }

    [Fact]
    public void Function_app_reads_its_deployment_package_with_the_managed_identity()
    {
        var storage = FunctionAppConfig["deployment"]!["storage"]!;
        Assert.Equal("blobContainer", Str(storage["type"]));
        Assert.Equal("UserAssignedIdentity", Str(storage["authentication"]!["type"]));
        Assert.Equal("UserAssigned", Str(Site["identity"]!["type"]));
    }

    [Fact]
    public void Function_app_accepts_only_https_with_tls_1_2()
    {
        Assert.True(Bool(Site["properties"]!["httpsOnly"]));
        Assert.Equal("1.2", Str(Site["properties"]!["siteConfig"]!["minTlsVersion"]));
        Assert.Equal("Disabled", Str(Site["properties"]!["siteConfig"]!["ftpsState"]));
    }

    [Fact]
    public void Function_app_disables_basic_publishing_credentials()
    {
        var policies = OfType(infra.Main, "Microsoft.Web/sites/basicPublishingCredentialsPolicies");
        Assert.Equal(2, policies.Count);
        Assert.All(policies, p => Assert.False(Bool(p["properties"]!["allow"])));
    }

    [Theory]
    [InlineData("Storage")] // the blob trigger's connection (IngestSubmission)
    [InlineData("AzureWebJobsStorage")] // the host's own storage
    public void Blob_trigger_and_host_storage_connections_are_identity_based(string prefix)
    {
        var settings = Settings;
        Assert.Equal("managedidentity", settings[$"{prefix}__credential"]);
        Assert.Contains("primaryEndpoints.blob", settings[$"{prefix}__blobServiceUri"], StringComparison.Ordinal);
        Assert.Contains("primaryEndpoints.queue", settings[$"{prefix}__queueServiceUri"], StringComparison.Ordinal);
        Assert.Contains("identityClientId", settings[$"{prefix}__clientId"], StringComparison.Ordinal);
        // A bare prefix would be a connection string, which means a key.
        Assert.DoesNotContain(prefix, settings.Keys);
        Assert.DoesNotContain($"{prefix}__connectionString", settings.Keys);
        Assert.DoesNotContain($"{prefix}__accountKey", settings.Keys);
    }

    [Fact]
    public void Function_app_gets_every_setting_the_app_reads()
    {
        string[] expected =
        [
            "Storage__blobServiceUri", "Storage__queueServiceUri", "Storage__credential", "Storage__clientId",
            "Mart__Provider", "Mart__ConnectionString", "Mart__ApplyMigrations", "RefreshSchedule",
            "PowerBI__WorkspaceId", "PowerBI__DatasetId",
            "APPLICATIONINSIGHTS_CONNECTION_STRING", "APPLICATIONINSIGHTS_AUTHENTICATION_STRING",
        ];
        Assert.All(expected, name => Assert.Contains(name, Settings.Keys));
    }

    [Fact]
    public void Flex_consumption_settings_that_the_platform_rejects_are_absent()
    {
        // Flex takes the runtime from functionAppConfig and deploys from its container.
        string[] rejected =
        [
            "FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION", "WEBSITE_RUN_FROM_PACKAGE",
            "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING", "WEBSITE_CONTENTSHARE", "WEBSITE_TIME_ZONE",
        ];
        Assert.All(rejected, name => Assert.DoesNotContain(name, Settings.Keys));
    }

    [Fact]
    public void Mart_connects_to_sql_server_as_the_managed_identity_and_never_migrates()
    {
        var settings = Settings;
        Assert.Equal("SqlServer", settings["Mart__Provider"]);
        Assert.Equal("false", settings["Mart__ApplyMigrations"]);
        var connection = settings["Mart__ConnectionString"];
        Assert.Contains("Authentication=Active Directory Managed Identity;", connection, StringComparison.Ordinal);
        Assert.Contains("Encrypt=True", connection, StringComparison.Ordinal);
        Assert.Contains(",1433;", connection, StringComparison.Ordinal);
    }

    [Fact]
    public void Telemetry_is_sent_with_the_managed_identity()
    {
        var authentication = Settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"];
        Assert.Contains("Authorization=AAD;ClientId=", authentication, StringComparison.Ordinal);
    }

    [Fact]
    public void Refresh_schedule_defaults_to_2am_utc_nightly()
    {
        Assert.Equal("0 0 2 * * *", Str(infra.Main["variables"]!["defaultRefreshSchedule"]));
        var passed = Text(FunctionAppModule["parameters"]!["refreshSchedule"]!);
        Assert.Contains("variables('defaultRefreshSchedule')", passed, StringComparison.Ordinal);
    }

    [Fact]
    public void Function_app_is_the_azd_functions_service()
    {
        Assert.Equal("functions", Str(FunctionAppModule["parameters"]!["serviceName"]!["value"]));
        Assert.Contains("azd-service-name", Str(Site["tags"]), StringComparison.Ordinal);
    }

    private JsonNode FunctionAppModule =>
        OfType(infra.Main, "Microsoft.Resources/deployments")
            .Single(d => OfType(d["properties"]!["template"]!.AsObject(), "Microsoft.Web/sites").Count > 0)
            ["properties"]!;
}
