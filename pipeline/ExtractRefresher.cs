using SharedServicesPipeline.Pipeline.Publishing;

namespace SharedServicesPipeline.Pipeline;

/// <summary>The refresh entry point, shared by the timer, <c>POST /api/refresh</c> and <c>ssp refresh</c>.</summary>
public sealed class ExtractRefresher
{
    private readonly ExtractPublisher _publisher;

    public ExtractRefresher(ExtractPublisher publisher) => _publisher = publisher;

    /// <summary>Publishes every extract as a new run and makes it the latest.</summary>
    public Task<RefreshOutcome> RefreshAsync(CancellationToken cancellationToken) => _publisher.PublishAsync(cancellationToken);
}
