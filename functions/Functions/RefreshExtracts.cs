using Microsoft.Azure.Functions.Worker;
using SharedServicesPipeline.Functions.Reference;
using SharedServicesPipeline.Functions.Storage;
using SharedServicesPipeline.Pipeline;
using SharedServicesPipeline.Pipeline.Publishing;

namespace SharedServicesPipeline.Functions.Functions;

/// <summary>
/// The scheduled refresh (setting <c>RefreshSchedule</c>, NCRONTAB in UTC; default <c>0 0 2 * * *</c>, 02:00 UTC,
/// which is 03:00 in British Summer Time). A failed refresh fails the invocation, so that monitoring sees it.
/// </summary>
public sealed class RefreshExtracts(ReferenceSync reference, ExtractRefresher refresher, StaticWebsitePublisher website)
{
    [Function(nameof(RefreshExtracts))]
    public async Task Run([TimerTrigger("%RefreshSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        // Held rows are matched again at a refresh: with the reference data as it is now.
        await reference.EnsureCurrentAsync(cancellationToken);
        var outcome = await refresher.RefreshAsync(cancellationToken);
        if (outcome.Status == RefreshStatus.Failed)
        {
            throw new InvalidOperationException(outcome.Message);
        }

        await website.PublishAsync(cancellationToken);
    }
}
