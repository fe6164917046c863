namespace SharedServicesPipeline.DataMart.Entities;

/// <summary>An authority, SCD type 2: a new version when the register changes its name, type or area.</summary>
public sealed class DimAuthority : SharedServicesPipeline.Pipeline.Loading.IMeasuredPartner
{
    public int AuthorityKey { get; set; }
    public required string AuthorityCode { get; set; }
    public required string Name { get; set; }
    public string? ShortName { get; set; }
    public required string AuthorityType { get; set; }
    public required string TierLevel { get; set; }
    public required string Sector { get; set; }
    public string? ParentCode { get; set; }
    public string? Region { get; set; }
    public string? Nation { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    /// <summary>When the body came into being, per the register.</summary>
    public DateOnly? ExistedFrom { get; set; }
    /// <summary>Its last day, per the register (abolished councils).</summary>
    public DateOnly? ExistedTo { get; set; }
    public string? SuccessorCodes { get; set; }
    /// <summary>First day this version describes the authority.</summary>
    public DateOnly ValidFrom { get; set; }
    /// <summary>Last day this version describes the authority; null for the current version.</summary>
    public DateOnly? ValidTo { get; set; }
    public bool IsCurrent { get; set; }
    /// <summary>Hash of the attributes, to notice a change in the register.</summary>
    public required string RowHash { get; set; }
}
