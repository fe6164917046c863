namespace SharedServicesPipeline.Functions.Storage;

/// <summary>Configuration section <c>ExtractLinks</c>: the read links that <c>GET /api/extracts</c> hands out.</summary>
public sealed class ExtractLinkOptions
{
    public const string Section = "ExtractLinks";

    /// <summary>How long a link can be used. Short: a dashboard asks again for fresh links.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(15);
}
