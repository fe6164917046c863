using Microsoft.Extensions.DependencyInjection;
using SharedServicesPipeline.Pipeline.Reference;

namespace SharedServicesPipeline.Tests.Intake;

/// <summary>
/// A tiny register for intake tests, so that partners resolve whatever state the built-in register and matcher are in:
/// exact official names (and places for the ambiguous pair) through the real <see cref="AuthorityMatcher"/>.
/// </summary>
internal static class IntakeRegister
{
    public static AuthorityRegister Register { get; } = new(
    [
        Council("E10000012", "Essex County Council", AuthorityType.County, TierLevel.Upper),
        Council("E06000039", "Slough Borough Council", AuthorityType.Unitary, TierLevel.Single),
        Council("E07000068", "Brentwood Borough Council", AuthorityType.District, TierLevel.Lower, parent: "E10000012"),
        Council("E10000016", "Kent County Council", AuthorityType.County, TierLevel.Upper),
        Council("E07000110", "Maidstone Borough Council", AuthorityType.District, TierLevel.Lower, parent: "E10000016"),
        Council("E06000022", "Bath and North East Somerset Council", AuthorityType.Unitary, TierLevel.Single),
        Council("E08000021", "Newcastle upon Tyne City Council", AuthorityType.MetropolitanDistrict, TierLevel.Single, shortName: "Newcastle"),
        Council("E07000195", "Newcastle-under-Lyme Borough Council", AuthorityType.District, TierLevel.Lower, shortName: "Newcastle"),
        new Authority { Code = "police-essex", Name = "Essex Police", Type = AuthorityType.PoliceBody, Tier = TierLevel.Other, Sector = Sector.Police },
        new Authority { Code = "fire-essex", Name = "Essex County Fire and Rescue Service", Type = AuthorityType.FireBody, Tier = TierLevel.Other, Sector = Sector.Fire },
    ]);

    public static IAuthorityMatcher Matcher { get; } = new AuthorityMatcher(Register);

    /// <summary>For <c>TestMart.CreateAsync(IntakeRegister.Use)</c>.</summary>
    public static void Use(IServiceCollection services)
    {
        services.AddSingleton(Register);
        services.AddSingleton(Matcher);
    }

    private static Authority Council(string code, string name, AuthorityType type, TierLevel tier, string? parent = null, string? shortName = null) => new()
    {
        Code = code,
        Name = name,
        ShortName = shortName,
        Type = type,
        Tier = tier,
        Sector = Sector.Council,
        ParentCode = parent,
        Nation = "England",
    };
}
