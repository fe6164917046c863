using Microsoft.Extensions.DependencyInjection;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Intake.Stores;

/// <summary>The drop-folder policy on blob storage: the Functions app over real Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BlobSubmissionStorePolicyTests : SubmissionStorePolicyTests
{
    protected override Task<StoreUnderTest> StartAsync(Action<IServiceCollection>? configure = null) => BlobStoreUnderTest.StartAsync(configure);
}
