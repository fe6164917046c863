using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace SharedServicesPipeline.Pipeline.Reference;

/// <summary>
/// The matcher's results by the name as written, each kept with the window of dates it holds for (<see cref="ValidityWindow"/>):
/// a name is worked out again only for a date outside every window found for it so far, which for most names is never
/// (the bodies they could mean did not change in the years a file's rows start in). Bounded by <see cref="MemoRoom"/>:
/// past it, it answers from what it has and keeps nothing more.
/// </summary>
internal sealed class MatchMemo(MemoRoom room)
{
    // One table per kind of question (dated or not, lists allowed or not), keyed by the name alone: a string key hashes
    // and compares faster than a (name, flag, flag) tuple, and every call the validator makes is a lookup here first.
    private readonly ConcurrentDictionary<string, Answer[]>[] _answers = [new(), new(), new(), new()];

    /// <summary>The result kept for the name whose window holds <paramref name="date"/>, and that window.</summary>
    public bool TryFind(string name, bool dated, bool lists, DateOnly date, [MaybeNullWhen(false)] out MatchResult result, out DateOnly from, out DateOnly to)
    {
        if (Table(dated, lists).TryGetValue(name, out var answers))
        {
            // One window for most names; a few for a name whose bodies changed between a file's start dates.
            foreach (var answer in answers)
            {
                if (answer.From <= date && date <= answer.To)
                {
                    (result, from, to) = (answer.Result, answer.From, answer.To);
                    return true;
                }
            }
        }

        (result, from, to) = (null, default, default);
        return false;
    }

    public void Add(string name, bool dated, bool lists, ValidityWindow window, MatchResult result)
    {
        if (!room.HasRoomFor(name.Length))
        {
            return;
        }

        var answer = new Answer(window.From, window.To, result);
        Table(dated, lists).AddOrUpdate(name, static (_, added) => [added], static (_, known, added) => [.. known, added], answer);
        room.Took(name.Length);
    }

    private ConcurrentDictionary<string, Answer[]> Table(bool dated, bool lists) => _answers[(dated ? 2 : 0) + (lists ? 1 : 0)];

    private readonly record struct Answer(DateOnly From, DateOnly To, MatchResult Result);
}
