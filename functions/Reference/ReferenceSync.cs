using SharedServicesPipeline.DataMart;

namespace SharedServicesPipeline.Functions.Reference;

/// <summary>
/// Called before every ingest and refresh: picks up a changed reference container and brings the mart in line, the first
/// time in this worker and whenever the matcher changed (dim_authority follows its register), as the CLI does at every
/// run with its reference folder.
/// </summary>
public sealed class ReferenceSync(ReloadingAuthorityMatcher matcher, MartInitializer mart, MartSyncState state)
{
    public async Task EnsureCurrentAsync(CancellationToken cancellationToken)
    {
        var changed = await matcher.ReloadAsync(cancellationToken);
        await state.SyncAsync(mart, changed, cancellationToken);
    }
}
