using Microsoft.Azure.Functions.Worker;
using SharedServicesPipeline.Functions.Storage;
using SharedServicesPipeline.Pipeline;

namespace SharedServicesPipeline.Functions.Functions;

/// <summary>The scheduled refresh (setting <c>RefreshSchedule</c>, NCRONTAB in UTC; default 02:00 nightly).</summary>
public sealed class RefreshExtracts(ExtractRefresher refresher, StaticWebsitePublisher website)
{
    [Function(nameof(RefreshExtracts))]
    public async Task Run([TimerTrigger("%RefreshSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        await refresher.RefreshAsync(cancellationToken);
        await website.PublishAsync(cancellationToken);
    }
}
