using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SharedServicesPipeline.Pipeline.Reading;
using SharedServicesPipeline.Pipeline.Reference;
using SharedServicesPipeline.Pipeline.Validation;

namespace SharedServicesPipeline.Pipeline;

public static class PipelineServiceCollectionExtensions
{
    /// <summary>
    /// Registers the pipeline's core (read → validate → normalise → load). The host adds the mart
    /// (<c>ISubmissionLoader</c>, <c>IHeldRowStore</c>) and the stores; publishing is added by <c>AddPublishing</c>.
    /// </summary>
    public static IServiceCollection AddSharedServicesPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IntakeOptions>().Bind(configuration.GetSection(IntakeOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(AuthorityRegister.BuiltIn);
        services.TryAddSingleton<IAuthorityMatcher>(_ => AuthorityMatcher.CreateBuiltIn());
        services.TryAddSingleton(ServiceAreaTaxonomy.BuiltIn);
        services.TryAddSingleton<SubmissionReader>();
        services.TryAddSingleton<ArrangementValidator>();
        services.TryAddScoped<SubmissionIngestor>();
        services.TryAddScoped<Intake.SubmissionIntake>();
        services.TryAddScoped<Loading.HeldRowResolver>();
        return services;
    }
}
