using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using SharedServicesPipeline.Cli;
using SharedServicesPipeline.DataMart;
using SharedServicesPipeline.Pipeline.Intake;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Intake.Stores;

/// <summary>The folder store in <c>ssp</c>'s composition (<c>ssp watch</c>), over a real folder and SQLite.</summary>
internal sealed class FolderStoreUnderTest : StoreUnderTest
{
    private readonly TempFolder _folder;
    private readonly ServiceProvider _services;
    private readonly FolderSubmissionStore _store;

    private FolderStoreUnderTest(TempFolder folder, ServiceProvider services, FolderSubmissionStore store)
    {
        _folder = folder;
        _services = services;
        _store = store;
    }

    public override ISubmissionStore Store => _store;

    public override IServiceProvider Services => _services;

    public static async Task<StoreUnderTest> StartAsync(Action<IServiceCollection>? configure)
    {
        var folder = new TempFolder("ssp-folder-store-");
        var paths = new LocalPaths(folder.File("data/sharedservices.db"), folder.File("data/extracts"));
        var services = CliHost.Build(paths, verbose: false, configure);
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<MartInitializer>().InitializeAsync(CancellationToken.None);
        }

        return new FolderStoreUnderTest(folder, services, new FolderSubmissionStore(Directory.CreateDirectory(folder.File("incoming")).FullName, TimeSpan.Zero));
    }

    public override async Task DropAsync(string name, byte[] content)
    {
        var path = Path.Combine(_store.Incoming, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, content);
    }

    public override Task<IReadOnlyList<string>> FiledAsync(SubmissionShelf shelf)
    {
        var root = ShelfOf(shelf);
        IReadOnlyList<string> filed = Directory.Exists(root)
            ? [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'))
                .Where(f => !f.StartsWith('.'))
                .Order(StringComparer.Ordinal)]
            : [];
        return Task.FromResult(filed);
    }

    public override Task<byte[]> ReadFiledAsync(SubmissionShelf shelf, string path) => File.ReadAllBytesAsync(Path.Combine(ShelfOf(shelf), path));

    public override async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    private string ShelfOf(SubmissionShelf shelf) => _folder.File(shelf == SubmissionShelf.Rejected ? "rejected" : "processed");
}
