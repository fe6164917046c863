using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SharedServicesPipeline.DataMart.Extracts;
using SharedServicesPipeline.DataMart.Loading;
using SharedServicesPipeline.Publishing.Councils;
using SharedServicesPipeline.Pipeline.Loading;
using SharedServicesPipeline.Publishing;

namespace SharedServicesPipeline.DataMart;

public static class MartServiceCollectionExtensions
{
    /// <summary>Registers the mart (provider from <c>Mart:Provider</c>) as the pipeline's loader, held-row store, extract source, refresh log and council comparison store.</summary>
    public static IServiceCollection AddSharedServicesMart(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MartOptions>().Bind(configuration.GetSection(MartOptions.Section));
        services.AddDbContext<SqliteMartDbContext>((sp, options) =>
        {
            var mart = sp.GetRequiredService<IOptions<MartOptions>>().Value;
            options.UseSqlite(mart.ConnectionString, sqlite => sqlite.CommandTimeout(mart.CommandTimeoutSeconds))
                .AddInterceptors(new SqlitePragmas());
        });
        services.AddDbContext<SqlServerMartDbContext>((sp, options) =>
        {
            var mart = sp.GetRequiredService<IOptions<MartOptions>>().Value;
            options.UseSqlServer(mart.ConnectionString, sql => sql
                .MigrationsHistoryTable("__EFMigrationsHistory", MartDbContext.Schema)
                .CommandTimeout(mart.CommandTimeoutSeconds)
                .EnableRetryOnFailure(maxRetryCount: 5, maxRetryDelay: TimeSpan.FromSeconds(30), errorNumbersToAdd: null));
        });
        services.AddScoped<MartDbContext>(sp => sp.GetRequiredService<IOptions<MartOptions>>().Value.Provider switch
        {
            MartProvider.SqlServer => sp.GetRequiredService<SqlServerMartDbContext>(),
            _ => sp.GetRequiredService<SqliteMartDbContext>(),
        });
        services.AddScoped<ISubmissionLoader, MartLoader>();
        services.AddScoped<IHeldRowStore, MartHeldRowStore>();
        services.AddScoped<ISubmissionHistory, MartSubmissionHistory>();
        services.AddScoped<IExtractSource, MartExtractSource>();
        services.AddScoped<IRefreshLog, MartRefreshLog>();
        services.AddScoped<ICouncilComparisonStore, MartCouncilComparisonStore>();
        services.AddScoped<MartInitializer>();
        return services;
    }
}
