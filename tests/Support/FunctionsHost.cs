using Azure.Storage.Blobs;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SharedServicesPipeline.DataMart;
using SharedServicesPipeline.Functions;
using SharedServicesPipeline.Functions.Reference;
using SharedServicesPipeline.Functions.Storage;

namespace SharedServicesPipeline.Tests.Support;

/// <summary>
/// The functions' own composition (AddSharedServicesFunctions) over real Azurite and a real SQLite mart, with containers
/// unique to the test. Function classes are invoked directly: the Functions host cannot run on this machine.
/// </summary>
internal sealed class FunctionsHost : IAsyncDisposable
{
    private readonly TempFolder _folder;

    private FunctionsHost(TempFolder folder, ServiceProvider services, StorageOptions containers)
    {
        _folder = folder;
        Services = services;
        Containers = containers;
        Blobs = services.GetRequiredService<BlobServiceClient>();
    }

    public ServiceProvider Services { get; }

    public StorageOptions Containers { get; }

    public BlobServiceClient Blobs { get; }

    public static async Task<FunctionsHost> StartAsync(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var folder = new TempFolder("ssp-fn-");
        var prefix = "t" + Guid.NewGuid().ToString("N")[..10];
        var containers = new StorageOptions
        {
            Incoming = prefix + "-incoming",
            Processed = prefix + "-processed",
            Rejected = prefix + "-rejected",
            Reports = prefix + "-reports",
            Extracts = prefix + "-extracts",
            Reference = prefix + "-reference",
        };
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage"] = AzuriteFixture.ConnectionString,
                ["Mart:Provider"] = "Sqlite",
                ["Mart:ConnectionString"] = $"Data Source={folder.File("mart.db")}",
                ["Containers:Incoming"] = containers.Incoming,
                ["Containers:Processed"] = containers.Processed,
                ["Containers:Rejected"] = containers.Rejected,
                ["Containers:Reports"] = containers.Reports,
                ["Containers:Extracts"] = containers.Extracts,
                ["Containers:Reference"] = containers.Reference,
            })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddSharedServicesFunctions(configuration);
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        await using (var scope = provider.CreateAsyncScope())
        {
            // As the first ingest or refresh of a worker would: the mart is ready before the test's first call.
            await provider.GetRequiredService<MartSyncState>().SyncAsync(scope.ServiceProvider.GetRequiredService<MartInitializer>(), again: false, CancellationToken.None);
        }

        var host = new FunctionsHost(folder, provider, containers);
        await host.Container(containers.Incoming).CreateIfNotExistsAsync();
        return host;
    }

    public BlobContainerClient Container(string name) => Blobs.GetBlobContainerClient(name);

    public async Task<BlobClient> DropAsync(string name, byte[] content)
    {
        var blob = Container(Containers.Incoming).GetBlobClient(name);
        await blob.UploadAsync(BinaryData.FromBytes(content), overwrite: true);
        return blob;
    }

    public async Task<List<string>> ListAsync(string container)
    {
        var names = new List<string>();
        var client = Container(container);
        if (!await client.ExistsAsync())
        {
            return names;
        }

        await foreach (var blob in client.GetBlobsAsync())
        {
            names.Add(blob.Name);
        }

        return names;
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var name in new[] { Containers.Incoming, Containers.Processed, Containers.Rejected, Containers.Reports, Containers.Extracts, Containers.Reference })
        {
            await Container(name).DeleteIfExistsAsync();
        }

        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
