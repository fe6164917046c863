using System.Text.Json.Nodes;
using Xunit;
using static SharedServicesPipeline.Tests.Infra.Arm;

namespace SharedServicesPipeline.Tests.Infra;

/// <summary>A stuck submission tells on itself: dead-lettered events and poisoned blobs alert the operators.</summary>
[Collection(CompiledInfraGroup.Name)]
public sealed class AlertTemplateTests(CompiledInfra infra)
{
    private ArmModule Alerts => new(infra.Main, "alerts");

    [Fact]
    public void Operators_are_emailed_through_one_action_group_when_an_address_is_given()
    {
        var group = Alerts.Single("Microsoft.Insights/actionGroups")["properties"]!;
        Assert.True(Bool(group["enabled"]));
        var receivers = Str(group["emailReceivers"]);
        Assert.Contains("if(empty(parameters('alertEmail')), createArray(), createArray(createObject('name', 'operators', 'emailAddress', parameters('alertEmail')", receivers, StringComparison.Ordinal);
        Assert.Equal("", Str(infra.Main["parameters"]!["alertEmail"]!["defaultValue"]));
        Assert.Equal("${ALERT_EMAIL}", Str(JsonNode.Parse(File.ReadAllText(infra.InfraPath("main.parameters.json")))!["parameters"]!["alertEmail"]!["value"]));
    }

    [Fact]
    public void A_dead_lettered_event_raises_a_metric_alert_on_the_system_topic()
    {
        var alert = Alerts.Single("Microsoft.Insights/metricAlerts")["properties"]!;
        Assert.True(Bool(alert["enabled"]));
        Assert.Equal(["[parameters('systemTopicId')]"], alert["scopes"]!.AsArray().Select(Str));
        Assert.Equal("[reference('eventGridTopic').outputs.id.value]", Str(Alerts.Deployment["properties"]!["parameters"]!["systemTopicId"]!["value"]));
        var criterion = Assert.Single(alert["criteria"]!["allOf"]!.AsArray())!;
        Assert.Equal("Microsoft.EventGrid/systemTopics", Str(criterion["metricNamespace"]));
        Assert.Equal("DeadLetteredCount", Str(criterion["metricName"]));
        Assert.Equal("Total", Str(criterion["timeAggregation"]));
        Assert.Equal("GreaterThan", Str(criterion["operator"]));
        Assert.Equal(0, criterion["threshold"]!.GetValue<int>());
        AssertNotifies(alert["actions"]![0]!["actionGroupId"]);
    }

    // A message put on the blob trigger's poison queue; a write of the deployment package.
    [Theory]
    [InlineData("poisonQueueAlertName", "StorageQueueLogs", "OperationName == \"PutMessage\"", "Uri contains \"/webjobs-blobtrigger-poison/messages\"")]
    [InlineData("packageWriteAlertName", "StorageBlobLogs", "Category == \"StorageWrite\"", "ObjectKey startswith \"/<storageAccountName>/app-package/\"")]
    public void A_storage_log_record_of_what_should_not_happen_raises_a_log_alert_to_the_operators(string alertName, string table, string operation, string target)
    {
        var alert = LogAlert($"[parameters('{alertName}')]");
        var query = QueryOf(alert);
        Assert.StartsWith($"{table} | where AccountName == \"<storageAccountName>\" and ", query, StringComparison.Ordinal);
        Assert.Contains(operation, query, StringComparison.Ordinal);
        Assert.Contains(target, query, StringComparison.Ordinal);
        AssertCountAboveZero(alert);
        AssertNotifies(alert["actions"]!["actionGroups"]![0]);
    }

    [Fact]
    public void The_logs_the_log_alerts_read_are_sent_to_the_workspace_they_query()
    {
        // The poison-queue alert reads the queue service's StorageWrite log; without it the alert could never fire.
        var diagnostics = new ArmModule(infra.Main, "storageDiagnostics");
        var queue = Assert.Single(diagnostics.OfType("Microsoft.Insights/diagnosticSettings"), d => Str(d["scope"]).Contains("queueServices", StringComparison.Ordinal));
        Assert.Contains(queue["properties"]!["logs"]!.AsArray(), l => Str(l!["category"]) == "StorageWrite" && Bool(l["enabled"]));
        var workspace = "[reference('monitoring').outputs.logAnalyticsId.value]";
        Assert.Equal(workspace, Str(diagnostics.Deployment["properties"]!["parameters"]!["logAnalyticsWorkspaceId"]!["value"]));
        Assert.Equal(workspace, Str(Alerts.Deployment["properties"]!["parameters"]!["logAnalyticsWorkspaceId"]!["value"]));
    }

    private JsonNode LogAlert(string name)
    {
        var rule = Assert.Single(Alerts.OfType("Microsoft.Insights/scheduledQueryRules"), r => Str(r["name"]) == name);
        Assert.Equal("LogAlert", Str(rule["kind"]));
        var properties = rule["properties"]!;
        Assert.True(Bool(properties["enabled"]));
        Assert.Equal(["[parameters('logAnalyticsWorkspaceId')]"], properties["scopes"]!.AsArray().Select(Str));
        return properties;
    }

    private string QueryOf(JsonNode alert) =>
        Alerts.Render(Str(Assert.Single(alert["criteria"]!["allOf"]!.AsArray())!["query"]));

    private static void AssertCountAboveZero(JsonNode alert)
    {
        var criterion = alert["criteria"]!["allOf"]![0]!;
        Assert.Equal("Count", Str(criterion["timeAggregation"]));
        Assert.Equal("GreaterThan", Str(criterion["operator"]));
        Assert.Equal(0, criterion["threshold"]!.GetValue<int>());
    }

    private static void AssertNotifies(JsonNode? actionGroupId) =>
        Assert.Equal("[resourceId('Microsoft.Insights/actionGroups', parameters('actionGroupName'))]", Str(actionGroupId));
}
