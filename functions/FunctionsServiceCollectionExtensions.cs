using Azure.Storage.Blobs;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SharedServicesPipeline.DataMart;
using SharedServicesPipeline.Functions.PowerBi;
using SharedServicesPipeline.Functions.Reference;
using SharedServicesPipeline.Functions.Storage;
using SharedServicesPipeline.Pipeline;
using SharedServicesPipeline.Publishing;
using SharedServicesPipeline.Pipeline.Reference;
using SharedServicesPipeline.Pipeline.Reporting;

namespace SharedServicesPipeline.Functions;

public static class FunctionsServiceCollectionExtensions
{
    /// <summary>Everything the functions need: the pipeline, the mart and the blob-backed stores. Tests compose with this too.</summary>
    public static IServiceCollection AddSharedServicesFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        // Before the pipeline's defaults: the matcher and register follow the reference container (see ReloadingAuthorityMatcher).
        services.AddSingleton<ReloadingAuthorityMatcher>();
        services.AddSingleton<IAuthorityMatcher>(sp => sp.GetRequiredService<ReloadingAuthorityMatcher>());
        services.AddTransient(sp => sp.GetRequiredService<ReloadingAuthorityMatcher>().Current.Register);
        services.AddScoped<ReferenceSync>();
        services.AddSingleton<MartSyncState>();
        // Before every ingest and every refresh (SubmissionIntake, ExtractRefresher): a changed reference container is picked up.
        services.AddScoped<IReferenceCheck>(sp => sp.GetRequiredService<ReferenceSync>());
        services.AddSharedServicesPipeline(configuration);
        services.AddPublishing(configuration);
        services.AddSharedServicesMart(configuration);
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section));
        // Registered once, through Microsoft.Extensions.Azure, from the same setting the trigger uses.
        services.AddAzureClients(clients => clients.AddClient<BlobServiceClient, BlobClientOptions>((_, _, _) => BlobServiceClientFactory.Create(configuration)));
        services.AddSingleton<IExtractStore, BlobExtractStore>();
        services.AddOptions<ExtractLinkOptions>().Bind(configuration.GetSection(ExtractLinkOptions.Section));
        services.AddSingleton<ExtractLinks>();
        services.AddPowerBiDatasetRefresh(configuration);
        services.AddSingleton<IReportSink, BlobReportSink>();
        services.AddSingleton<BlobSubmissionStore>();
        services.AddSingleton<StaticWebsitePublisher>();
        services.AddSingleton<IPublishNotifier>(sp => sp.GetRequiredService<StaticWebsitePublisher>());
        return services;
    }
}
