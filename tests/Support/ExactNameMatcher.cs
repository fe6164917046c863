using System.Collections.Concurrent;
using SharedServicesPipeline.Pipeline.Reference;

namespace SharedServicesPipeline.Tests.Support;

/// <summary>
/// A matcher for mart tests, built on a real <see cref="AuthorityRegister"/>: exact official or short names, plus
/// aliases it can be taught mid-test (as an operator adds one to aliases.csv). Unknown names get the authorities sharing
/// a word with them as candidates, scored by word overlap, so the review list has something to show.
/// </summary>
internal sealed class ExactNameMatcher : IAuthorityMatcher
{
    private readonly AuthorityRegister _register;
    private readonly ConcurrentDictionary<string, Authority> _names = new(StringComparer.OrdinalIgnoreCase);

    public ExactNameMatcher(AuthorityRegister register)
    {
        _register = register;
        foreach (var authority in register.Authorities)
        {
            _names[authority.Name] = authority;
            if (authority.ShortName is { } shortName)
            {
                _names[shortName] = authority;
            }
        }
    }

    public AuthorityRegister Register => _register;

    /// <summary>From now on, <paramref name="alias"/> means the authority with <paramref name="code"/>.</summary>
    public void Teach(string alias, string code) =>
        _names[alias.Trim()] = _register.Find(code) ?? throw new ArgumentException($"{code} is not in the test register.", nameof(code));

    public MatchResult Match(string name, DateOnly? asOf = null)
    {
        if (_names.TryGetValue(name.Trim(), out var authority))
        {
            return new MatchResult(name, authority.IsCouncil || authority.Sector == Sector.CombinedAuthority ? MatchStatus.Matched : MatchStatus.Body, [authority], 1, []);
        }

        var words = Words(name);
        var candidates = _register.Authorities
            .Select(a => new MatchCandidate(a, Overlap(words, Words(a.Name))))
            .Where(c => c.Score > 0)
            .OrderByDescending(c => c.Score)
            .ToList();
        return MatchResult.Unmatched(name, candidates);
    }

    public IReadOnlyList<string> SplitPartners(string cell) =>
        cell.Split([';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static HashSet<string> Words(string text) =>
        text.ToLowerInvariant().Split([' ', ',', '.', '-', '&'], StringSplitOptions.RemoveEmptyEntries).Where(w => w is not ("council" or "district" or "county" or "borough")).ToHashSet();

    private static double Overlap(HashSet<string> a, HashSet<string> b) =>
        a.Count == 0 || b.Count == 0 ? 0 : (double)a.Intersect(b).Count() / a.Union(b).Count();
}
