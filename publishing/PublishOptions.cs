namespace SharedServicesPipeline.Publishing;

/// <summary>Configuration section <c>Publish</c>.</summary>
public sealed class PublishOptions
{
    public const string Section = "Publish";

    /// <summary>How many published runs to keep under <c>runs/</c>, the latest included. Keep at least 2, so a reader following the previous manifest can finish.</summary>
    public int KeepRuns { get; set; } = 5;

    /// <summary>How long a refresh waits for another one to finish before it reports "a refresh is already running" and does nothing.</summary>
    public TimeSpan LockWait { get; set; } = TimeSpan.FromSeconds(30);
}
