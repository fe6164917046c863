using SharedServicesPipeline.Pipeline.Submissions;
using SharedServicesPipeline.Pipeline.Validation;

namespace SharedServicesPipeline.Pipeline.Reporting;

/// <summary>
/// What changed since the council's previous return: its problems fixed, new and still open, and its arrangements
/// added, changed (with the fields), unchanged, loaded now or no longer, and missing now, each counted in full with
/// its first <see cref="Listed"/> named. An arrangement missing now is only flagged: nothing is deleted from the mart
/// because a return left it out.
/// </summary>
public sealed record SubmissionChanges
{
    /// <summary>Arrangements named per kind of change; the rest are counted.</summary>
    public const int Listed = 50;

    public required string PreviousSubmissionId { get; init; }
    public required string PreviousFileName { get; init; }
    public required DateTimeOffset PreviousReceivedAt { get; init; }
    /// <summary>Why that return is taken as the previous one: "the same file name", "the same lead authorities".</summary>
    public required string MatchedBy { get; init; }
    /// <summary>Among the problems each return listed (<c>Intake:MaxListedProblems</c>).</summary>
    public IReadOnlyList<SubmissionProblem> ProblemsFixed { get; init; } = [];
    public IReadOnlyList<SubmissionProblem> ProblemsNew { get; init; } = [];
    public IReadOnlyList<SubmissionProblem> ProblemsStillOpen { get; init; } = [];
    public ListedChanges<SubmittedArrangement> Added { get; init; } = ListedChanges<SubmittedArrangement>.None;
    public ListedChanges<ChangedArrangement> Changed { get; init; } = ListedChanges<ChangedArrangement>.None;
    public ListedChanges<SubmittedArrangement> Unchanged { get; init; } = ListedChanges<SubmittedArrangement>.None;
    /// <summary>Not loaded last time (an error, or held), loaded now.</summary>
    public ListedChanges<SubmittedArrangement> NowLoaded { get; init; } = ListedChanges<SubmittedArrangement>.None;
    /// <summary>Loaded last time, not loaded now (a new error, or held).</summary>
    public ListedChanges<SubmittedArrangement> NoLongerLoaded { get; init; } = ListedChanges<SubmittedArrangement>.None;
    /// <summary>In the previous return, not in this one. Still in the mart as it was.</summary>
    public ListedChanges<SubmittedArrangement> Missing { get; init; } = ListedChanges<SubmittedArrangement>.None;

