using System.Diagnostics;
using SharedServicesPipeline.Pipeline.Reference;

namespace SharedServicesPipeline.Bench.Scenarios;

/// <summary>
/// What matching a file's names must cost at least: (a) the floor, a dictionary lookup of every partners cell, partner
/// and lead name as written, the answers ready-made; (b) the distinct cells and names, each put once to a fresh matcher
/// (a name with the date it was first asked on), the work a memo on the text as written could not avoid. The matcher is near its floor when its time is within
/// twice (a) plus (b).
/// </summary>
internal static class MatchFloor
{
    public static (double FloorMs, double DistinctMs, int Distinct) Measure(IReadOnlyList<MatcherCall> calls, AuthorityRegister register)
    {
        var answers = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var call in calls)
        {
            answers.TryAdd(call.Text, call);
        }

        // Twice, the first untimed: the floor is a warm lookup.
        var found = Lookups(calls, answers);
        var started = Stopwatch.GetTimestamp();
        found += Lookups(calls, answers);
        var floorMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        GC.KeepAlive(found);

        var distinct = calls.DistinctBy(c => (c.Text, c.Split)).ToList();
        var fresh = new AuthorityMatcher(register);
        started = Stopwatch.GetTimestamp();
        foreach (var call in distinct)
        {
            _ = call.Split ? (object)fresh.SplitPartners(call.Text) : fresh.Match(call.Text, call.AsOf);
        }

        return (floorMs, Stopwatch.GetElapsedTime(started).TotalMilliseconds, distinct.Count);
    }

    private static int Lookups(IReadOnlyList<MatcherCall> calls, Dictionary<string, object> answers)
    {
        var found = 0;
        for (var i = 0; i < calls.Count; i++)
        {
            found += answers.TryGetValue(calls[i].Text, out _) ? 1 : 0;
        }

        return found;
    }
}
