using System.Collections.Concurrent;
using FuzzySharp;

namespace SharedServicesPipeline.Pipeline.Reference;

/// <summary>
/// Resolves partner names to the register, in order, stopping at the first step that finds bodies that existed on the date:
/// <list type="number">
/// <item>the canonical full name, short name or alias (an "ambiguous" alias goes straight to review);</item>
/// <item>non-council public bodies, curated or recognised by their words (never matched to a council);</item>
/// <item>town, parish and community councils: never a principal council, so unmatched;</item>
/// <item>the name with council affixes removed one at a time, the affixes choosing between councils that share a place
/// ("Essex CC" county, "Lincoln CC" city, "Newcastle City Council" upon Tyne), and at each step an initialism made from the
/// register when the name is written like one ("NKDC", "T&amp;MBC");</item>
/// <item>a list of councils ("Adur and Worthing Councils", "Teignbridge &amp; Torridge DCs") when every part is a council;</item>
/// <item>the council's name before trailing words ("Essex County Council - Adult Social Care", "Braintree DC - host");</item>
/// <item>a typo pass (FuzzySharp) that needs both a high score and a clear margin over the runner-up, or a single keyboard slip
/// that no other council is as near.</item>
/// </list>
/// With a date, a council abolished by then stands for the one that took its place (<see cref="Successions"/>). Two or more
/// plausible councils are never guessed between: the result is Ambiguous with its candidates.
/// Built once; Match is a dictionary lookup in the common case, and results are cached.
/// </summary>
public sealed class AuthorityMatcher : IAuthorityMatcher
{
    private const double CoreConfidence = 0.95;
    private const double FallbackFactor = 0.9;
    private const int CacheLimit = 200_000;
    // Characters of names (and partners cells) each memo may keep, 48 MB of text: the count limit's 200,000 entries at
    // 120 characters each, so real cells and names always fit while 32,767-letter names stop being kept.
    private const long CacheChars = 24_000_000;
    private const int ReviewCandidates = 3;
    private const int ReviewMinScore = 70;

    private static readonly Lazy<AuthorityMatcher> LazyBuiltIn = new(() => new AuthorityMatcher(AuthorityRegister.BuiltIn));

    private readonly NameIndex _index;
    private readonly FuzzyIndex<string> _fuzzy;
    private readonly BodyRecogniser _bodies;
    private readonly PublicBodyCatalogue _catalogue;
    private readonly PartnerSplitter _splitter;
    private readonly MatchMemo _memo = new(new MemoRoom(CacheLimit, CacheChars));
    // The typo pass and the review candidates depend on the name alone, not the date: worked out once per name.
    private readonly ConcurrentDictionary<string, (string Value, int Score)?> _typos = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, List<MatchCandidate>> _nearest = new(StringComparer.Ordinal);
    private readonly MemoRoom _nameRoom = new(CacheLimit, CacheChars); // the typo and nearest memos together

    public AuthorityMatcher(AuthorityRegister register)
        : this(register, AliasCsv.BuiltIn())
    {
    }

    public AuthorityMatcher(AuthorityRegister register, IEnumerable<AuthorityAlias> aliases)
        : this(register, aliases, PublicBodyCatalogue.BuiltIn)
    {
    }

    internal AuthorityMatcher(AuthorityRegister register, IEnumerable<AuthorityAlias> aliases, PublicBodyCatalogue bodies)
    {
        Register = register;
        _index = new NameIndex(register, bodies, LastPerAlias(aliases));
        _fuzzy = new FuzzyIndex<string>(_index.FuzzyKeys.Select(key => (key, key)));
        _catalogue = bodies;
        _bodies = new BodyRecogniser(bodies);
        _splitter = new PartnerSplitter(name => Resolve(name, null, allowLists: false, outer: null).Status != MatchStatus.Unmatched);
    }

    public AuthorityRegister Register { get; }

    /// <summary>The matcher over the built-in register and aliases; built once and shared (it is immutable and thread-safe).</summary>
    public static AuthorityMatcher CreateBuiltIn() => LazyBuiltIn.Value;

