using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SharedServicesPipeline.Publishing;

namespace SharedServicesPipeline.Functions.PowerBi;

public static class PowerBiServiceCollectionExtensions
{
    /// <summary>Registers the Power BI dataset refresh as a publish notifier (it does nothing unless switched on: see <see cref="PowerBiOptions.Enabled"/>).</summary>
    public static IServiceCollection AddPowerBiDatasetRefresh(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PowerBiOptions>()
            .Bind(configuration.GetSection(PowerBiOptions.Section))
            .Validate(o => !o.IsOn || (Guid.TryParse(o.WorkspaceId, out _) && Guid.TryParse(o.DatasetId, out _)),
                "The Power BI dataset refresh is on, so PowerBI:WorkspaceId and PowerBI:DatasetId must be the workspace's and the dataset's GUIDs (or set PowerBI:Enabled to false).")
            .ValidateOnStart();
        services.TryAddKeyedSingleton<TokenCredential>(PowerBiDatasetRefresh.CredentialKey, (sp, _) =>
            sp.GetRequiredService<IOptions<PowerBiOptions>>().Value.ClientId is { Length: > 0 } clientId
                ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
                : new DefaultAzureCredential());
        services.AddHttpClient<PowerBiDatasetRefresh>((sp, http) => http.BaseAddress = sp.GetRequiredService<IOptions<PowerBiOptions>>().Value.ApiBaseAddress)
            .AddStandardResilienceHandler();
        services.AddTransient<IPublishNotifier>(sp => sp.GetRequiredService<PowerBiDatasetRefresh>());
        return services;
    }
}
