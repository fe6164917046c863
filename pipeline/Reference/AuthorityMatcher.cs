namespace SharedServicesPipeline.Pipeline.Reference;

/// <summary>First cut: exact match on the canonical name. The full matcher (affixes, aliases, fuzzy, dates) replaces this.</summary>
public sealed class AuthorityMatcher : IAuthorityMatcher
{
    private readonly Dictionary<string, List<Authority>> _byName = new(StringComparer.Ordinal);

    public AuthorityMatcher(AuthorityRegister register)
    {
        foreach (var authority in register.Authorities)
        {
            Add(Canonical(authority.Name), authority);
            if (authority.ShortName is { } shortName)
            {
                Add(Canonical(shortName), authority);
            }
        }
    }

    public static AuthorityMatcher CreateBuiltIn() => new(AuthorityRegister.BuiltIn);

    public MatchResult Match(string name, DateOnly? asOf = null)
    {
        if (!_byName.TryGetValue(Canonical(name), out var found))
        {
            return MatchResult.Unmatched(name);
        }

        var candidates = asOf is { } date && found.Any(a => a.ExistedOn(date)) ? found.Where(a => a.ExistedOn(date)).ToList() : found;
        return candidates.Count == 1
            ? new MatchResult(name, MatchStatus.Matched, candidates, 1, [])
            : new MatchResult(name, MatchStatus.Ambiguous, [], 0, [.. candidates.Select(a => new MatchCandidate(a, 1))]);
    }

    public IReadOnlyList<string> SplitPartners(string cell) =>
        cell.Split([';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private void Add(string key, Authority authority)
    {
        if (!_byName.TryGetValue(key, out var list))
        {
            _byName[key] = list = [];
        }

        if (!list.Contains(authority))
        {
            list.Add(authority);
        }
    }

    private static string Canonical(string name) =>
        string.Join(' ', name.ToLowerInvariant().Replace("&", " and ", StringComparison.Ordinal)
            .Split([' ', ',', '.', '-', '\''], StringSplitOptions.RemoveEmptyEntries));
}