    /// <summary>A matcher over the built-in register and aliases with an operator's files merged over them
    /// (reference/authorities.csv in either register layout, reference/aliases.csv). Later alias rows replace earlier ones.</summary>
    public static AuthorityMatcher Create(TextReader? registerOverrides, TextReader? aliasOverrides)
    {
        if (registerOverrides is null && aliasOverrides is null)
        {
            return CreateBuiltIn();
        }

        var aliases = AliasCsv.BuiltIn().Concat(aliasOverrides is null ? [] : AliasCsv.Read(aliasOverrides));
        return new AuthorityMatcher(AuthorityRegister.WithOverrides(registerOverrides), aliases);
    }

    public MatchResult Match(string name, DateOnly? asOf = null) => Resolve(name ?? "", asOf, allowLists: true, outer: null);

    public IReadOnlyList<string> SplitPartners(string cell) => _splitter.Split(cell);

    /// <param name="outer">The window of the match that asks, when this one is part of it: narrowed to this one's.</param>
    private MatchResult Resolve(string name, DateOnly? asOf, bool allowLists, ValidityWindow? outer)
    {
        // The memo first, on the name as written: nothing is normalised or allocated for a name seen before. Without a
        // date a name is resolved as of today but never handed to a successor: kept apart from the dated answers.
        var date = asOf ?? DateOnly.FromDateTime(DateTime.UtcNow);
        if (_memo.TryFind(name, asOf is not null, allowLists, date, out var known, out var from, out var to))
        {
            outer?.Narrow(from, to);
            return known;
        }

        var window = new ValidityWindow(date);

        var result = Compute(name, asOf, window, allowLists);
        if (asOf is not null)
        {
            result = Successions.Apply(result, window, Register, Ambiguous);
        }

        if (result.Status == MatchStatus.Unmatched)
        {
            result = result with { Reason = ReviewReasons.Of(NameCanonicaliser.Canonical(name)) };
        }

        _memo.Add(name, asOf is not null, allowLists, window, result);
        outer?.Narrow(window.From, window.To);
        return result;
    }

    private MatchResult Compute(string name, DateOnly? asOf, ValidityWindow window, bool allowLists)
    {
        var canonical = NameCanonicaliser.Canonical(name);
        if (canonical.Length == 0 || CouncilAffixes.IsPlaceholder(canonical))
        {
            return MatchResult.Unmatched(name);
        }

        MatchOutcome? fallback = null;
        if (_index.Exact.TryGetValue(canonical, out var exact)
            && Evaluate(name, exact, CouncilStyles.None, window, 1.0, honourAmbiguousAliases: true) is { } exactOutcome)
        {
            if (exactOutcome.ExistedOnDate)
            {
                return exactOutcome.Result;
            }

            fallback = exactOutcome;
        }

        if (_bodies.Recognise(canonical, name) is { } body)
        {
            // A curated body is certain; one recognised only by its words ("Borsetshire Constabulary") a little less so.
            return new MatchResult(name, MatchStatus.Body, [body], _catalogue.Find(body.Code) is null ? 0.9 : 1.0, []);
        }

        if (CouncilAffixes.IsNonPrincipal(canonical))
        {
            return MatchResult.Unmatched(name);
        }

        // A plural affix on one council's name ("Kent councils") means councils in that place, not that council: review.
        var several = allowLists && CouncilAffixes.NamesSeveral(canonical);

        // The bare name among cores too (today "Durham" is County Durham, whose core it is), then with affixes removed; at each,
        // an initialism ("NKDC", "P&K Council") if it is written like one.
        var steps = CouncilAffixes.StripSteps(canonical);
        bool? initials = null;
        foreach (var (core, hint) in steps.Prepend((canonical, CouncilStyles.None)))
        {
            var targets = _index.Targets(core);
            if (targets.Count == 0 && (initials ??= CouncilInitialisms.IsWrittenAsInitialism(name)) && CouncilInitialisms.Key(core) is { } initialism)
            {
                targets = _index.Initialisms.GetValueOrDefault(initialism) ?? [];
            }

            if (targets.Count == 0 || Evaluate(name, targets, hint, window, CoreConfidence, honourAmbiguousAliases: false) is not { } outcome
                || (several && outcome.Result.Status == MatchStatus.Matched && outcome.Result.Authorities.Count == 1))
            {
                continue;
            }

            if (outcome.ExistedOnDate)
            {
                return outcome.Result;
            }

            fallback ??= outcome;
        }

        if (allowLists && ListOfCouncils(name, asOf, window) is { } list)
        {
            if (list.ExistedOnDate || fallback is null)
            {
                return list.Result;
            }
        }

        // Only now, so that "Devon County Council & Torbay Council" is read as a list first: words after "council" are a note,
        // unless they may name another partner ("... and NHS Leeds"), and never when the splitter asks (it must see every partner).
        if (allowLists && fallback is null && CouncilAffixes.HeadBeforeTrailingWords(canonical) is { } head
            && !canonical[head.Length..].Contains(" and ", StringComparison.Ordinal)
            && Resolve(canonical[(head.Length + 1)..], asOf, allowLists: false, window).Status == MatchStatus.Unmatched)
        {
            var headResult = Resolve(head, asOf, allowLists: false, window);
            if (headResult.Status == MatchStatus.Matched)
            {
                return headResult with { Input = name, Confidence = headResult.Confidence * CoreConfidence };
            }
        }

        if (fallback is not null)
        {
            return fallback.Result with { Confidence = fallback.Result.Confidence * FallbackFactor };
        }

        var query = steps.Count > 0 ? steps[^1].Core : canonical;
        if (several)
        {
            return MatchResult.Unmatched(name, Memo(_nearest, query, ReviewCandidatesFor));
        }

        var queryHint = steps.Count > 0 ? steps[^1].Hint : CouncilStyles.None;
        if (Memo(_typos, queryHint == CouncilStyles.None ? query : $"{query}\u001f{(int)queryHint}", _ => TypoOf(query, queryHint)) is { } typo
            && Evaluate(name, _index.Targets(typo.Value), queryHint, window, typo.Score / 100.0, honourAmbiguousAliases: false) is { } guess)
        {
            return guess.Result;
        }

        return MatchResult.Unmatched(name, Memo(_nearest, query, ReviewCandidatesFor));
    }

