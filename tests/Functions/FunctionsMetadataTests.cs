using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Functions;

/// <summary>The Functions SDK's generated functions.metadata is what the host indexes: every function must be in it.</summary>
public sealed class FunctionsMetadataTests
{
    [Fact]
    public void The_build_lists_every_function_with_its_trigger_in_functions_metadata()
    {
        var triggers = FunctionsMetadata.Triggers();

        Assert.Equal("blobTrigger", triggers["IngestSubmission"]);
        Assert.Equal("timerTrigger", triggers["RefreshExtracts"]);
        Assert.Equal("httpTrigger", triggers["Health"]);
        Assert.Equal("httpTrigger", triggers["HealthDeep"]);
        Assert.Equal("httpTrigger", triggers["RefreshNow"]);
        Assert.Equal("httpTrigger", triggers["GetSubmission"]);
        Assert.Equal("httpTrigger", triggers["ListExtracts"]);
    }
}
