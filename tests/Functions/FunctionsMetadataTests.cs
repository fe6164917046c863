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
        Assert.Equal("httpTrigger", triggers["GetCouncil"]);
    }

    [Fact]
    public void The_README_function_table_lists_every_function_the_build_indexes()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var unlisted = FunctionsMetadata.Triggers().Keys
            .Where(name => !readme.Contains($"| `{name}` |", StringComparison.Ordinal))
            .ToList();
        Assert.True(unlisted.Count == 0, "Functions missing from the README's function table: " + string.Join(", ", unlisted));
    }
}
