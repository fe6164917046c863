namespace SharedServicesPipeline.DataMart.Entities;

/// <summary>A junk dimension: the combinations of status, governance and delivery model that occur.</summary>
public sealed class DimArrangementProfile
{
    public int ProfileKey { get; set; }
    public required string Status { get; set; }
    public required string Governance { get; set; }
    public required string DeliveryModel { get; set; }
}
