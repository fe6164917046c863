using FuzzySharp;

namespace SharedServicesPipeline.Pipeline.Reference;

/// <summary>
/// Picks the entry a mistyped name most likely meant, or none, scoring with FuzzySharp's ratio. Built once over a fixed list.
/// Typos keep the first letter and about the length, so only such entries can be picked (which also keeps "Ambridge" from
/// becoming "Cambridge"); the pick must score high AND clearly beat every rival that means something else, whatever its first
/// letter ("Est Lindsey" is as near West Lindsey as East Lindsey, so neither is picked). Letter counts bound the ratio from
/// above, so entries that cannot reach a threshold are never scored: a miss costs microseconds, not milliseconds.
/// </summary>
internal sealed class FuzzyIndex<T>
    where T : notnull
{
    public const int MinScore = 90;
    public const int MinMargin = 8;

    private const int Letters = 37; // a-z, 0-9, and everything else

    private readonly Entry[] _entries;

    public FuzzyIndex(IEnumerable<(string Key, T Value)> entries)
    {
        _entries = [.. entries.Where(e => e.Key.Length > 0).Select(e => new Entry(e.Key, e.Value, Histogram(e.Key)))];
    }

    /// <summary>The one value that is a confident match for <paramref name="query"/>, with its score, or none.
    /// <paramref name="sameMeaning"/> says when a rival means the same as the pick (another spelling of it) and so does not compete.</summary>
    public (T Value, int Score)? Pick(string query, Func<T, T, bool>? sameMeaning = null)
    {
        if (query.Length < 4)
        {
            return null;
        }

        var histogram = Histogram(query);
        var best = Ranked(query, histogram, MinScore, NearLength, sameFirstLetter: true).FirstOrDefault();
        if (best.Score < MinScore)
        {
            return null;
        }

        var rival = Ranked(query, histogram, best.Score - MinMargin + 1, NearLength, sameFirstLetter: false)
            .FirstOrDefault(r => !Equals(r.Value, best.Value) && (sameMeaning is null || !sameMeaning(best.Value, r.Value)));
        return best.Score - rival.Score >= MinMargin ? best : null;
    }

    /// <summary>The values nearest to <paramref name="query"/> scoring at least <paramref name="minScore"/>, best first: for review lists.</summary>
    public List<(T Value, int Score)> Nearest(string query, int minScore) =>
        query.Length < 3 ? [] : Ranked(query, Histogram(query), minScore, (q, k) => Math.Abs(q - k) <= Math.Max(3, q / 3), sameFirstLetter: false);

    private static bool NearLength(int queryLength, int keyLength) =>
        keyLength >= 4 && Math.Abs(queryLength - keyLength) <= Math.Max(2, queryLength / 4);

    private List<(T Value, int Score)> Ranked(string query, int[] histogram, int minScore, Func<int, int, bool> lengthOk, bool sameFirstLetter)
    {
        var best = new Dictionary<T, int>();
        foreach (var entry in _entries)
        {
            if (!lengthOk(query.Length, entry.Key.Length) || (sameFirstLetter && query[0] != entry.Key[0]))
            {
                continue;
            }

            if (UpperBound(histogram, query.Length, entry) < minScore)
            {
                continue;
            }

            var score = Fuzz.Ratio(query, entry.Key);
            if (score >= minScore && (!best.TryGetValue(entry.Value, out var known) || score > known))
            {
                best[entry.Value] = score;
            }
        }

        return [.. best.Select(p => (p.Key, p.Value)).OrderByDescending(p => p.Value)];
    }

    /// <summary>The ratio is 200·LCS/(m+n), and the longest common subsequence has at most the letters the two strings share.</summary>
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
