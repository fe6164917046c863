using SharedServicesPipeline.DataMart;

namespace SharedServicesPipeline.Functions.Reference;

/// <summary>
/// Whether this worker has brought the mart in line (migrations where enabled, the calendar, the register, the service
/// areas) since it started. That happens at the first ingest or refresh, not at start, so a worker that an anonymous
/// health probe starts leaves a paused serverless database asleep; and again whenever the reference data changed.
/// </summary>
public sealed class MartSyncState : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _synced;

    public bool Synced => _synced;

    /// <summary>Runs the initializer unless this worker already has and <paramref name="again"/> is false.</summary>
    public async Task SyncAsync(MartInitializer mart, bool again, CancellationToken cancellationToken)
    {
        if (_synced && !again)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            // A concurrent first caller may have synced while this one waited.
            if (!_synced || again)
            {
                await mart.InitializeAsync(cancellationToken);
                _synced = true;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
