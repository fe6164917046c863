using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SharedServicesPipeline.DataMart;
using SharedServicesPipeline.Pipeline;
using SharedServicesPipeline.Publishing;
using SharedServicesPipeline.Pipeline.Reporting;
using SharedServicesPipeline.Pipeline.Submissions;

namespace SharedServicesPipeline.Tests.Support;

/// <summary>The pipeline on a real SQLite file and real local folders, in a temp folder of its own.</summary>
internal sealed class TestMart : IAsyncDisposable
{
    private readonly TempFolder _folder;
    private readonly ServiceProvider _services;

    private TestMart(TempFolder folder, ServiceProvider services)
    {
        _folder = folder;
        _services = services;
    }

    public string Folder => _folder.Path;

    public string DatabasePath => _folder.File("mart.db");

    public string ExtractsPath => _folder.File("extracts");

    public string ReportsPath => _folder.File("reports");

    public IServiceProvider Services => _services;

    public static async Task<TestMart> CreateAsync(Action<IServiceCollection>? configure = null, IDictionary<string, string?>? settings = null)
    {
        var folder = new TempFolder("ssp-mart-");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Mart:Provider"] = "Sqlite",
                ["Mart:ConnectionString"] = $"Data Source={folder.File("mart.db")}",
            })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddSharedServicesPipeline(configuration);
        services.AddPublishing(configuration);
        services.AddSharedServicesMart(configuration);
        services.AddSingleton<IExtractStore>(new LocalExtractStore(folder.File("extracts")));
        services.AddSingleton<IReportSink>(new LocalReportSink(folder.File("reports")));
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        await using (var scope = provider.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<MartInitializer>().InitializeAsync(CancellationToken.None);
        }

        return new TestMart(folder, provider);
    }

    public async Task<SubmissionOutcome> IngestAsync(string path, DateTimeOffset? receivedAt = null)
    {
        await using var content = File.OpenRead(path);
        return await IngestAsync(content, Path.GetFileName(path), receivedAt);
    }

    public async Task<SubmissionOutcome> IngestAsync(Stream content, string fileName, DateTimeOffset? receivedAt = null, SubmittingCouncil? council = null)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SubmissionIngestor>()
            .IngestAsync(new SubmissionInput(content, fileName, receivedAt ?? new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero), Council: council), CancellationToken.None);
    }

    public async Task<RefreshOutcome> RefreshAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ExtractRefresher>().RefreshAsync(CancellationToken.None);
    }

    /// <summary>Runs a query against the mart in its own scope.</summary>
    public async Task<T> QueryAsync<T>(Func<MartDbContext, Task<T>> query)
    {
        await using var scope = _services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<MartDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
