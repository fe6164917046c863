namespace SharedServicesPipeline.Pipeline.Reference;

public enum Sector
{
    Council,
    Police,
    Fire,
    Health,
    NationalPark,
    CombinedAuthority,
    Other,
}
