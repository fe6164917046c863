namespace SharedServicesPipeline.DataMart.Entities;

public sealed class DimServiceArea
{
    public int ServiceAreaKey { get; set; }
    public required string ServiceArea { get; set; }
    public required string Category { get; set; }
}
