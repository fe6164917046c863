namespace SharedServicesPipeline.DataMart.Entities;

/// <summary>A record of each refresh: what operators look at when a dashboard seems stale.</summary>
public sealed class RefreshRun
{
    public int RefreshRunKey { get; set; }
    public required string RunId { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public double DurationMs { get; set; }
    public required string Outcome { get; set; }
    public string? Watermark { get; set; }
    public int Files { get; set; }
    public long Rows { get; set; }
    public int HeldRowsLoaded { get; set; }
    public string? Message { get; set; }
}
