using Microsoft.Extensions.DependencyInjection;
using SharedServicesPipeline.Functions.Storage;
using SharedServicesPipeline.Pipeline.Intake;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Intake.Stores;

/// <summary>The blob store in the Functions app's composition, over real Azurite and SQLite.</summary>
internal sealed class BlobStoreUnderTest(FunctionsHost host) : StoreUnderTest
{
    public override ISubmissionStore Store { get; } = host.Services.GetRequiredService<BlobSubmissionStore>();

    public override IServiceProvider Services => host.Services;

    public static async Task<StoreUnderTest> StartAsync(Action<IServiceCollection>? configure) =>
        new BlobStoreUnderTest(await FunctionsHost.StartAsync(configure: configure));

    public override async Task DropAsync(string name, byte[] content) => await host.DropAsync(name, content);

    public override async Task<IReadOnlyList<string>> FiledAsync(SubmissionShelf shelf) => await host.ListAsync(ShelfOf(shelf));

    public override async Task<byte[]> ReadFiledAsync(SubmissionShelf shelf, string path) =>
        (await host.Container(ShelfOf(shelf)).GetBlobClient(path).DownloadContentAsync()).Value.Content.ToArray();

    public override ValueTask DisposeAsync() => host.DisposeAsync();

    private string ShelfOf(SubmissionShelf shelf) => shelf == SubmissionShelf.Rejected ? host.Containers.Rejected : host.Containers.Processed;
}
