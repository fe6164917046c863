namespace SharedServicesPipeline.DataMart.Entities;

/// <summary>A submitted row waiting for a partner name to be resolved (an alias added); loaded by a later refresh.</summary>
public sealed class HeldRowEntity
{
    public int HeldRowKey { get; set; }
    public int SubmissionKey { get; set; }
    public required string Sheet { get; set; }
    public int RowNumber { get; set; }
    /// <summary>The row's cells as JSON (template column → text); contact details are never stored.</summary>
    public required string ValuesJson { get; set; }
    /// <summary>The names that could not be resolved, separated by new lines.</summary>
    public required string UnresolvedNames { get; set; }
    /// <summary>held, loaded or rejected.</summary>
    public required string State { get; set; }
    public DateTimeOffset HeldAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    /// <summary>The submission that loaded it once resolved (a synthetic "held rows" submission, see <c>HeldRowResolver</c>).</summary>
    public int? ResolvedSubmissionKey { get; set; }
    /// <summary>Why a held row was rejected when validated again (e.g. its partners are now known but none is a council).</summary>
    public string? Reason { get; set; }
}
