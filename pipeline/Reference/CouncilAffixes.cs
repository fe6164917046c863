namespace SharedServicesPipeline.Pipeline.Reference;

/// <summary>The words around a council's place name ("Borough Council", "LB", "Cyngor Sir"...), and what each says about the council.
/// Works on canonical names (see <see cref="NameCanonicaliser"/>).</summary>
internal static class CouncilAffixes
{
    private const CouncilStyles CountyOrCity = CouncilStyles.County | CouncilStyles.City;

    // Longest first, so "metropolitan borough council" wins over "borough council" and "council".
    private static readonly (string Words, CouncilStyles Hint)[] Suffixes = Longest(
    [
        ("metropolitan borough council", CouncilStyles.Metropolitan),
        ("metropolitan district council", CouncilStyles.Metropolitan),
        ("metropolitan borough", CouncilStyles.Metropolitan),
        ("metropolitan council", CouncilStyles.Metropolitan),
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
        ("county borough council", CouncilStyles.County | CouncilStyles.Borough),
        ("cbc", CouncilStyles.County | CouncilStyles.Borough),
        ("city and district council", CouncilStyles.City | CouncilStyles.District),
        ("city and district", CouncilStyles.City | CouncilStyles.District),
        ("city and county council", CountyOrCity),
        ("borough council", CouncilStyles.Borough),
        ("district council", CouncilStyles.District),
        ("county council", CouncilStyles.County),
        ("city council", CouncilStyles.City),
        ("unitary authority", CouncilStyles.Unitary),
        ("unitary council", CouncilStyles.Unitary),
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
        ("ua", CouncilStyles.Unitary),
        ("mayoral combined authority", CouncilStyles.None),
        ("combined county authority", CouncilStyles.None),
        ("combined authority", CouncilStyles.None),
        ("mca", CouncilStyles.None),
        ("cca", CouncilStyles.None),
        ("ca", CouncilStyles.None),
    ]);

    private static readonly (string Words, CouncilStyles Hint)[] Prefixes = Longest(
    [
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
    ];

    /// <summary>Generic words that a name must never be reduced to.</summary>
    private static readonly HashSet<string> NeverACore = new(StringComparer.Ordinal)
    {
        "", "london", "city", "county", "borough", "district", "council", "councils", "north", "south", "east", "west", "mid",
        "central", "great", "greater", "royal", "and", "of", "st", "new", "upper", "lower",
    };

    public static bool IsNonPrincipal(string canonical) =>
        NonPrincipalMarkers.Any(marker => $" {canonical} ".Contains($" {marker} ", StringComparison.Ordinal));

    public static bool IsUsableCore(string core) => !NeverACore.Contains(core) && core.Length > 1;

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

    /// <summary>"essex county council adult social care" → "essex county council": a department or note after the council's name.
    /// Null when nothing follows "council".</summary>
    public static string? HeadBeforeTrailingWords(string canonical)
    {
        var at = $" {canonical} ".IndexOf(" council ", StringComparison.Ordinal);
        if (at <= 0)
        {
            return null;
        }

        var head = canonical[..(at + "council".Length)];
        return head.Length < canonical.Length ? head : null;
    }

    /// <summary>The name with every affix removed, or the name itself.</summary>
    public static string Core(string canonical)
    {
        var steps = StripSteps(canonical);
        return steps.Count > 0 ? steps[^1].Core : canonical;
    }

    private static string? StripOne(string name, out CouncilStyles hint)
    {
        foreach (var (words, style) in Suffixes)
        {
            if (name.EndsWith($" {words}", StringComparison.Ordinal))
            {
                hint = style;
                return name[..^(words.Length + 1)];
            }
        }

        foreach (var (words, style) in Prefixes)
        {
            if (name.StartsWith($"{words} ", StringComparison.Ordinal))
            {
                hint = style;
                return name[(words.Length + 1)..];
            }
        }

        hint = CouncilStyles.None;
        return null;
    }

    private static (string, CouncilStyles)[] Longest((string Words, CouncilStyles Hint)[] affixes) =>
        [.. affixes.OrderByDescending(a => a.Words.Length)];
}
