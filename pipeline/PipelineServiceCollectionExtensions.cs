using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SharedServicesPipeline.Pipeline.Publishing;
using SharedServicesPipeline.Pipeline.Publishing.Dashboard;
using SharedServicesPipeline.Pipeline.Reading;
using SharedServicesPipeline.Pipeline.Reference;
using SharedServicesPipeline.Pipeline.Validation;

namespace SharedServicesPipeline.Pipeline;

public static class PipelineServiceCollectionExtensions
{
    /// <summary>Registers the pipeline's core. The host adds the mart (<c>ISubmissionLoader</c>, <c>IHeldRowStore</c>, <c>IExtractSource</c>, <c>IRefreshLog</c>, <c>ICouncilComparisonStore</c>) and stores.</summary>
    public static IServiceCollection AddSharedServicesPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IntakeOptions>().Bind(configuration.GetSection(IntakeOptions.Section));
        services.AddOptions<PublishOptions>().Bind(configuration.GetSection(PublishOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(AuthorityRegister.BuiltIn);
        services.TryAddSingleton<IAuthorityMatcher>(_ => AuthorityMatcher.CreateBuiltIn());
        services.TryAddSingleton(ServiceAreaTaxonomy.BuiltIn);
        services.TryAddSingleton<SubmissionReader>();
        services.TryAddSingleton<ArrangementValidator>();
        services.TryAddScoped<SubmissionIngestor>();
        services.TryAddScoped<Intake.SubmissionIntake>();
        services.TryAddScoped<ExtractPublisher>();
        services.TryAddSingleton(Councils.CouncilBoundaries.BuiltIn);
        // Computed at refresh and stored in the mart (the host adds its ICouncilComparisonStore) before the run reads it.
        services.TryAddScoped<Councils.CouncilComparisonRefresh>();
        services.TryAddScoped<Councils.CouncilViews>();
        services.TryAddScoped<Loading.HeldRowResolver>();
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
