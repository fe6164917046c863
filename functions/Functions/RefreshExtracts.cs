using Microsoft.Azure.Functions.Worker;
using SharedServicesPipeline.Pipeline;

namespace SharedServicesPipeline.Functions.Functions;

/// <summary>The scheduled refresh (setting <c>RefreshSchedule</c>, NCRONTAB in UTC; default 02:00 nightly).</summary>
public sealed class RefreshExtracts(ExtractRefresher refresher)
{
    [Function(nameof(RefreshExtracts))]
    public Task Run([TimerTrigger("%RefreshSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        refresher.RefreshAsync(cancellationToken);
}
