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
}
