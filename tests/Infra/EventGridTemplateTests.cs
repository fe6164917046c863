using System.Text.Json.Nodes;
using Xunit;
using static SharedServicesPipeline.Tests.Infra.Arm;

namespace SharedServicesPipeline.Tests.Infra;

[Collection(CompiledInfraGroup.Name)]
public sealed class EventGridTemplateTests(CompiledInfra infra)
{
    private JsonNode Subscription =>
        Single(infra.IncomingSubscription, "Microsoft.EventGrid/systemTopics/eventSubscriptions")["properties"]!;

    [Fact]
    public void System_topic_watches_the_storage_account()
    {
        var topic = Single(infra.Main, "Microsoft.EventGrid/systemTopics")["properties"]!;
        Assert.Equal("Microsoft.Storage.StorageAccounts", Str(topic["topicType"]));
        Assert.Contains("Microsoft.Storage/storageAccounts", Str(topic["source"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Event_grid_subscription_delivers_only_blob_created_under_incoming()
    {
        var filter = Subscription["filter"]!;
        Assert.Equal(["Microsoft.Storage.BlobCreated"], filter["includedEventTypes"]!.AsArray().Select(Str));
        Assert.Equal("/blobServices/default/containers/incoming/", Str(filter["subjectBeginsWith"]));
    }

    [Fact]
    public void Event_grid_subscription_calls_the_blob_extension_webhook_of_IngestSubmission()
    {
        Assert.Equal("WebHook", Str(Subscription["destination"]!["endpointType"]));
        Assert.Equal("EventGridSchema", Str(Subscription["eventDeliverySchema"]));

        var module = Single(infra.IncomingSubscription, "Microsoft.Resources/deployments");
        var url = Str(module["properties"]!["parameters"]!["endpointUrl"]!["value"]);
        Assert.Contains("https://{0}/runtime/webhooks/blobs?functionName=Host.Functions.{1}&code={2}", url, StringComparison.Ordinal);
        Assert.Equal("IngestSubmission", Str(infra.IncomingSubscription["parameters"]!["functionName"]!["defaultValue"]));
    }

    [Fact]
    public void Event_grid_keeps_retrying_a_submission_for_a_day()
    {
        var retry = Subscription["retryPolicy"]!;
        Assert.Equal(1440, retry["eventTimeToLiveInMinutes"]!.GetValue<int>());
        Assert.Equal(30, retry["maxDeliveryAttempts"]!.GetValue<int>());
    }

    [Fact]
    public void Undeliverable_events_are_dead_lettered_into_their_own_container_with_the_topics_identity()
    {
        var deadLetter = Subscription["deadLetterWithResourceIdentity"]!;
        Assert.Equal("SystemAssigned", Str(deadLetter["identity"]!["type"]));
        var destination = deadLetter["deadLetterDestination"]!;
        Assert.Equal("StorageBlob", Str(destination["endpointType"]));
        Assert.Equal("[parameters('deadLetterContainerName')]", Str(destination["properties"]!["blobContainerName"]));
        Assert.Contains("Microsoft.Storage/storageAccounts", Str(destination["properties"]!["resourceId"]), StringComparison.Ordinal);
        // Event Grid writes with the topic's own identity: the key-based destination would fail with shared keys off.
        Assert.Null(Subscription["deadLetterDestination"]);
        Assert.Equal("SystemAssigned", Str(Single(infra.Main, "Microsoft.EventGrid/systemTopics")["identity"]!["type"]));
    }

    [Fact]
    public void The_dead_letter_container_is_created_and_handed_to_the_postdeploy_hook()
    {
        Assert.Equal("eventgrid-deadletter", Str(infra.Main["variables"]!["deadLetterContainerName"]));
        Assert.Equal("[variables('deadLetterContainerName')]", Str(infra.Main["outputs"]!["AZURE_EVENTGRID_DEADLETTER_CONTAINER"]!["value"]));
        Assert.Equal("eventgrid-deadletter", Str(new ArmModule(infra.Main, "storage").Parameter("deadLetterContainerName")));
        var hook = File.ReadAllText(infra.InfraPath("hooks", "postdeploy.sh"));
        Assert.Contains("deadLetterContainerName=\"$AZURE_EVENTGRID_DEADLETTER_CONTAINER\"", hook, StringComparison.Ordinal);
        Assert.Contains("storageAccountName=\"$AZURE_STORAGE_ACCOUNT_NAME\"", hook, StringComparison.Ordinal);
    }
}
