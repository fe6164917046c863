namespace SharedServicesPipeline.DataMart.Entities;

/// <summary>Every submitted version of an arrangement's measures, so savings can be followed over time.</summary>
public sealed class FactArrangementHistory
{
    public int HistoryKey { get; set; }
    public int ArrangementKey { get; set; }
    public int Version { get; set; }
    public int SubmissionKey { get; set; }
    public int StartDateKey { get; set; }
    public int ServiceAreaKey { get; set; }
    public string? Status { get; set; }
    public decimal? AnnualSavingsGbp { get; set; }
    public decimal? SavingsToDateGbp { get; set; }
    public int PartnerCount { get; set; }
    public required string ContentHash { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
