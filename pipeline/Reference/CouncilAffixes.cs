namespace SharedServicesPipeline.Pipeline.Reference;

/// <summary>The words around a council's place name ("Borough Council", "LB", "Cyngor Sir"...), and what each says about the council.
/// Works on canonical names (see <see cref="NameCanonicaliser"/>).</summary>
internal static class CouncilAffixes
{
    private const CouncilStyles CountyOrCity = CouncilStyles.County | CouncilStyles.City;

    /// <summary>The words that say a name lists several councils ("Teignbridge &amp; Torridge DCs"): alone on one council's name
    /// ("Kent councils") they mean a group of councils, not that council.</summary>
    private static readonly string[] PluralSuffixes =
    [
        " councils", " district councils", " borough councils", " county councils", " city councils", " dcs", " bcs", " ccs", " mbcs",
    ];

    /// <summary>Compass words that may be elided in a list ("East &amp; West Sussex", "North and South Kesteven").</summary>
    public static readonly IReadOnlySet<string> CompassWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "north", "south", "east", "west", "mid", "north east", "north west", "south east", "south west",
    };

    // Longest first, so "metropolitan borough council" wins over "borough council" and "council".
    private static readonly (string Words, CouncilStyles Hint)[] Suffixes = Longest(
    [
        ("metropolitan borough council", CouncilStyles.Metropolitan),
        ("metropolitan district council", CouncilStyles.Metropolitan),
        ("metropolitan borough", CouncilStyles.Metropolitan),
        ("metropolitan council", CouncilStyles.Metropolitan),
        ("mc", CouncilStyles.Metropolitan),
        ("metropolitan", CouncilStyles.Metropolitan),
        ("met borough council", CouncilStyles.Metropolitan),
        ("met council", CouncilStyles.Metropolitan),
        ("met", CouncilStyles.Metropolitan),
        ("mbc", CouncilStyles.Metropolitan),
        ("mdc", CouncilStyles.Metropolitan),
        ("royal borough council", CouncilStyles.Royal),
        ("rbc", CouncilStyles.Royal),
        ("london borough council", CouncilStyles.London),
        ("lbc", CouncilStyles.London),
        ("lb", CouncilStyles.London), // "Hackney LB", as "LB Hackney" is written the other way round
        ("county borough council", CouncilStyles.County | CouncilStyles.Borough),
        ("cbc", CouncilStyles.County | CouncilStyles.Borough),
        ("city and district council", CouncilStyles.City | CouncilStyles.District),
        ("city and district", CouncilStyles.City | CouncilStyles.District),
        ("city and county council", CountyOrCity),
        ("borough council", CouncilStyles.Borough),
        ("district council", CouncilStyles.District),
        ("county council", CouncilStyles.County),
        ("country council", CouncilStyles.County), // a spelling checker's favourite
        ("county councils", CouncilStyles.County),
        ("district councils", CouncilStyles.District),
        ("borough councils", CouncilStyles.Borough),
        ("city councils", CouncilStyles.City),
        ("city council", CouncilStyles.City),
        ("unitary authority", CouncilStyles.Unitary),
        ("unitary council", CouncilStyles.Unitary),
        ("unitary", CouncilStyles.Unitary), // "Wokingham Unitary", as some returns write a unitary council
        ("councils", CouncilStyles.None),
        ("council", CouncilStyles.None),
        ("corporation", CouncilStyles.None),
        ("borough", CouncilStyles.Borough),
        ("district", CouncilStyles.District),
        ("county", CouncilStyles.County),
        ("city", CouncilStyles.City),
        ("bc", CouncilStyles.Borough),
        ("dc", CouncilStyles.District),
        ("cc", CountyOrCity),
        ("bcs", CouncilStyles.Borough),
        ("dcs", CouncilStyles.District),
        ("ccs", CountyOrCity),
        ("mbcs", CouncilStyles.Metropolitan),
        ("ua", CouncilStyles.Unitary),
        ("mayoral combined authority", CouncilStyles.Combined),
        ("combined county authority", CouncilStyles.Combined),
        ("combined authority", CouncilStyles.Combined),
        ("mca", CouncilStyles.Combined),
        ("cca", CouncilStyles.Combined),
        ("ca", CouncilStyles.Combined),
    ]);

    private static readonly (string Words, CouncilStyles Hint)[] Prefixes = Longest(
    [
        // The legal names in contracts: "The Mayor and Burgesses of the London Borough of Camden", "The Mayor and Commonalty
        // and Citizens of the City of London".
        ("mayor and burgesses of", CouncilStyles.None),
        ("mayor and commonalty and citizens of", CouncilStyles.None),
        ("council of city of", CouncilStyles.City),
        ("council of", CouncilStyles.None),
        ("london borough of", CouncilStyles.London),
        ("royal borough of", CouncilStyles.Royal),
        ("metropolitan borough of", CouncilStyles.Metropolitan),
        ("borough council of", CouncilStyles.Borough),
        ("borough of", CouncilStyles.Borough),
        ("district council of", CouncilStyles.District),
        ("district of", CouncilStyles.District),
        ("city and county of", CountyOrCity),
        ("city of", CouncilStyles.City),
        ("county of", CouncilStyles.County),
        ("lb of", CouncilStyles.London),
        ("lb", CouncilStyles.London),
        ("rb of", CouncilStyles.Royal),
        ("rb", CouncilStyles.Royal),
        ("cyngor bwrdeistref sirol", CouncilStyles.County | CouncilStyles.Borough),
        ("cyngor dinas a sir", CountyOrCity),
        ("cyngor dinas", CouncilStyles.City),
        ("cyngor sir", CouncilStyles.County),
        ("cyngor", CouncilStyles.None),
        ("comhairle", CouncilStyles.None),
    ]);

    /// <summary>Markers of councils below the principal tier (town, parish, community): never matched to a principal council.</summary>
    private static readonly string[] NonPrincipalMarkers =
    [
        "town council", "parish council", "parish meeting", "community council", "neighbourhood council", "village council",
        "cyngor tref", "cyngor cymuned",
        // Parish-tier councils styled "City Council" whose names a district's would otherwise swallow.
        "salisbury city council", "lichfield city council", "chichester city council",
    ];

    /// <summary>What officers type when they have no name yet: never a council, whatever an initialism would make of it.</summary>
    private static readonly HashSet<string> Placeholders = new(StringComparer.Ordinal)
    {
        "tbc", "tba", "tbd", "na", "none", "nil", "unknown", "not known", "nk", "not applicable", "various", "other", "others",
        "see notes", "see below", "see above", "as above", "see tab", "to be confirmed", "to be decided", "x", "xx", "xxx",
    };

    /// <summary>Generic words that a name must never be reduced to.</summary>
    private static readonly HashSet<string> NeverACore = new(StringComparer.Ordinal)
    {
        "", "london", "city", "county", "borough", "district", "council", "councils", "north", "south", "east", "west", "mid",
        "central", "great", "greater", "royal", "and", "of", "st", "new", "upper", "lower",
    };

    // The affixes and markers as they are searched for, with their spaces, built once (not on every call).
    private static readonly string[] SuffixPatterns = [.. Suffixes.Select(s => $" {s.Words}")];
    private static readonly string[] PrefixPatterns = [.. Prefixes.Select(p => $"{p.Words} ")];
    private static readonly string[] NonPrincipalPatterns = [.. NonPrincipalMarkers.Select(m => $" {m} ")];

    /// <summary>The suffixes and prefixes, longest first, with their hints: for a page that strips affixes as the matcher does.</summary>
    internal static IReadOnlyList<(string Words, CouncilStyles Hint)> SuffixWords => Suffixes;

    internal static IReadOnlyList<(string Words, CouncilStyles Hint)> PrefixWords => Prefixes;

    internal static IReadOnlyCollection<string> NeverACoreWords => NeverACore;

    public static bool IsNonPrincipal(string canonical)
    {
        var padded = $" {canonical} ";
        return NonPrincipalPatterns.Any(marker => padded.Contains(marker, StringComparison.Ordinal));
    }

    public static bool IsUsableCore(string core) => !NeverACore.Contains(core) && core.Length > 1;

    public static bool IsPlaceholder(string canonical) => Placeholders.Contains(canonical);

    /// <summary>Whether the name ends with a plural affix ("Councils", "DCs"), so names several councils.</summary>
    public static bool NamesSeveral(string canonical) =>
        PluralSuffixes.Any(suffix => canonical.EndsWith(suffix, StringComparison.Ordinal));

    /// <summary>Whether an authority may be meant by a name carrying this hint: a combined-authority affix admits only combined
    /// authorities ("Peterborough CA" is never Peterborough City Council); any other affix is only a preference.</summary>
    public static bool Admits(CouncilStyles hint, Authority authority) =>
        !AdmitsOnlyCombined(hint) || authority.Sector == Sector.CombinedAuthority;

    public static bool AdmitsOnlyCombined(CouncilStyles hint) => (hint & CouncilStyles.Combined) != 0;

    /// <summary>Successive forms of the name with one more affix removed each time, with the styles the removed affixes imply.
    /// The full name is not included.</summary>
    public static IReadOnlyList<(string Core, CouncilStyles Hint)> StripSteps(string canonical)
    {
        var steps = new List<(string, CouncilStyles)>();
        var current = canonical;
        var hint = CouncilStyles.None;
        while (true)
        {
            var stripped = StripOne(current, out var affixHint);
            if (stripped is null || !IsUsableCore(stripped))
            {
                break;
            }

            // Several hints ("Borough of X City Council") narrow each other only if they agree; otherwise keep the latest.
            hint = hint == CouncilStyles.None || (hint & affixHint) == 0 ? affixHint | hint : hint & affixHint;
            current = stripped;
            steps.Add((current, hint));
        }

        return steps;
    }

    /// <summary>"essex county council adult social care" → "essex county council", "braintree dc host" → "braintree dc": a
    /// department or note after the council's name and its affix. Null when nothing follows the first affix.</summary>
    public static string? HeadBeforeTrailingWords(string canonical)
    {
        var tokens = canonical.Split(' ');
        for (var i = 1; i < tokens.Length - 1; i++)
        {
            if (HeadEnders.Contains(tokens[i]))
            {
                return string.Join(' ', tokens[..(i + 1)]);
            }
        }

        return null;
    }

    // The last word of a council's name as written, after which anything is a note.
    private static readonly HashSet<string> HeadEnders = new(StringComparer.Ordinal)
    {
        "council", "dc", "bc", "cc", "mbc", "mdc", "cbc", "rbc", "lbc", "ua",
    };

    /// <summary>The name with every affix removed, or the name itself.</summary>
    public static string Core(string canonical)
    {
        var steps = StripSteps(canonical);
        return steps.Count > 0 ? steps[^1].Core : canonical;
    }

    private static string? StripOne(string name, out CouncilStyles hint)
    {
        for (var i = 0; i < Suffixes.Length; i++)
        {
            if (name.EndsWith(SuffixPatterns[i], StringComparison.Ordinal))
            {
                hint = Suffixes[i].Hint;
                return name[..^SuffixPatterns[i].Length];
            }
        }

        for (var i = 0; i < Prefixes.Length; i++)
        {
            if (name.StartsWith(PrefixPatterns[i], StringComparison.Ordinal))
            {
                hint = Prefixes[i].Hint;
                return name[PrefixPatterns[i].Length..];
            }
        }

        hint = CouncilStyles.None;
        return null;
    }

    private static (string, CouncilStyles)[] Longest((string Words, CouncilStyles Hint)[] affixes) =>
        [.. affixes.OrderByDescending(a => a.Words.Length)];
}
