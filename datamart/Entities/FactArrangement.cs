namespace SharedServicesPipeline.DataMart.Entities;

/// <summary>The current version of each arrangement.</summary>
public sealed class FactArrangement
{
    public int ArrangementKey { get; set; }
    /// <summary>Stable across resubmissions: derived from <see cref="IdentityKey"/>.</summary>
    public required string ArrangementId { get; set; }
    /// <summary>Reference and lead authority, else normalised title and partner set.</summary>
    public required string IdentityKey { get; set; }
    public string? Reference { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public int ServiceAreaKey { get; set; }
    /// <summary>Management, Back office, Front office or Other: the submitted arrangement type, else the service area's category.</summary>
    public required string Category { get; set; }
    public int ProfileKey { get; set; }
    public int StartDateKey { get; set; }
    public bool StartDateIsApproximate { get; set; }
    public int EndDateKey { get; set; }
    public string? Status { get; set; }
    public string? Governance { get; set; }
    public string? DeliveryModel { get; set; }
    public decimal? AnnualSavingsGbp { get; set; }
    public decimal? SavingsToDateGbp { get; set; }
    public int PartnerCount { get; set; }
    public int CouncilCount { get; set; }
    public bool IsCrossTier { get; set; }
    public bool IsCrossSector { get; set; }
    public double? MaxPartnerDistanceKm { get; set; }
    public int LeadAuthorityKey { get; set; }
    public int SubmissionKey { get; set; }
    public int FirstSubmissionKey { get; set; }
    public int Version { get; set; }
    /// <summary>Hash of the submitted content, to tell an unchanged resubmission.</summary>
    public required string ContentHash { get; set; }

    public List<BridgeArrangementPartner> Partners { get; set; } = [];
}
