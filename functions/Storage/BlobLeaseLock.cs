using Azure;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Logging;
using SharedServicesPipeline.Publishing;

namespace SharedServicesPipeline.Functions.Storage;

/// <summary>
/// A held lease on the refresh lock blob, renewed in the background while the refresh runs. A finite lease (not an
/// infinite one) means a worker that dies frees the lock within a minute; if renewal fails, <see cref="Lost"/> stops
/// the refresh before the lease can lapse under it.
/// </summary>
internal sealed partial class BlobLeaseLock : IRefreshLock
{
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(20);

    private readonly BlobLeaseClient _lease;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _lost = new();
    private readonly Task _renewing;

    public BlobLeaseLock(BlobLeaseClient lease, TimeProvider clock, ILogger logger)
    {
        _lease = lease;
        _clock = clock;
        _logger = logger;
        _renewing = RenewAsync();
    }

    public CancellationToken Lost => _lost.Token;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _renewing;
        try
        {
            await _lease.ReleaseAsync();
        }
        catch (RequestFailedException ex)
        {
            // The lease has lapsed or was broken: nothing left to release.
            LogReleaseFailed(ex, _lease.LeaseId);
        }

        _stop.Dispose();
        _lost.Dispose();
    }

    private async Task RenewAsync()
    {
        var lastRenewed = _clock.GetUtcNow();
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(RenewEvery, _clock, _stop.Token);
                await _lease.RenewAsync(cancellationToken: _stop.Token);
                lastRenewed = _clock.GetUtcNow();
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRenewFailed(ex, _lease.LeaseId);
                // A lease already taken by someone else, or about to lapse: stop the refresh now.
                if (ex is RequestFailedException { Status: 409 } || _clock.GetUtcNow() - lastRenewed > LeaseDuration - RenewEvery)
                {
                    await _lost.CancelAsync();
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew the refresh lock lease {LeaseId}")]
    private partial void LogRenewFailed(Exception exception, string leaseId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not release the refresh lock lease {LeaseId}")]
    private partial void LogReleaseFailed(Exception exception, string leaseId);
}
