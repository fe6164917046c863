using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SharedServicesPipeline.DataMart;
using SharedServicesPipeline.Pipeline;
using SharedServicesPipeline.Publishing;
using SharedServicesPipeline.Pipeline.Reference;
using SharedServicesPipeline.Pipeline.Reporting;

namespace SharedServicesPipeline.Cli;

/// <summary>Composes the pipeline on the embedded default: SQLite and local folders. Settings may also come from SSP_ environment variables.</summary>
internal static class CliHost
{
    /// <param name="configure">Last changes to the composition (tests inject faults through it).</param>
    public static ServiceProvider Build(LocalPaths paths, bool verbose, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Mart:Provider"] = "Sqlite",
                ["Mart:ConnectionString"] = $"Data Source={Path.GetFullPath(paths.Database)}",
            })
            .AddEnvironmentVariables("SSP_")
            .Build();

        var services = new ServiceCollection();
        services.AddLogging(logging => logging
            .AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; })
            .AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning)
            .SetMinimumLevel(verbose ? LogLevel.Information : LogLevel.Warning));
        services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        var matcher = ReferenceOverrides.Load(paths);
        services.AddSingleton(matcher.Register);
        services.AddSingleton<IAuthorityMatcher>(matcher);
        services.AddSharedServicesPipeline(configuration);
        services.AddPublishing(configuration);
        services.AddSharedServicesMart(configuration);
        services.AddSingleton<IExtractStore>(new LocalExtractStore(paths.Extracts));
        services.AddSingleton<IReportSink>(new LocalReportSink(paths.Reports));
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }
}
