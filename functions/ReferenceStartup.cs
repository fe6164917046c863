using Microsoft.Extensions.Hosting;
using SharedServicesPipeline.Functions.Reference;

namespace SharedServicesPipeline.Functions;

/// <summary>
/// Reads the reference container when the worker starts, so the first ingest matches with the operator's files. The mart
/// is left alone here: it is brought in line at the first ingest or refresh (<see cref="MartSyncState"/>), so a worker
/// started only to answer an anonymous health probe never wakes a paused serverless database.
/// </summary>
internal sealed class ReferenceStartup(ReloadingAuthorityMatcher reference) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => reference.ReloadAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
