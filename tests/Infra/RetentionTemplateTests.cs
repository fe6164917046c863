using System.Text.Json.Nodes;
using Xunit;
using static SharedServicesPipeline.Tests.Infra.Arm;

namespace SharedServicesPipeline.Tests.Infra;

/// <summary>Submitted files carry officers' contact details: originals and reports are deleted after a set time.</summary>
[Collection(CompiledInfraGroup.Name)]
public sealed class RetentionTemplateTests(CompiledInfra infra)
{
    private ArmModule Retention => new(infra.Main, "retention");

    private List<JsonObject> Rules =>
        Retention.Single("Microsoft.Storage/storageAccounts/managementPolicies")["properties"]!["policy"]!["rules"]!.AsArray().OfType<JsonObject>().ToList();

    [Theory]
    [InlineData("delete-originals", "originalsRetentionDays", 180)]
    [InlineData("delete-reports", "reportsRetentionDays", 90)]
    [InlineData("delete-dead-letters", "deadLettersRetentionDays", 30)]
    public void Lifecycle_rule_deletes_after_the_days_its_setting_gives(string rule, string parameter, int defaultDays)
    {
        var found = Assert.Single(Rules, r => Str(r["name"]) == rule);
        Assert.True(Bool(found["enabled"]));
        Assert.Equal("Lifecycle", Str(found["type"]));
        var delete = found["definition"]!["actions"]!["baseBlob"]!["delete"]!;
        Assert.Equal($"[parameters('{parameter}')]", Str(delete["daysAfterModificationGreaterThan"]));
        Assert.Equal(defaultDays, Retention.Parameter(parameter)!.GetValue<int>());
        Assert.Equal(1, infra.Main["parameters"]![parameter]!["minValue"]!.GetValue<int>());
    }

    [Fact]
    public void Originals_are_every_blob_in_processed_and_rejected()
    {
        var filters = Assert.Single(Rules, r => Str(r["name"]) == "delete-originals")["definition"]!["filters"]!;
        // The prefixes are built from the containers main.bicep passes: "<container>/", every blob in it.
        var copy = Assert.Single(filters["copy"]!.AsArray())!;
        Assert.Equal("prefixMatch", Str(copy["name"]));
        Assert.Equal("[format('{0}/', parameters('originalsContainers')[copyIndex('prefixMatch')])]", Str(copy["input"]));
        Assert.Equal(["processed", "rejected"], Retention.Parameter("originalsContainers")!.AsArray().Select(Str));
        Assert.Equal(["blockBlob"], filters["blobTypes"]!.AsArray().Select(Str));
    }

    [Theory]
    [InlineData("delete-reports", "reportsContainer", "reports")]
    [InlineData("delete-dead-letters", "deadLetterContainer", "eventgrid-deadletter")]
    public void Rule_covers_its_whole_container(string rule, string parameter, string container)
    {
        var filters = Assert.Single(Rules, r => Str(r["name"]) == rule)["definition"]!["filters"]!;
        Assert.Equal([$"[format('{{0}}/', parameters('{parameter}'))]"], filters["prefixMatch"]!.AsArray().Select(Str));
        Assert.Equal(container, Str(Retention.Parameter(parameter)));
    }

    [Fact]
    public void Nothing_deletes_what_is_still_waiting_in_incoming_or_what_is_published()
    {
        var text = Text(Retention.Template);
        Assert.DoesNotContain("incoming", text, StringComparison.Ordinal);
        Assert.DoesNotContain("extracts", text, StringComparison.Ordinal);
    }
}
