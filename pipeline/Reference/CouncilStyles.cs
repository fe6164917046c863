namespace SharedServicesPipeline.Pipeline.Reference;

/// <summary>How a council styles itself ("County Council", "City Council", "Royal Borough"...). An affix in a name gives a hint in
/// these terms, which picks between councils that share a place name ("Durham CC", "Newcastle City Council").</summary>
[Flags]
internal enum CouncilStyles
{
    None = 0,
    County = 1,
    City = 2,
    District = 4,
    Borough = 8,
    Metropolitan = 16,
    London = 32,
    Royal = 64,
    Unitary = 128,
}

internal static class CouncilStylesOf
{
    public static CouncilStyles Authority(Authority authority)
    {
        var name = NameCanonicaliser.Canonical(authority.Name);
        var tokens = name.Split(' ');
        var styles = authority.Type switch
        {
            AuthorityType.County => CouncilStyles.County,
            AuthorityType.District => CouncilStyles.District,
            // A metropolitan district is a borough unless it is styled a city ("Newcastle upon Tyne City Council").
            AuthorityType.MetropolitanDistrict => CouncilStyles.Metropolitan | (tokens.Contains("city") ? CouncilStyles.None : CouncilStyles.Borough),
            AuthorityType.LondonBorough => CouncilStyles.London | CouncilStyles.Borough,
            AuthorityType.Unitary => CouncilStyles.Unitary,
            AuthorityType.CityCorporation => CouncilStyles.City,
            _ => CouncilStyles.None,
        };
        if (tokens.Contains("county"))
        {
            styles |= CouncilStyles.County;
        }

        if (tokens.Contains("city"))
        {
            styles |= CouncilStyles.City;
        }

        if (tokens.Contains("borough"))
        {
            styles |= CouncilStyles.Borough;
        }

        if (tokens.Contains("district"))
        {
            styles |= CouncilStyles.District;
        }

        if (name.Contains("royal borough", StringComparison.Ordinal))
        {
            styles |= CouncilStyles.Royal;
        }

        return styles;
    }
}
