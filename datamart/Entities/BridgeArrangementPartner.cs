namespace SharedServicesPipeline.DataMart.Entities;

/// <summary>Arrangement × authority, so authorities filter arrangements through one single-direction path.</summary>
public sealed class BridgeArrangementPartner
{
    public int ArrangementKey { get; set; }
    public int AuthorityKey { get; set; }
    public bool IsLead { get; set; }
}
