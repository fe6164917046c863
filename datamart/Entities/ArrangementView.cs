namespace SharedServicesPipeline.DataMart.Entities;

/// <summary>A row of view <c>vw_arrangement</c>: an arrangement with its dimensions' names and its partners in one column.</summary>
public sealed class ArrangementView
{
    public int ArrangementKey { get; set; }
    public required string ArrangementId { get; set; }
    public string? Reference { get; set; }
    public required string Title { get; set; }
    public required string ServiceArea { get; set; }
    public required string Category { get; set; }
    public DateOnly? StartDate { get; set; }
    public string? StartFinancialYear { get; set; }
    public DateOnly? EndDate { get; set; }
    public string? Status { get; set; }
    public string? Governance { get; set; }
    public string? DeliveryModel { get; set; }
    public string? LeadAuthority { get; set; }
    /// <summary>Partner names in alphabetical order, separated by "; ".</summary>
    public string? Partners { get; set; }
    public int PartnerCount { get; set; }
    public int CouncilCount { get; set; }
    public bool IsCrossTier { get; set; }
    public bool IsCrossSector { get; set; }
    public double? MaxPartnerDistanceKm { get; set; }
    public decimal? AnnualSavingsGbp { get; set; }
    public decimal? SavingsToDateGbp { get; set; }
}
