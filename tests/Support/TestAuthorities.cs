using SharedServicesPipeline.Pipeline.Reference;

namespace SharedServicesPipeline.Tests.Support;

/// <summary>A small register of real councils and bodies (codes, tiers, rough coordinates), so mart tests do not depend on the built-in register.</summary>
internal static class TestAuthorities
{
    public static Authority Breckland { get; } = District("E07000143", "Breckland District Council", "Breckland", "E10000020", "East of England", 52.59, 0.83);
    public static Authority SouthHolland { get; } = District("E07000140", "South Holland District Council", "South Holland", "E10000019", "East Midlands", 52.78, -0.05);
    public static Authority Shepway { get; } = District("E07000112", "Shepway District Council", "Shepway", "E10000016", "South East", 51.09, 1.05);
    public static Authority Dover { get; } = District("E07000108", "Dover District Council", "Dover", "E10000016", "South East", 51.17, 1.25);
    public static Authority Brentwood { get; } = District("E07000068", "Brentwood Borough Council", "Brentwood", "E10000012", "East of England", 51.62, 0.3);
    public static Authority Norfolk { get; } = County("E10000020", "Norfolk County Council", "Norfolk", "East of England", 52.67, 1.0);
    public static Authority Lincolnshire { get; } = County("E10000019", "Lincolnshire County Council", "Lincolnshire", "East Midlands", 53.1, -0.4);
    public static Authority Essex { get; } = County("E10000012", "Essex County Council", "Essex", "East of England", 51.77, 0.58);
    public static Authority Cambridgeshire { get; } = County("E10000003", "Cambridgeshire County Council", "Cambridgeshire", "East of England", 52.3, 0.05);
    public static Authority Rutland { get; } = new()
    {
        Code = "E06000017", Name = "Rutland County Council", ShortName = "Rutland", Type = AuthorityType.Unitary, Tier = TierLevel.Single,
        Sector = Sector.Council, Region = "East Midlands", Nation = "England", Latitude = 52.66, Longitude = -0.64,
    };
    public static Authority NorfolkPolice { get; } = new()
    {
        Code = "police-norfolk", Name = "Norfolk Constabulary", Type = AuthorityType.PoliceBody, Tier = TierLevel.Other,
        Sector = Sector.Police, Region = "East of England", Nation = "England", Latitude = 52.6, Longitude = 1.2,
    };
    public static Authority EssexPolice { get; } = new()
    {
        Code = "police-essex", Name = "Essex Police", Type = AuthorityType.PoliceBody, Tier = TierLevel.Other,
        Sector = Sector.Police, Region = "East of England", Nation = "England", Latitude = 51.74, Longitude = 0.47,
    };

    public static IReadOnlyList<Authority> All { get; } =
        [Breckland, SouthHolland, Shepway, Dover, Brentwood, Norfolk, Lincolnshire, Essex, Cambridgeshire, Rutland, NorfolkPolice, EssexPolice];

    public static AuthorityRegister Register() => new(All);

    private static Authority District(string code, string name, string shortName, string county, string region, double lat, double lon) => new()
    {
        Code = code, Name = name, ShortName = shortName, Type = AuthorityType.District, Tier = TierLevel.Lower, Sector = Sector.Council,
        ParentCode = county, Region = region, Nation = "England", Latitude = lat, Longitude = lon,
    };

    private static Authority County(string code, string name, string shortName, string region, double lat, double lon) => new()
    {
        Code = code, Name = name, ShortName = shortName, Type = AuthorityType.County, Tier = TierLevel.Upper, Sector = Sector.Council,
        Region = region, Nation = "England", Latitude = lat, Longitude = lon,
    };
}
