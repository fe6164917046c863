using SharedServicesPipeline.Pipeline.Reference;

namespace SharedServicesPipeline.Bench.Generation;

/// <summary>
/// Writes an authority's name the way submitters do: the official name, its short name, abbreviations
/// ("Essex CC", "LB Hackney", "Borough of Dacorum", "Wigan MBC"), odd case and punctuation, and typos.
/// </summary>
internal static class MessySpelling
{
    private static readonly string[] Suffixes =
    [
        " Metropolitan Borough Council", " Metropolitan District Council", " County Council", " District Council",
        " Borough Council", " City Council", " Council", " Combined Authority",
    ];

    private static readonly string[] Prefixes = ["London Borough of ", "Royal Borough of ", "City of ", "Borough of ", "Council of the "];

    /// <summary>A clean spelling (official name, short name, or the same with different case and spacing).</summary>
    public static string Clean(Authority authority, Random random) => random.Next(10) switch
    {
        < 6 => authority.Name,
        6 => authority.Name.ToUpperInvariant(),
        7 => authority.Name.ToLowerInvariant(),
        8 => "  " + authority.Name + ".",
        _ => ShortName(authority) + (authority.Type == AuthorityType.CombinedAuthority ? " Combined Authority" : " Council"),
    };

    /// <summary>A messy spelling: an abbreviation, a reordering, "&amp;" for "and", or a typo.</summary>
    public static string Messy(Authority authority, Random random)
    {
        var name = ShortName(authority);
        if (random.Next(4) == 0 && name.Length >= 6)
        {
            name = Typo(name, random);
        }

        var official = authority.Name;
        return authority.Type switch
        {
            AuthorityType.County => Pick(random, $"{name} CC", $"{name} County", $"{name} C.C.", $"County of {name}"),
            AuthorityType.District when official.Contains("Borough", StringComparison.Ordinal) => Pick(random, $"{name} BC", $"Borough of {name}", $"{name} Borough"),
            AuthorityType.District when official.Contains("City", StringComparison.Ordinal) => Pick(random, $"City of {name}", $"{name} City", $"{name} CC"),
            AuthorityType.District => Pick(random, $"{name} DC", $"{name} District", $"{name} Dist. Council"),
            AuthorityType.LondonBorough => Pick(random, $"LB {name}", $"LB of {name}", $"London Borough of {name}", $"{name} LBC"),
            AuthorityType.MetropolitanDistrict => Pick(random, $"{name} MBC", $"{name} Metropolitan Borough", $"{name} Met"),
            AuthorityType.Unitary => Pick(random, $"{name} UA", $"{name} Unitary", $"{name} Council"),
            _ when official.Contains(" and ", StringComparison.Ordinal) => official.Replace(" and ", " & ", StringComparison.Ordinal),
            _ => Pick(random, $"{name} Council", name),
        };
    }

    /// <summary>The register's short name, else the official name without "… Council" or "Borough of …".</summary>
    public static string ShortName(Authority authority)
    {
        if (authority.ShortName is { Length: > 0 } shortName)
        {
            return shortName;
        }

        var name = authority.Name;
        foreach (var prefix in Prefixes.Where(p => name.StartsWith(p, StringComparison.Ordinal)))
        {
            name = name[prefix.Length..];
        }

        foreach (var suffix in Suffixes.Where(s => name.EndsWith(s, StringComparison.Ordinal)).Take(1))
        {
            name = name[..^suffix.Length];
        }

        return name.Trim();
    }

    /// <summary>One slip of the keyboard inside the name: two letters swapped, one dropped or one doubled.</summary>
    internal static string Typo(string name, Random random)
    {
        var at = 1 + random.Next(name.Length - 2);
        if (!char.IsLetter(name[at]) || !char.IsLetter(name[at + 1]))
        {
            return name;
        }

        return random.Next(3) switch
        {
            0 => string.Concat(name.AsSpan(0, at), name.AsSpan(at + 1, 1), name.AsSpan(at, 1), name.AsSpan(at + 2)),
            1 => name.Remove(at, 1),
            _ => name.Insert(at, name[at].ToString()),
        };
    }

    private static string Pick(Random random, params string[] options) => options[random.Next(options.Length)];
}
