namespace SharedServicesPipeline.Pipeline.Reference;

/// <summary>The authority type that stands for each non-council sector, and the prefix of its slug codes.</summary>
internal static class BodyTypes
{
    public static AuthorityType Of(Sector sector) => sector switch
    {
        Sector.Police => AuthorityType.PoliceBody,
        Sector.Fire => AuthorityType.FireBody,
        Sector.Health => AuthorityType.HealthBody,
        Sector.NationalPark => AuthorityType.NationalPark,
        _ => AuthorityType.OtherBody,
    };

    public static string CodePrefix(Sector sector) => sector switch
    {
        Sector.Police => "police",
        Sector.Fire => "fire",
        Sector.Health => "health",
        Sector.NationalPark => "national-park",
        _ => "other",
    };
}
