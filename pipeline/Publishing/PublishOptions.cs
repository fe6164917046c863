namespace SharedServicesPipeline.Pipeline.Publishing;

/// <summary>Configuration section <c>Publish</c>.</summary>
public sealed class PublishOptions
{
    public const string Section = "Publish";

    /// <summary>How many published runs to keep under <c>runs/</c>, the latest included.</summary>
    public int KeepRuns { get; set; } = 5;
}
