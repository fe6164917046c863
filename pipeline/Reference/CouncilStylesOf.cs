namespace SharedServicesPipeline.Pipeline.Reference;

/// <summary>The styles a council's official name and type give it ("Durham County Council" is County; a London borough is London and Borough).</summary>
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
