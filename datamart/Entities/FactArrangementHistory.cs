namespace SharedServicesPipeline.DataMart.Entities;

/// <summary>Every submitted version of an arrangement's measures, so savings can be followed over time.</summary>
public sealed class FactArrangementHistory
{
    public int HistoryKey { get; set; }
    public int ArrangementKey { get; set; }
    public int Version { get; set; }
    public int SubmissionKey { get; set; }
    public required string Title { get; set; }
    public int ServiceAreaKey { get; set; }
    public required string Category { get; set; }
    public int ProfileKey { get; set; }
    public int StartDateKey { get; set; }
    public int EndDateKey { get; set; }
    public int LeadAuthorityKey { get; set; }
    public string? Status { get; set; }
    public decimal? AnnualSavingsGbp { get; set; }
    public decimal? SavingsToDateGbp { get; set; }
    public int PartnerCount { get; set; }
    public int CouncilCount { get; set; }
    public required string ContentHash { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