    // A typo's candidates as the name's affix allows them first: "Harow LBC" may be Harrow (a London borough), not Harlow.
    // Soft, as in Evaluate: with no pick among those the affix admits, the pick among all ("Colcester BC" is Colchester,
    // a city since 2022, whose register name no longer says borough), which is as strict about rivals as before.
    private (string Value, int Score)? TypoOf(string query, CouncilStyles hint) =>
        (hint == CouncilStyles.None ? null : _fuzzy.Pick(query, _index.SameBodies, key => Carries(key, hint))) ?? _fuzzy.Pick(query, _index.SameBodies);

    private bool Carries(string key, CouncilStyles hint) =>
        _index.Targets(key).Any(t => t.Authorities.Any(a => (_index.StylesByCode.GetValueOrDefault(a.Code) & hint) != 0));

    private TValue Memo<TValue>(ConcurrentDictionary<string, TValue> memo, string key, Func<string, TValue> compute)
    {
        if (memo.TryGetValue(key, out var known))
        {
            return known;
        }

        var value = compute(key);
        if (_nameRoom.HasRoomFor(key.Length) && memo.TryAdd(key, value))
        {
            _nameRoom.Took(key.Length);
        }

        return value;
    }

    /// <summary>Resolves the bodies a key stands for on the date, using the affix hint to choose between councils that share it;
    /// null when the hint admits none of them.</summary>
    private MatchOutcome? Evaluate(string name, List<NameTarget> targets, CouncilStyles hint, ValidityWindow window, double confidence, bool honourAmbiguousAliases)
    {
        if (honourAmbiguousAliases && targets.FirstOrDefault(t => t.Kind == AliasKind.Ambiguous) is { } ambiguous)
        {
            return new MatchOutcome(Ambiguous(name, ambiguous.Authorities, window, confidence), true);
        }

        if (targets.FirstOrDefault(t => t.Kind == AliasKind.Group) is { } group)
        {
            return new MatchOutcome(new MatchResult(name, MatchStatus.Matched, group.Authorities, confidence, []), true);
        }

        var all = targets.SelectMany(t => t.Authorities).Distinct().ToList();
        if (CouncilAffixes.AdmitsOnlyCombined(hint))
        {
            all.RemoveAll(a => !CouncilAffixes.Admits(hint, a));
        }

        if (all.Count == 0)
        {
            return null;
        }

        var existing = all.Where(window.Existed).ToList();
        var pool = existing.Count > 0 ? existing : all;
        if (hint != CouncilStyles.None)
        {
            var styled = pool.Where(a => (_index.StylesByCode.GetValueOrDefault(a.Code) & hint) != 0).ToList();
            pool = styled.Count > 0 ? styled : pool;
        }

        var result = pool.Count == 1
            ? new MatchResult(name, pool[0].IsCouncil || pool[0].Sector == Sector.CombinedAuthority ? MatchStatus.Matched : MatchStatus.Body, pool, confidence, [])
            : Ambiguous(name, pool, window, confidence);
        return new MatchOutcome(result, existing.Count > 0);
    }

