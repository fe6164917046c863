namespace SharedServicesPipeline.Tests.Intake.Stores;

/// <summary>Council-bound submissions through <c>ssp watch</c>'s composition, over a real folder and SQLite.</summary>
public sealed class FolderCouncilSubmissionPolicyTests : CouncilSubmissionPolicyTests
{
    protected override Task<StoreUnderTest> StartAsync() => FolderStoreUnderTest.StartAsync(null);
}
