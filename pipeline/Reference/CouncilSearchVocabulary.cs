namespace SharedServicesPipeline.Pipeline.Reference;

/// <summary>
/// What a page needs to find a council by the names the matcher accepts, taken from the matcher's own reference data:
/// its word expansions and affixes (with the styles each implies), and for each council the cores of its official name,
/// short name and aliases (the name with every affix removed, as <see cref="CouncilAffixes.Core"/> gives it).
/// </summary>
public static class CouncilSearchVocabulary
{
    public static IReadOnlyDictionary<string, string> Expansions => NameCanonicaliser.WordExpansions;

    public static IReadOnlyDictionary<string, string> CompassExpansions => NameCanonicaliser.CompassWordExpansions;

    public static IReadOnlyList<(string Words, int Styles)> Suffixes { get; } = [.. CouncilAffixes.SuffixWords.Select(s => (s.Words, (int)s.Hint))];

    public static IReadOnlyList<(string Words, int Styles)> Prefixes { get; } = [.. CouncilAffixes.PrefixWords.Select(s => (s.Words, (int)s.Hint))];

    /// <summary>Generic words a name is never reduced to ("london", "county"…).</summary>
    public static IReadOnlyList<string> NeverACore { get; } = [.. CouncilAffixes.NeverACoreWords.Order(StringComparer.Ordinal)];

    /// <summary>The style flags of a council's own name and type (county, city, district, borough, London…), as the matcher reads them.</summary>
    public static int StylesOf(Authority authority) => (int)CouncilStylesOf.Authority(authority);

    /// <summary>The search keys of each council: the cores of its names and of the aliases that name it (kind name, or ambiguous: one of several).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> KeysByCode(AuthorityRegister register, IEnumerable<AuthorityAlias> aliases)
    {
        var keys = new Dictionary<string, SortedSet<string>>(StringComparer.OrdinalIgnoreCase);
        void Add(string code, string? name)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                return;
            }

            var canonical = NameCanonicaliser.Canonical(name);
            if (!keys.TryGetValue(code, out var set))
            {
                keys[code] = set = new SortedSet<string>(StringComparer.Ordinal);
            }

            set.Add(canonical);
            set.Add(CouncilAffixes.Core(canonical));
        }

        foreach (var authority in register.Authorities.Where(a => a.IsCouncil))
        {
            Add(authority.Code, authority.Name);
            Add(authority.Code, authority.ShortName);
        }

        // "Richmond" (ambiguous) is a key of each council it may mean, so the page lists them rather than finding none.
        foreach (var alias in aliases.Where(a => a.Kind is AliasKind.Name or AliasKind.Ambiguous))
        {
            foreach (var code in alias.Codes.Where(c => register.Find(c)?.IsCouncil == true))
            {
                Add(code, alias.Alias);
            }
        }

        return keys.ToDictionary(k => k.Key, k => (IReadOnlyList<string>)[.. k.Value], StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The built-in aliases (the matcher's own file).</summary>
    public static IReadOnlyList<AuthorityAlias> BuiltInAliases => AliasCsv.BuiltIn();
}
