using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SharedServicesPipeline.DataMart;
using SharedServicesPipeline.Pipeline;
using SharedServicesPipeline.Publishing;
using SharedServicesPipeline.Pipeline.Reference;
using SharedServicesPipeline.Pipeline.Reporting;
using SharedServicesPipeline.Pipeline.Submissions;

namespace SharedServicesPipeline.Bench.Scenarios;

/// <summary>
/// The pipeline composed as <c>ssp</c> composes it (the same DI extensions, SQLite, local folders), in a folder of its
/// own, so each measurement picks up whatever the pipeline, loader and publisher do today.
/// </summary>
internal sealed class BenchMart : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private BenchMart(string folder, ServiceProvider services, LogRecorder log)
    {
        Folder = folder;
        _services = services;
        Log = log;
    }

    public string Folder { get; }

    public string DatabasePath => MartPath(Folder);

    public string ExtractsPath => Path.Combine(Folder, "extracts");

    public IServiceProvider Services => _services;

    /// <summary>The pipeline's own Information messages (stage timings, counts), newest last.</summary>
    public LogRecorder Log { get; }

    public static string MartPath(string folder) => Path.Combine(folder, "mart.db");

    /// <summary>Opens (creating and initialising if need be) the mart in <paramref name="folder"/>.</summary>
    /// <param name="register">The register to use instead of the built-in one (null: built-in).</param>
    /// <param name="initialize">False to leave <see cref="InitializeAsync"/> to the caller (to time it on its own).</param>
    public static async Task<BenchMart> OpenAsync(string folder, AuthorityRegister? register, bool initialize = true)
    {
        Directory.CreateDirectory(folder);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Mart:Provider"] = "Sqlite",
                ["Mart:ConnectionString"] = $"Data Source={MartPath(folder)}",
                // The bench measures how fast a 100,000-row file goes, which is more work than the 15 s bound lets one
                // submission do (Intake:MaxWorkSeconds): lifted here, as an operator may for a file they trust.
                ["Intake:MaxWorkSeconds"] = Lifted,
            })
            .Build();
        var log = new LogRecorder();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging
            .SetMinimumLevel(LogLevel.Warning)
            .AddFilter("SharedServicesPipeline", LogLevel.Information)
            .AddProvider(log));
        if (register is not null)
        {
            // Registered first: the pipeline's registrations only add what is missing.
            services.AddSingleton(register);
            services.AddSingleton<IAuthorityMatcher>(new AuthorityMatcher(register));
        }

        services.AddSharedServicesPipeline(configuration);
        services.AddPublishing(configuration);
        services.AddSharedServicesMart(configuration);
        services.AddSingleton<IExtractStore>(new LocalExtractStore(Path.Combine(folder, "extracts")));
        services.AddSingleton<IReportSink>(new LocalReportSink(Path.Combine(folder, "reports")));
        var mart = new BenchMart(folder, services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true }), log);
        if (initialize)
        {
            await mart.InitializeAsync();
        }

        return mart;
    }

    /// <summary>The work budget the bench's ingests and reads run under: far past the default (see bench/README.md).</summary>
    public const string Lifted = "100000";

    /// <summary>The intake's limits with the work budget lifted, for the bench's reads outside a mart.</summary>
    public static IntakeOptions Options => new() { MaxWorkSeconds = double.Parse(Lifted, System.Globalization.CultureInfo.InvariantCulture) };

    /// <summary>What every host does at start: migrations, the calendar, the register and the service areas.</summary>
    public async Task InitializeAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MartInitializer>().InitializeAsync(CancellationToken.None);
    }

    public async Task<SubmissionOutcome> IngestAsync(string path, DateTimeOffset receivedAt)
    {
        await using var scope = _services.CreateAsyncScope();
        await using var content = File.OpenRead(path);
        return await scope.ServiceProvider.GetRequiredService<SubmissionIngestor>()
            .IngestAsync(new SubmissionInput(content, Path.GetFileName(path), receivedAt), CancellationToken.None);
    }

    /// <summary>Publishes every extract; returns how many files the extracts folder then holds.</summary>
    public async Task<int> RefreshAsync()
    {
        await using (var scope = _services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ExtractRefresher>().RefreshAsync(CancellationToken.None);
        }

        return Directory.Exists(ExtractsPath) ? Directory.EnumerateFiles(ExtractsPath, "*", SearchOption.AllDirectories).Count() : 0;
    }

    public async Task<int> CountArrangementsAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MartDbContext>().Arrangements.CountAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }
}