    /// <summary>
    /// Compares a return with the previous one from the same council, reading both snapshots forward: what it holds is a
    /// key and a hash of the values per previous arrangement, and the arrangements it names. Null when the previous
    /// snapshot cannot be read, or its lead authorities differ from <paramref name="leads"/> (when given).
    /// </summary>
    internal static async Task<SubmissionChanges?> CompareAsync(
        Stream previousJson, Func<CancellationToken, Task<Stream?>> openPreviousAgain, IReadOnlyList<SubmissionProblem> previousProblems,
        ArrangementSnapshot current, IReadOnlyList<SubmissionProblem> currentProblems, string matchedBy, IReadOnlyList<string>? leads,
        CancellationToken cancellationToken)
    {
        var previousProblemRows = RowsOf(previousProblems);
        var previousKeys = new Dictionary<(string, int), string>();
        var before = new Dictionary<string, Before>(StringComparer.Ordinal);
        var header = await SnapshotScan.ReadAsync(previousJson, a =>
        {
            before.TryAdd(a.Key, new Before(a.Outcome, a.FieldsHash(), before.Count));
            if (previousProblemRows.Contains((a.Sheet, a.Row)))
            {
                previousKeys.TryAdd((a.Sheet, a.Row), a.Key);
            }
        }, cancellationToken);
        if (header is null || leads is not null && !header.LeadAuthorities.SequenceEqual(leads, StringComparer.Ordinal))
        {
            return null;
        }

        var currentProblemRows = RowsOf(currentProblems);
        var currentKeys = new Dictionary<(string, int), string>();
        var added = new Tally<SubmittedArrangement>();
        var changed = new Tally<SubmittedArrangement>();
        var unchanged = new Tally<SubmittedArrangement>();
        var nowLoaded = new Tally<SubmittedArrangement>();
        var noLongerLoaded = new Tally<SubmittedArrangement>();
        await SnapshotScan.ReadAsync(current.OpenJson(), arrangement =>
        {
            if (currentProblemRows.Contains((arrangement.Sheet, arrangement.Row)))
            {
                currentKeys.TryAdd((arrangement.Sheet, arrangement.Row), arrangement.Key);
            }

            if (!before.TryGetValue(arrangement.Key, out var earlier))
            {
                added.Add(arrangement);
                return;
            }

            earlier.Seen = true;
            var loadedBefore = earlier.Outcome == RowOutcome.Accepted;
            var loadedNow = arrangement.Outcome == RowOutcome.Accepted;
            if (loadedNow && !loadedBefore)
            {
                nowLoaded.Add(arrangement);
            }
            else if (loadedBefore && !loadedNow)
            {
                noLongerLoaded.Add(arrangement);
            }
            else if (earlier.Hash != arrangement.FieldsHash())
            {
                changed.Add(arrangement);
            }
            else
            {
                unchanged.Add(arrangement);
            }
        }, cancellationToken);

        var missing = before.Where(b => !b.Value.Seen).ToList();
        var missingNamed = missing.OrderBy(b => b.Value.Index).Take(Listed).Select(b => b.Key).ToHashSet(StringComparer.Ordinal);
        var changedNamed = changed.First.ToDictionary(a => a.Key, StringComparer.Ordinal);
        var earlierNamed = new Dictionary<string, SubmittedArrangement>(StringComparer.Ordinal);
        if (missingNamed.Count + changedNamed.Count > 0 && await openPreviousAgain(cancellationToken) is { } again)
        {
            // Read again for the few it names: the values of the changed ones before, the missing ones whole.
            await using (again)
            {
                await SnapshotScan.ReadAsync(again, a =>
                {
                    if (missingNamed.Contains(a.Key) || changedNamed.ContainsKey(a.Key))
                    {
                        earlierNamed.TryAdd(a.Key, a);
                    }
                }, cancellationToken);
            }
        }

        var problemsBefore = previousProblems.Select(p => (Id: ProblemId(p, previousKeys), Problem: p)).ToList();
        var problemsNow = currentProblems.Select(p => (Id: ProblemId(p, currentKeys), Problem: p)).ToList();
        var idsBefore = problemsBefore.Select(p => p.Id).ToHashSet();
        var idsNow = problemsNow.Select(p => p.Id).ToHashSet();
        return new SubmissionChanges
        {
            PreviousSubmissionId = header.SubmissionId,
            PreviousFileName = header.FileName,
            PreviousReceivedAt = header.ReceivedAt,
            MatchedBy = matchedBy,
            ProblemsFixed = [.. problemsBefore.Where(p => !idsNow.Contains(p.Id)).Select(p => p.Problem)],
            ProblemsNew = [.. problemsNow.Where(p => !idsBefore.Contains(p.Id)).Select(p => p.Problem)],
            ProblemsStillOpen = [.. problemsNow.Where(p => idsBefore.Contains(p.Id)).Select(p => p.Problem)],
            Added = added.Result(),
            Changed = new(changed.Count, [.. changed.First.Select(a => new ChangedArrangement(a,
                earlierNamed.TryGetValue(a.Key, out var earlier) ? FieldChanges(earlier.Fields, a.Fields) : []))]),
            Unchanged = unchanged.Result(),
            NowLoaded = nowLoaded.Result(),
            NoLongerLoaded = noLongerLoaded.Result(),
            Missing = new(missing.Count, [.. missing.OrderBy(b => b.Value.Index).Take(Listed).Select(b => earlierNamed.GetValueOrDefault(b.Key)).OfType<SubmittedArrangement>()]),
        };
    }

    private static HashSet<(string, int)> RowsOf(IEnumerable<SubmissionProblem> problems) =>
        [.. problems.Where(p => p is { Sheet: not null, Row: not null }).Select(p => (p.Sheet!, p.Row!.Value))];

    // A problem is "the same" when it has the same code, in the same arrangement (or, off any row, the same sheet) and column.
    private static string ProblemId(SubmissionProblem problem, Dictionary<(string Sheet, int Row), string> keys)
    {
        var where = problem is { Sheet: { } sheet, Row: { } row } && keys.TryGetValue((sheet, row), out var key) ? key : $"sheet:{problem.Sheet}";
        return $"{problem.Code}\n{where}\n{problem.Column}";
    }

    private static List<FieldChange> FieldChanges(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> now) =>
        [.. before.Keys.Union(now.Keys, StringComparer.Ordinal)
            .Select(f => new FieldChange(f, before.GetValueOrDefault(f), now.GetValueOrDefault(f)))
            .Where(c => !string.Equals(c.Before, c.After, StringComparison.Ordinal))];

    /// <summary>A previous arrangement as the comparison holds it: whether it loaded, its values' hash, its place.</summary>
    private sealed class Before(RowOutcome outcome, UInt128 hash, int index)
    {
        public RowOutcome Outcome { get; } = outcome;

        public UInt128 Hash { get; } = hash;

        public int Index { get; } = index;

        public bool Seen { get; set; }
    }

    private sealed class Tally<T>
    {
        public int Count { get; private set; }

        public List<T> First { get; } = [];

        public void Add(T item)
        {
            if (Count++ < Listed)
            {
                First.Add(item);
            }
        }

        public ListedChanges<T> Result() => new(Count, First);
    }
}

/// <summary>How many arrangements had one kind of change, and the first of them (at most <see cref="SubmissionChanges.Listed"/>).</summary>
public sealed record ListedChanges<T>(int Count, IReadOnlyList<T> First)
{
    public static ListedChanges<T> None { get; } = new(0, []);
}

/// <summary>An arrangement in both returns whose loaded values differ, and how.</summary>
public sealed record ChangedArrangement(SubmittedArrangement Arrangement, IReadOnlyList<FieldChange> Fields);

/// <summary>One field of an arrangement before and after (null when blank).</summary>
public sealed record FieldChange(string Field, string? Before, string? After);
