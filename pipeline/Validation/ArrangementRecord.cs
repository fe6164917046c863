using SharedServicesPipeline.Pipeline.Reference;

namespace SharedServicesPipeline.Pipeline.Validation;

/// <summary>A valid arrangement with its partners resolved to authorities: what the loader loads.</summary>
public sealed record ArrangementRecord
{
    public required string Sheet { get; init; }
    public required int RowNumber { get; init; }
    public string? Reference { get; init; }
    public required string Title { get; init; }
    public string? Description { get; init; }
    public required ServiceArea ServiceArea { get; init; }
    /// <summary>Management, Back office, Front office or Other: from the submitted type, else from the service area.</summary>
    public required string Category { get; init; }
    public DateOnly? StartDate { get; init; }
    public bool StartDateIsApproximate { get; init; }
    public DateOnly? EndDate { get; init; }
    public string? Status { get; init; }
    public decimal? AnnualSavings { get; init; }
    public decimal? SavingsToDate { get; init; }
    public string? Governance { get; init; }
    public string? DeliveryModel { get; init; }
    public required IReadOnlyList<Authority> Partners { get; init; }
    public Authority? Lead { get; init; }
}
