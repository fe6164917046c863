using FuzzySharp;

namespace SharedServicesPipeline.Pipeline.Reference;

/// <summary>Picks the choice a mistyped name most likely meant, or none. Typos keep the first letter and about the length, so only
/// such choices are scored (which also keeps "Ambridge" from becoming "Cambridge"); the best must score high AND clearly beat the
/// best choice that means something else, or nothing is picked.</summary>
internal static class FuzzyChoice
{
    public const int MinScore = 90;
    public const int MinMargin = 8;

    /// <summary>The choices scored against <paramref name="query"/>, best first, one per distinct value. With
    /// <paramref name="sameFirstLetter"/> only choices that keep the first letter are scored.</summary>
    public static List<(T Value, int Score)> Ranked<T>(string query, IEnumerable<(string Key, T Value)> choices, bool sameFirstLetter = true)
        where T : notnull
    {
        var best = new Dictionary<T, int>();
        foreach (var (key, value) in choices)
        {
            if (!Comparable(query, key) || (sameFirstLetter && query[0] != key[0]))
            {
                continue;
            }

            var score = Fuzz.Ratio(query, key);
            if (!best.TryGetValue(value, out var known) || score > known)
            {
                best[value] = score;
            }
        }

        return [.. best.Select(p => (p.Key, p.Value)).OrderByDescending(p => p.Value)];
    }

    /// <summary>The one value that is a confident match, with its score, or none. The pick must keep the first letter; its rivals
    /// need not ("Est Lindsey" is as close to West Lindsey as to East Lindsey, so neither is picked). <paramref name="sameMeaning"/>
    /// says when a rival means the same as the pick (another spelling of it) and so does not compete with it.</summary>
    public static (T Value, int Score)? Pick<T>(string query, IEnumerable<(string Key, T Value)> choices, Func<T, T, bool>? sameMeaning = null)
        where T : notnull
    {
        var all = choices as IReadOnlyCollection<(string Key, T Value)> ?? [.. choices];
        var ranked = Ranked(query, all);
        if (ranked.Count == 0 || ranked[0].Score < MinScore)
        {
            return null;
        }

        var best = ranked[0];
        var rival = Ranked(query, all, sameFirstLetter: false)
            .FirstOrDefault(r => !Equals(r.Value, best.Value) && (sameMeaning is null || !sameMeaning(best.Value, r.Value)));
        return best.Score - rival.Score >= MinMargin ? best : null;
    }

    public static bool Comparable(string query, string key) =>
        query.Length >= 4 && key.Length >= 4 && Math.Abs(query.Length - key.Length) <= Math.Max(2, query.Length / 4);
}
