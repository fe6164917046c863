using System.Text.Json.Nodes;
using Xunit;
using static SharedServicesPipeline.Tests.Infra.Arm;

namespace SharedServicesPipeline.Tests.Infra;

/// <summary>Who wrote or deleted what in storage, and who signed in to or changed the database, is in Log Analytics.</summary>
[Collection(CompiledInfraGroup.Name)]
public sealed class AuditLogTemplateTests(CompiledInfra infra)
{
    private const string Workspace = "[parameters('logAnalyticsWorkspaceId')]";

    [Fact]
    public void Blob_writes_and_deletes_go_to_log_analytics_and_reads_do_not()
    {
        var diagnostics = new ArmModule(infra.Main, "storageDiagnostics");
        var blob = Assert.Single(diagnostics.OfType("Microsoft.Insights/diagnosticSettings"), d => Str(d["scope"]).Contains("'Microsoft.Storage/storageAccounts/blobServices'", StringComparison.Ordinal));

        Assert.Equal(Workspace, Str(blob["properties"]!["workspaceId"]));
        Assert.Equal(["StorageDelete", "StorageWrite"], EnabledCategories(blob));
    }

    [Fact]
    public void Sql_server_audits_sign_ins_and_permission_and_schema_changes_to_azure_monitor()
    {
        var auditing = new ArmModule(infra.Main, "sqlAuditing");
        var settings = auditing.Single("Microsoft.Sql/servers/auditingSettings");
        Assert.EndsWith("'default')]", Str(settings["name"]), StringComparison.Ordinal);
        var properties = settings["properties"]!;
        Assert.Equal("Enabled", Str(properties["state"]));
        Assert.True(Bool(properties["isAzureMonitorTargetEnabled"]));
        var groups = properties["auditActionsAndGroups"]!.AsArray().Select(Str).ToList();
        Assert.Contains("SUCCESSFUL_DATABASE_AUTHENTICATION_GROUP", groups);
        Assert.Contains("FAILED_DATABASE_AUTHENTICATION_GROUP", groups);
        Assert.Contains("DATABASE_PERMISSION_CHANGE_GROUP", groups);
        Assert.Contains("DATABASE_ROLE_MEMBER_CHANGE_GROUP", groups);
        Assert.Contains("SCHEMA_OBJECT_CHANGE_GROUP", groups);
    }

    [Fact]
    public void Sql_audit_events_reach_log_analytics_through_the_master_database()
    {
        // Server-level auditing to Azure Monitor is delivered by a diagnostic setting on master.
        var auditing = new ArmModule(infra.Main, "sqlAuditing");
        var setting = auditing.Single("Microsoft.Insights/diagnosticSettings");
        Assert.Equal("[resourceId('Microsoft.Sql/servers/databases', parameters('sqlServerName'), 'master')]", Str(setting["scope"]));
        Assert.Equal(Workspace, Str(setting["properties"]!["workspaceId"]));
        Assert.Equal(["SQLSecurityAuditEvents"], EnabledCategories(setting));
        Assert.Equal("[reference('monitoring').outputs.logAnalyticsId.value]", Str(auditing.Deployment["properties"]!["parameters"]!["logAnalyticsWorkspaceId"]!["value"]));
        Assert.Equal("[reference('sql').outputs.serverName.value]", Str(auditing.Deployment["properties"]!["parameters"]!["sqlServerName"]!["value"]));
    }

    private static List<string> EnabledCategories(JsonObject setting) =>
        setting["properties"]!["logs"]!.AsArray().Where(l => Bool(l!["enabled"])).Select(l => Str(l!["category"])).Order(StringComparer.Ordinal).ToList();
}
