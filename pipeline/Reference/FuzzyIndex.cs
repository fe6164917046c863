using FuzzySharp;

namespace SharedServicesPipeline.Pipeline.Reference;

/// <summary>
/// Picks the entry a mistyped name most likely meant, or none, scoring with FuzzySharp's ratio. Built once over a fixed list.
/// Typos keep the first letter and about the length, so only such entries can be picked (which also keeps "Ambridge" from
/// becoming "Cambridge"); the pick must score high AND clearly beat every rival that means something else, whatever its first
/// letter ("Est Lindsey" is as near West Lindsey as East Lindsey, so neither is picked). Letter counts bound the ratio from
/// above, so entries that cannot reach a threshold are never scored: a miss costs microseconds, not milliseconds.
/// The ratio forgives one slip only in long names (one swapped letter in "Hampshrie" scores 89), so a second test picks the one
/// entry a single keyboard slip away (two letters swapped, one dropped, one added: never one changed, which is as often another
/// place) when no entry meaning something else is within one edit of any kind. Slips are found through each entry's one-letter
/// deletions, precomputed, so the test is a few dictionary lookups.
/// </summary>
internal sealed class FuzzyIndex<T>
    where T : notnull
{
    public const int MinScore = 90;
    public const int MinMargin = 8;

    private const int Letters = 37; // a-z, 0-9, and everything else

    private const int MinSlipKeyLength = 5;
    private const int SlipScore = MinScore;

    // Shortest key first, so the keys of a length range are one slice: a query only looks at keys of about its length.
    private readonly Entry[] _entries;
    private readonly int[] _firstOfLength;
    private readonly bool _uniqueValues;
    private readonly int _longest;

    // Built at the first slip test, not with the matcher: a short run that meets no typo never pays for it.
    private readonly Lazy<(Dictionary<string, List<Entry>> ByKey, Dictionary<string, List<Entry>> ByDeletion)> _slipIndex;

    public FuzzyIndex(IEnumerable<(string Key, T Value)> entries)
    {
        _entries = [.. entries.Where(e => e.Key.Length > 0).Select(e => new Entry(e.Key, e.Value, Histogram(e.Key))).OrderBy(e => e.Key.Length)];
        _uniqueValues = _entries.Select(e => e.Value).Distinct().Count() == _entries.Length;
        var longest = _entries.Length == 0 ? 0 : _entries[^1].Key.Length;
        _longest = longest;
        _firstOfLength = new int[longest + 2];
        for (int length = 0, i = 0; length <= longest + 1; length++)
        {
            while (i < _entries.Length && _entries[i].Key.Length < length)
            {
                i++;
            }

            _firstOfLength[length] = i;
        }

        _slipIndex = new(BuildSlipIndex);
    }

    private (Dictionary<string, List<Entry>>, Dictionary<string, List<Entry>>) BuildSlipIndex()
    {
        var byKey = new Dictionary<string, List<Entry>>(StringComparer.Ordinal);
        var byDeletion = new Dictionary<string, List<Entry>>(StringComparer.Ordinal);
        foreach (var entry in _entries)
        {
            AddTo(byKey, entry.Key, entry);
            foreach (var deletion in Deletions(entry.Key))
            {
                AddTo(byDeletion, deletion, entry);
            }
        }

        return (byKey, byDeletion);
    }

    /// <summary>The one value that is a confident match for <paramref name="query"/>, with its score, or none.
    /// <paramref name="sameMeaning"/> says when a rival means the same as the pick (another spelling of it) and so does not compete;
    /// <paramref name="admits"/>, when given, which values the query's own words allow ("Harow LBC" is a London borough, so
    /// Harlow, a district, is neither the pick nor a rival): the others are left out as if absent.</summary>
    public (T Value, int Score)? Pick(string query, Func<T, T, bool>? sameMeaning = null, Func<T, bool>? admits = null)
    {
        // Longer than any entry by more than a slip, nothing can be picked: said at once, not found by trying each of the
        // query's one-letter deletions (which costs its length squared: seconds for a 32,767-character "name").
        if (query.Length < 4 || query.Length > _longest + 1)
        {
            return null;
        }

        // One pass scores every entry that could be the pick (same first letter, 90 or more) or a rival to it (any first
        // letter, within the margin of a pick, so 83 or more): the entries are few, the scoring is what costs.
        var near = Math.Max(2, query.Length / 4);
        var scored = Scored(query, Histogram(query), MinScore - MinMargin + 1, Math.Max(4, query.Length - near), query.Length + near);
        (T Value, int Score)? best = null;
        foreach (var (value, score, firstLetterMatches) in scored)
        {
            if (firstLetterMatches && score >= MinScore && score > (best?.Score ?? 0) && (admits is null || admits(value)))
            {
                best = (value, score);
            }
        }

        if (best is not { } pick)
        {
            return Slip(query, sameMeaning, admits);
        }

        foreach (var (value, score, _) in scored)
        {
            if (score > pick.Score - MinMargin && !Equals(value, pick.Value) && (admits is null || admits(value)) && (sameMeaning is null || !sameMeaning(pick.Value, value)))
            {
                return null;
            }
        }

        // "Barent" scores highest as Brent, but is Barnet with two letters swapped: a slip away from something else is a rival too.
        bool Same(T other) => Equals(other, pick.Value) || (sameMeaning is not null && sameMeaning(pick.Value, other)) || (admits is not null && !admits(other));
        return Neighbours(query).Slips.All(e => Same(e.Value)) ? pick : null;
    }

    /// <summary>The one value whose entry is a single slip from <paramref name="query"/> (same first letter, five letters or more),
    /// unless an entry meaning something else is as near, or one letter changed away.</summary>
    private (T Value, int Score)? Slip(string query, Func<T, T, bool>? sameMeaning, Func<T, bool>? admits)
    {
        var (slips, near) = Neighbours(query);
        var picks = slips.Where(e => e.Key.Length >= MinSlipKeyLength && e.Key[0] == query[0] && (admits is null || admits(e.Value))).Select(e => e.Value).Distinct().ToList();
        if (picks.Count == 0)
        {
            return null;
        }

        var pick = picks[0];
        bool Same(T other) => Equals(other, pick) || (sameMeaning is not null && sameMeaning(pick, other)) || (admits is not null && !admits(other));
        return picks.All(Same) && near.All(e => Same(e.Value)) ? (pick, SlipScore) : null;
    }

    /// <summary>The entries one slip from the query (a letter dropped, added, or two swapped), and those one edit of any kind
    /// from it (a letter changed too), found through the precomputed one-letter deletions.</summary>
    private (List<Entry> Slips, List<Entry> Near) Neighbours(string query)
    {
        var (byKey, byDeletion) = _slipIndex.Value;
        var slips = new List<Entry>();
        var near = new List<Entry>();
        if (byDeletion.TryGetValue(query, out var dropped)) // the query lacks one letter of these
        {
            slips.AddRange(dropped);
            near.AddRange(dropped);
        }

        for (var i = 0; i < query.Length; i++)
        {
            var deleted = query.Remove(i, 1);
            if (byKey.TryGetValue(deleted, out var extra)) // the query has one letter too many
            {
                slips.AddRange(extra);
            }

            if (byDeletion.TryGetValue(deleted, out var changed)) // one letter changed (or swapped) from these
            {
                near.AddRange(changed);
            }

            if (i < query.Length - 1 && query[i] != query[i + 1] && byKey.TryGetValue(Swapped(query, i), out var swapped))
            {
                slips.AddRange(swapped);
            }
        }

        return (slips, near);
    }

    private static string Swapped(string text, int at) =>
        string.Create(text.Length, (text, at), static (span, state) =>
        {
            state.text.AsSpan().CopyTo(span);
            (span[state.at], span[state.at + 1]) = (span[state.at + 1], span[state.at]);
        });

    private static IEnumerable<string> Deletions(string key)
    {
        for (var i = 0; i < key.Length; i++)
        {
            yield return key.Remove(i, 1);
        }
    }

    private static void AddTo(Dictionary<string, List<Entry>> index, string key, Entry entry)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        list.Add(entry);
    }

    /// <summary>The values nearest to <paramref name="query"/> scoring at least <paramref name="minScore"/>, best first: for review lists.</summary>
    public List<(T Value, int Score)> Nearest(string query, int minScore)
    {
        if (query.Length < 3)
        {
            return [];
        }

        var near = Math.Max(3, query.Length / 3);
        var scored = Scored(query, Histogram(query), minScore, query.Length - near, query.Length + near);
        var nearest = new List<(T Value, int Score)>(scored.Count);
        foreach (var (value, score, _) in scored)
        {
            nearest.Add((value, score));
        }

        // Stable: equal scores keep the entries' order.
        return [.. nearest.OrderByDescending(p => p.Score)];
    }

    /// <summary>Each value whose best key, of <paramref name="minLength"/> to <paramref name="maxLength"/> characters, scores at
    /// least <paramref name="minScore"/>, with that score and whether that key shares the query's first letter.</summary>
    private List<(T Value, int Score, bool FirstLetterMatches)> Scored(string query, int[] histogram, int minScore, int minLength, int maxLength)
    {
        var scored = new List<(T Value, int Score, bool FirstLetterMatches)>();
        var from = _firstOfLength[Math.Clamp(minLength, 0, _firstOfLength.Length - 1)];
        var to = _firstOfLength[Math.Clamp(maxLength + 1, 0, _firstOfLength.Length - 1)];
        for (var i = from; i < to; i++)
        {
            var entry = _entries[i];
            if (UpperBound(histogram, query.Length, entry) < minScore - 0.5)
            {
                continue;
            }

            var score = Fuzz.Ratio(query, entry.Key);
            if (score < minScore)
            {
                continue;
            }

            var firstLetterMatches = query[0] == entry.Key[0];
            var known = _uniqueValues ? -1 : IndexOf(scored, entry.Value);
            if (known < 0)
            {
                scored.Add((entry.Value, score, firstLetterMatches));
            }
            else if (score > scored[known].Score || (firstLetterMatches && !scored[known].FirstLetterMatches && score == scored[known].Score))
            {
                scored[known] = (entry.Value, score, firstLetterMatches);
            }
        }

        return scored;
    }

    // A loop, not FindIndex with a lambda: the lambda's closure over the loop's entry was allocated on every entry scanned.
    private static int IndexOf(List<(T Value, int Score, bool FirstLetterMatches)> scored, T value)
    {
        for (var i = 0; i < scored.Count; i++)
        {
            if (Equals(scored[i].Value, value))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The ratio is 200·LCS/(m+n), and the longest common subsequence has at most the letters the two strings share.
    /// FuzzySharp rounds the ratio to a whole number, so an entry is out of reach only when its bound is half a point short.</summary>
    private static double UpperBound(int[] query, int queryLength, Entry entry)
    {
        var common = 0;
        for (var i = 0; i < Letters; i++)
        {
            common += Math.Min(query[i], entry.Histogram[i]);
        }

        return 200.0 * common / (queryLength + entry.Key.Length);
    }

    private static int[] Histogram(string text)
    {
        var counts = new int[Letters];
        foreach (var ch in text)
        {
            counts[ch switch
            {
                >= 'a' and <= 'z' => ch - 'a',
                >= '0' and <= '9' => 26 + ch - '0',
                _ => 36,
            }]++;
        }

        return counts;
    }

    private sealed record Entry(string Key, T Value, int[] Histogram);
}
