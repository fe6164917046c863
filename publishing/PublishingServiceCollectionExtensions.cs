using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SharedServicesPipeline.Publishing.Councils;
using SharedServicesPipeline.Publishing.Dashboard;

namespace SharedServicesPipeline.Publishing;

public static class PublishingServiceCollectionExtensions
{
    /// <summary>
    /// Registers publishing over the core (call <c>AddSharedServicesPipeline</c> too): the refresh, the publisher and
    /// every artifact. The host adds <see cref="IExtractSource"/>, <see cref="IRefreshLog"/>, an <see cref="ICouncilComparisonStore"/> and an <see cref="IExtractStore"/>.
    /// </summary>
    public static IServiceCollection AddPublishing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PublishOptions>().Bind(configuration.GetSection(PublishOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<ExtractPublisher>();
        services.TryAddSingleton(CouncilBoundaries.BuiltIn);
        // Computed at refresh and stored in the mart (the host adds its ICouncilComparisonStore) before the run reads it.
        services.TryAddScoped<CouncilComparisonRefresh>();
        services.TryAddScoped<CouncilViews>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPublishedArtifact, DashboardArtifact>());
        services.TryAddScoped<ExtractRefresher>();
        // Published with every run, in this order after the CSVs.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPublishedArtifact, ParquetExtracts>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPublishedArtifact, CompendiumWorkbook>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPublishedArtifact, ArrangementsGeoJson>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPublishedArtifact, SubmissionTemplateArtifact>());
        return services;
    }
}
