using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Intake.Stores;

/// <summary>Council-bound submissions through the Functions app's composition, over real Azurite and SQLite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BlobCouncilSubmissionPolicyTests : CouncilSubmissionPolicyTests
{
    protected override Task<StoreUnderTest> StartAsync() => BlobStoreUnderTest.StartAsync(null);
}
