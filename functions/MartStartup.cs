using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SharedServicesPipeline.DataMart;
using SharedServicesPipeline.Functions.Reference;

namespace SharedServicesPipeline.Functions;

/// <summary>Brings the mart up to date when the worker starts (migrations only where <c>Mart__ApplyMigrations</c> is true),
/// after reading the reference container, so that dim_authority follows the register the matcher uses.</summary>
internal sealed class MartStartup(IServiceScopeFactory scopes, ReloadingAuthorityMatcher reference) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await reference.ReloadAsync(cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MartInitializer>().InitializeAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
