using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SharedServicesPipeline.DataMart;

namespace SharedServicesPipeline.Functions;

/// <summary>Brings the mart up to date when the worker starts (migrations only where <c>Mart__ApplyMigrations</c> is true).</summary>
internal sealed class MartStartup(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MartInitializer>().InitializeAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
