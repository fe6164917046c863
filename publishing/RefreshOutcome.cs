using System.Text.Json.Serialization;

namespace SharedServicesPipeline.Publishing;

/// <summary>
/// The run record of a refresh: returned by <c>POST /api/refresh</c> and <c>ssp refresh</c>, kept in the mart.
/// <paramref name="LatestRunId"/> is the run that readers get after this refresh (this one's own when it published).
/// </summary>
public sealed record RefreshOutcome(
    string RunId,
    [property: JsonIgnore] RefreshStatus Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    [property: JsonIgnore] TimeSpan Duration,
    string? Watermark,
    string? LatestRunId,
    IReadOnlyList<ExtractManifestFile> Files,
    string Message)
{
    /// <summary>Follow-up actions after a publish and how they went (e.g. the Power BI dataset refresh).</summary>
    public IReadOnlyList<string> Notices { get; init; } = [];

    /// <summary>Held rows that resolved against the current register and aliases and were loaded by this refresh.</summary>
    public int HeldRowsLoaded { get; init; }

    /// <summary>The status as the run record writes it: succeeded, no-change, failed, busy, running.</summary>
    public string Outcome => StatusText(Status);

    public double DurationMs => Math.Round(Duration.TotalMilliseconds, 1);

    /// <summary>True when nothing changed since the latest run: the refresh succeeded without writing.</summary>
    public bool NoChange => Status == RefreshStatus.NoChange;

    public bool Published => Status == RefreshStatus.Succeeded;

    /// <summary>Rows of the extract tables served after this refresh (a table in CSV and Parquet counts once).</summary>
    public long Rows => Files.Where(f => f.Table.Length > 0).GroupBy(f => f.Table, StringComparer.Ordinal).Sum(g => g.First().Rows);

    /// <summary>The run record's text for the status: succeeded, no-change, failed, busy, running.</summary>
    public static string StatusText(RefreshStatus status) => status switch
    {
        RefreshStatus.NoChange => "no-change",
        _ => status.ToString().ToLowerInvariant(),
    };
}
