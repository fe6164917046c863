using Microsoft.Azure.Functions.Worker;
using SharedServicesPipeline.Pipeline;
using SharedServicesPipeline.Publishing;

namespace SharedServicesPipeline.Functions.Functions;

/// <summary>
/// The scheduled refresh (setting <c>RefreshSchedule</c>, NCRONTAB in UTC; default <c>0 0 2 * * *</c>, 02:00 UTC,
/// which is 03:00 in British Summer Time). A failed refresh fails the invocation, so that monitoring sees it. The
/// reference check and the static website are the refresh's own steps (<see cref="ExtractRefresher"/>).
/// </summary>
public sealed class RefreshExtracts(ExtractRefresher refresher)
{
    [Function(nameof(RefreshExtracts))]
    public async Task Run([TimerTrigger("%RefreshSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var outcome = await refresher.RefreshAsync(cancellationToken);
        if (outcome.Status == RefreshStatus.Failed)
        {
            throw new InvalidOperationException(outcome.Message);
        }
    }
}
