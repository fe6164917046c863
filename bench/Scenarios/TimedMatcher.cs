using System.Diagnostics;
using SharedServicesPipeline.Pipeline.Reference;

namespace SharedServicesPipeline.Bench.Scenarios;

/// <summary>
/// The authority matcher inside the validator, timed, with every string it was asked about kept in order (the match
/// floor and the distinct names are measured on them). A plain decorator, not a reflection proxy: a proxy's boxing and
/// <c>MethodInfo.Invoke</c> cost more per call than the memoised matcher itself, and were counted as matching.
/// </summary>
internal sealed class TimedMatcher(IAuthorityMatcher inner, IReadOnlyDictionary<string, object>? floor = null, bool record = true) : IAuthorityMatcher
{
    private long _floorTicks;

    private long _ticks;
    private long _splitTicks;
    private TimeSpan _paused;

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(0, _ticks);

    /// <summary>Of <see cref="Elapsed"/>, the time splitting partners cells.</summary>
    public TimeSpan SplitElapsed => Stopwatch.GetElapsedTime(0, _splitTicks);

    public int SplitCalls { get; private set; }

    /// <summary>The floor's lookup of each question in <c>floor</c>, made right after the matcher's call and timed alike:
    /// the same pass, the same caches and collections, the same clock reads.</summary>
    public TimeSpan FloorElapsed => Stopwatch.GetElapsedTime(0, _floorTicks);

    /// <summary>Of <see cref="Elapsed"/>, the time the runtime was paused for garbage collections that started inside a
    /// call: what the allocations of the whole pass (reader, validator, matcher) cost the matcher.</summary>
    public TimeSpan GcPaused => _paused;

    /// <summary>Every question, in order: a partners cell to split (<c>Split</c>) or a name to match, with its date.</summary>
    /// <remarks>Empty when not recording: keeping every string asked about keeps alive what the ingest lets go of at once,
    /// and each collection in the pass would carry them.</remarks>
    public List<MatcherCall> Calls { get; } = new(record ? 700_000 : 0);

    /// <summary>Questions asked, recorded or not.</summary>
    public int CallCount { get; private set; }

    public AuthorityRegister Register => inner.Register;

    public MatchResult Match(string name, DateOnly? asOf = null)
    {
        var paused = GC.GetTotalPauseDuration();
        var started = Stopwatch.GetTimestamp();
        var result = inner.Match(name, asOf);
        _ticks += Stopwatch.GetTimestamp() - started;
        _paused += GC.GetTotalPauseDuration() - paused;
        LookUp(name);
        Record(new MatcherCall(name, asOf, Split: false));
        return result;
    }

    public IReadOnlyList<string> SplitPartners(string cell)
    {
        var paused = GC.GetTotalPauseDuration();
        var started = Stopwatch.GetTimestamp();
        var result = inner.SplitPartners(cell);
        var ticks = Stopwatch.GetTimestamp() - started;
        _paused += GC.GetTotalPauseDuration() - paused;
        LookUp(cell);
        _ticks += ticks;
        _splitTicks += ticks;
        SplitCalls++;
        Record(new MatcherCall(cell, null, Split: true));
        return result;
    }

    private void Record(MatcherCall call)
    {
        CallCount++;
        if (record)
        {
            Calls.Add(call);
        }
    }

    private void LookUp(string text)
    {
        if (floor is null)
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        _ = floor.TryGetValue(text, out _);
        _floorTicks += Stopwatch.GetTimestamp() - started;
    }
}

/// <summary>One question put to the matcher: the text as written, and the date a name is matched on.</summary>
internal readonly record struct MatcherCall(string Text, DateOnly? AsOf, bool Split);
