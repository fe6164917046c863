using SharedServicesPipeline.Pipeline.Loading;
using SharedServicesPipeline.Pipeline.Publishing;

namespace SharedServicesPipeline.Pipeline;

/// <summary>The refresh entry point, shared by the timer, <c>POST /api/refresh</c> and <c>ssp refresh</c>.</summary>
public sealed class ExtractRefresher
{
    private readonly ExtractPublisher _publisher;
    private readonly HeldRowResolver _heldRows;

    public ExtractRefresher(ExtractPublisher publisher, HeldRowResolver heldRows)
    {
        _publisher = publisher;
        _heldRows = heldRows;
    }

    /// <summary>Loads held rows that now resolve, then publishes every extract as a new run and makes it the latest.</summary>
    public async Task<RefreshOutcome> RefreshAsync(CancellationToken cancellationToken)
    {
        await _heldRows.ResolveAsync(cancellationToken);
        return await _publisher.PublishAsync(cancellationToken);
    }
}
