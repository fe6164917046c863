namespace SharedServicesPipeline.Publishing;

/// <summary>Told after a new run is published, e.g. to ask Power BI to refresh its dataset.</summary>
public interface IPublishNotifier
{
    /// <summary>Acts on the new run; returns a one-line notice of what it did, or null when it is not configured.</summary>
    Task<string?> NotifyAsync(ExtractManifest manifest, CancellationToken cancellationToken);
}
