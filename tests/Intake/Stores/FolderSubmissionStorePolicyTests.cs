using Microsoft.Extensions.DependencyInjection;

namespace SharedServicesPipeline.Tests.Intake.Stores;

/// <summary>The drop-folder policy on a folder: <c>ssp watch</c> over a real folder.</summary>
public sealed class FolderSubmissionStorePolicyTests : SubmissionStorePolicyTests
{
    protected override Task<StoreUnderTest> StartAsync(Action<IServiceCollection>? configure = null) => FolderStoreUnderTest.StartAsync(configure);
}
