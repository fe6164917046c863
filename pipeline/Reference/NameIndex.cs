namespace SharedServicesPipeline.Pipeline.Reference;

/// <summary>
/// Canonical keys of the register and aliases, built once. <see cref="Exact"/> holds full names, short names and aliases;
/// <see cref="Cores"/> holds the same names with their council affixes removed ("essex" for Essex County Council), and the
/// leading place of "X upon Y" names ("kingston" for Kingston upon Thames and Kingston upon Hull), so partial names meet all
/// the councils they could mean. <see cref="FuzzyKeys"/> is the precomputed list the typo pass searches.
/// </summary>
internal sealed class NameIndex
{
    private static readonly string[] Joiners = [" upon ", " under ", " on ", " in ", " with ", " le "];

    private readonly Dictionary<string, List<NameTarget>> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<NameTarget>> _cores = new(StringComparer.Ordinal);
    private readonly Lazy<Dictionary<string, List<NameTarget>>> _initialisms;
    private readonly Dictionary<string, HashSet<string>> _codesByKey;

    public NameIndex(AuthorityRegister register, PublicBodyCatalogue bodies, IEnumerable<AuthorityAlias> aliases)
    {
        foreach (var authority in register.Authorities)
        {
            AddAuthority(authority);
        }

        AddSharedPlaces(register);
        _initialisms = new(() => InitialismsOf(register)); // made at the first name written like one

        foreach (var alias in aliases)
        {
            AddAlias(alias, register, bodies);
        }

        FuzzyKeys = [.. _exact.Keys.Concat(_cores.Keys).Distinct(StringComparer.Ordinal)
            .Where(key => key.Length >= 4 && Targets(key).Any(t => t.Kind != AliasKind.Ambiguous))];
        _codesByKey = FuzzyKeys.ToDictionary(
            key => key,
            key => Targets(key).SelectMany(t => t.Authorities).Select(a => a.Code).ToHashSet(StringComparer.OrdinalIgnoreCase),
            StringComparer.Ordinal);
        StylesByCode = register.Authorities.ToDictionary(a => a.Code, CouncilStylesOf.Authority, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyDictionary<string, List<NameTarget>> Exact => _exact;

    public IReadOnlyDictionary<string, List<NameTarget>> Cores => _cores;

    /// <summary>Initialisms ("tandmbc" for T&amp;MBC) made from the register by <see cref="CouncilInitialisms"/>; one several
    /// councils could own lists them all.</summary>
    public IReadOnlyDictionary<string, List<NameTarget>> Initialisms => _initialisms.Value;

    /// <summary>Every key the typo pass may land on (four letters or more; not the ambiguous abbreviations).</summary>
    public IReadOnlyList<string> FuzzyKeys { get; }

    /// <summary>The targets of a key, whether it is a full name or a core.</summary>
    public List<NameTarget> Targets(string key)
    {
        var targets = new List<NameTarget>();
        if (_exact.TryGetValue(key, out var exact))
        {
            targets.AddRange(exact);
        }

        if (_cores.TryGetValue(key, out var cores))
        {
            targets.AddRange(cores);
        }

        return targets;
    }

    /// <summary>Whether two fuzzy keys name the same bodies (then they are spellings of one choice, not rivals).</summary>
    public bool SameBodies(string key, string other) =>
        _codesByKey.TryGetValue(key, out var a) && _codesByKey.TryGetValue(other, out var b) && (a.IsSubsetOf(b) || b.IsSubsetOf(a));

    public IReadOnlyDictionary<string, CouncilStyles> StylesByCode { get; }

    private void AddAuthority(Authority authority)
    {
        var target = NameTarget.Single(authority);
        var strategic = authority.Type is AuthorityType.CombinedAuthority or AuthorityType.StrategicAuthority;
        var names = new List<string> { NameCanonicaliser.Canonical(authority.Name) };
        if (authority.ShortName is { } shortName)
        {
            names.Add(NameCanonicaliser.Canonical(shortName));
        }

        foreach (var name in names)
        {
            // A combined authority's place names often list councils ("Cambridgeshire and Peterborough"): those stay with the councils.
            var listsCouncils = strategic && name.Contains(" and ", StringComparison.Ordinal);
            if (name == names[0] || !listsCouncils)
            {
                Add(_exact, name, target);
            }

            if (listsCouncils)
            {
                continue;
            }

            foreach (var (core, _) in CouncilAffixes.StripSteps(name))
            {
                Add(_cores, core, target);
            }

            foreach (var partial in Partials(CouncilAffixes.Core(name)))
            {
                Add(_cores, partial, target);
            }
        }
    }

    private void AddAlias(AuthorityAlias alias, AuthorityRegister register, PublicBodyCatalogue bodies)
    {
        var key = NameCanonicaliser.Canonical(alias.Alias);
        var authorities = alias.Codes.Select(code => register.Find(code) ?? bodies.Find(code)).OfType<Authority>().ToList();
        if (key.Length == 0 || authorities.Count == 0)
        {
            return; // an alias naming no known code is ignored, not fatal
        }

        switch (alias.Kind)
        {
            case AliasKind.Name:
                foreach (var authority in authorities)
                {
                    Add(_exact, key, NameTarget.Single(authority));
                    foreach (var (core, _) in CouncilAffixes.StripSteps(key))
                    {
                        Add(_cores, core, NameTarget.Single(authority));
                    }
                }

                break;
            case AliasKind.Group:
                Add(_exact, key, new NameTarget(authorities, AliasKind.Group));
                break;
            default:
                Add(_exact, key, new NameTarget(authorities, AliasKind.Ambiguous));
                foreach (var authority in authorities)
                {
                    Add(_cores, key, NameTarget.Single(authority));
                }

                break;
        }
    }

    private static Dictionary<string, List<NameTarget>> InitialismsOf(AuthorityRegister register)
    {
        var initialisms = new Dictionary<string, List<NameTarget>>(StringComparer.Ordinal);
        foreach (var authority in register.Authorities)
        {
            foreach (var initialism in CouncilInitialisms.Of(authority))
            {
                Add(initialisms, initialism, NameTarget.Single(authority));
            }
        }

        return initialisms;
    }

    /// <summary>"Lanarkshire" for North and South Lanarkshire, "Sussex" for East and West Sussex: a place that two or more councils
    /// share after a compass word, and that no council is named for alone, is a core of all of them, so it goes to review with
    /// them as candidates (one council alone, as West Berkshire for "Berkshire", is not enough: that would be a guess).</summary>
    private void AddSharedPlaces(AuthorityRegister register)
    {
        var shared = new Dictionary<string, HashSet<Authority>>(StringComparer.Ordinal);
        foreach (var authority in register.Authorities)
        {
            foreach (var name in new[] { authority.Name, authority.ShortName }.OfType<string>())
            {
                var core = CouncilAffixes.Core(NameCanonicaliser.Canonical(name));
                var compass = CouncilAffixes.CompassWords.Where(w => core.StartsWith($"{w} ", StringComparison.Ordinal)).MaxBy(w => w.Length);
                if (compass is not null && core[(compass.Length + 1)..] is var rest && CouncilAffixes.IsUsableCore(rest)
                    && !rest.StartsWith("and ", StringComparison.Ordinal) && !rest.StartsWith("of ", StringComparison.Ordinal))
                {
                    (shared.TryGetValue(rest, out var set) ? set : shared[rest] = []).Add(authority);
                }
            }
        }

        foreach (var (place, authorities) in shared.Where(p => p.Value.Count >= 2 && !_exact.ContainsKey(p.Key) && !_cores.ContainsKey(p.Key)))
        {
            foreach (var authority in authorities.OrderBy(a => a.Code, StringComparer.Ordinal))
            {
                Add(_cores, place, NameTarget.Single(authority));
            }
        }
    }

    /// <summary>"kingston upon thames" → "kingston"; "barrow in furness" → "barrow".</summary>
    private static IEnumerable<string> Partials(string core)
    {
        foreach (var joiner in Joiners)
        {
            var at = core.IndexOf(joiner, StringComparison.Ordinal);
            if (at > 0 && CouncilAffixes.IsUsableCore(core[..at]))
            {
                yield return core[..at];
            }
        }
    }

    private static void Add(Dictionary<string, List<NameTarget>> index, string key, NameTarget target)
    {
        if (key.Length == 0)
        {
            return;
        }

        if (!index.TryGetValue(key, out var targets))
        {
            index[key] = targets = [];
        }

        if (!targets.Any(t => t.Kind == target.Kind && t.Authorities.SequenceEqual(target.Authorities)))
        {
            targets.Add(target);
        }
    }
}
