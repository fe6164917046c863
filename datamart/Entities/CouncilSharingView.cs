namespace SharedServicesPipeline.DataMart.Entities;

/// <summary>A row of view <c>vw_council_sharing</c>: every council of the register with its arrangement counts, zero included.</summary>
public sealed class CouncilSharingView
{
    /// <summary>The current version of the council in dim_authority.</summary>
    public int AuthorityKey { get; set; }
    public required string AuthorityCode { get; set; }
    public required string Name { get; set; }
    public required string AuthorityType { get; set; }
    public required string TierLevel { get; set; }
    public string? Region { get; set; }
    public string? Nation { get; set; }
    /// <summary>Last day the council existed (abolished councils), else null.</summary>
    public DateOnly? ExistedTo { get; set; }
    /// <summary>Arrangements with any version of this council as a partner.</summary>
    public int ArrangementCount { get; set; }
    public int LeadCount { get; set; }
    public int LiveCount { get; set; }
    public int FrontOfficeCount { get; set; }
    public int CrossTierCount { get; set; }
}