    /// <summary>"Adur and Worthing", "Babergh and Mid Suffolk District Councils", "Bournemouth, Christchurch and Poole" (before
    /// 2019): every part must be a council on its own. Cut where the name has a separator, preferring the fewest parts.</summary>
    private MatchOutcome? ListOfCouncils(string name, DateOnly? asOf, ValidityWindow window)
    {
        var pieces = PartnerSplitter.Pieces(name);
        if (pieces.Count < 2 || pieces.Count > 8)
        {
            return null;
        }

        // best[i]: fewest parts covering pieces [0, i), with their results.
        var best = new List<MatchResult>?[pieces.Count + 1];
        best[0] = [];
        for (var end = 1; end <= pieces.Count; end++)
        {
            for (var start = 0; start < end; start++)
            {
                if (best[start] is not { } before || (start == 0 && end == pieces.Count))
                {
                    continue;
                }

                var result = Resolve(PartnerSplitter.Part(name, pieces, start, end), asOf, allowLists: false, window);
                if (result.Status == MatchStatus.Matched && (best[end] is null || best[end]!.Count > before.Count + 1))
                {
                    best[end] = [.. before, result];
                }
            }
        }

        if (best[pieces.Count] is not { } parts)
        {
            return null;
        }

        var authorities = parts.SelectMany(p => p.Authorities).Distinct().ToList();
        var matched = new MatchResult(name, MatchStatus.Matched, authorities, parts.Min(p => p.Confidence), []);
        return new MatchOutcome(matched, authorities.All(window.Existed));
    }

    private MatchResult Ambiguous(string name, IEnumerable<Authority> authorities, ValidityWindow window, double confidence)
    {
        var core = CouncilAffixes.Core(NameCanonicaliser.Canonical(name));
        var candidates = authorities
            .Distinct()
            .Select(a => new MatchCandidate(a, Math.Round(confidence * Similarity(core, a), 3)))
            .OrderByDescending(c => window.Existed(c.Authority))
            .ThenByDescending(c => c.Score)
            .ThenBy(c => c.Authority.Code, StringComparer.Ordinal)
            .Take(ReviewCandidates)
            .ToList();
        return new MatchResult(name, MatchStatus.Ambiguous, [], 0, candidates);
    }

    /// <summary>For review: the registered councils whose names are nearest, with scores, even when none is close enough to match.</summary>
    private List<MatchCandidate> ReviewCandidatesFor(string query) =>
        [.. _fuzzy.Nearest(query, ReviewMinScore)
            .SelectMany(k => _index.Targets(k.Value).SelectMany(t => t.Authorities).Select(a => (Authority: a, k.Score)))
            .GroupBy(c => c.Authority)
            .Select(g => new MatchCandidate(g.Key, g.Max(c => c.Score) / 100.0))
            .OrderByDescending(c => c.Score)
            .ThenBy(c => c.Authority.Code, StringComparer.Ordinal)
            .Take(ReviewCandidates)];

    private static double Similarity(string core, Authority authority)
    {
        var names = new[] { authority.ShortName, authority.Name }.OfType<string>().Select(n => CouncilAffixes.Core(NameCanonicaliser.Canonical(n)));
        return names.Max(n => Fuzz.Ratio(core, n)) / 100.0;
    }

    /// <summary>An operator's alias replaces a built-in one with the same canonical name.</summary>
    private static IEnumerable<AuthorityAlias> LastPerAlias(IEnumerable<AuthorityAlias> aliases) =>
        aliases.GroupBy(a => NameCanonicaliser.Canonical(a.Alias), StringComparer.Ordinal).Select(g => g.Last());
}
