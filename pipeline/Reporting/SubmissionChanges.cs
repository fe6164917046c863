using SharedServicesPipeline.Pipeline.Submissions;
using SharedServicesPipeline.Pipeline.Validation;

namespace SharedServicesPipeline.Pipeline.Reporting;

/// <summary>
/// What changed since the council's previous return: its problems fixed, new and still open, and its arrangements
/// added, changed (with the fields), unchanged, loaded now or no longer, and missing now. An arrangement missing now
/// is only flagged: nothing is deleted from the mart because a return left it out.
/// </summary>
public sealed record SubmissionChanges
{
    public required string PreviousSubmissionId { get; init; }
    public required string PreviousFileName { get; init; }
    public required DateTimeOffset PreviousReceivedAt { get; init; }
    /// <summary>Why that return is taken as the previous one: "the same file name", "the same lead authorities".</summary>
    public required string MatchedBy { get; init; }
    public IReadOnlyList<SubmissionProblem> ProblemsFixed { get; init; } = [];
    public IReadOnlyList<SubmissionProblem> ProblemsNew { get; init; } = [];
    public IReadOnlyList<SubmissionProblem> ProblemsStillOpen { get; init; } = [];
    public IReadOnlyList<SubmittedArrangement> Added { get; init; } = [];
    public IReadOnlyList<ChangedArrangement> Changed { get; init; } = [];
    public IReadOnlyList<SubmittedArrangement> Unchanged { get; init; } = [];
    /// <summary>Not loaded last time (an error, or held), loaded now.</summary>
    public IReadOnlyList<SubmittedArrangement> NowLoaded { get; init; } = [];
    /// <summary>Loaded last time, not loaded now (a new error, or held).</summary>
    public IReadOnlyList<SubmittedArrangement> NoLongerLoaded { get; init; } = [];
    /// <summary>In the previous return, not in this one. Still in the mart as it was.</summary>
    public IReadOnlyList<SubmittedArrangement> Missing { get; init; } = [];

    /// <summary>Compares a return with the previous one from the same council.</summary>
    public static SubmissionChanges Compare(
        ArrangementSnapshot previous, IReadOnlyList<SubmissionProblem> previousProblems,
        ArrangementSnapshot current, IReadOnlyList<SubmissionProblem> currentProblems, string matchedBy)
    {
        var before = previous.Arrangements.ToDictionary(a => a.Key, StringComparer.Ordinal);
        var now = current.Arrangements.ToDictionary(a => a.Key, StringComparer.Ordinal);
        var added = new List<SubmittedArrangement>();
        var changed = new List<ChangedArrangement>();
        var unchanged = new List<SubmittedArrangement>();
        var nowLoaded = new List<SubmittedArrangement>();
        var noLongerLoaded = new List<SubmittedArrangement>();
        foreach (var arrangement in current.Arrangements)
        {
            if (!before.TryGetValue(arrangement.Key, out var earlier))
            {
                added.Add(arrangement);
                continue;
            }

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
            else if (FieldChanges(earlier.Fields, arrangement.Fields) is { Count: > 0 } fields)
            {
                changed.Add(new ChangedArrangement(arrangement, fields));
            }
            else
            {
                unchanged.Add(arrangement);
            }
        }

        var previousKeys = ArrangementSnapshotCollector.KeysByRow(previous.Arrangements);
        var currentKeys = ArrangementSnapshotCollector.KeysByRow(current.Arrangements);
        var problemsBefore = previousProblems.Select(p => (Id: ProblemId(p, previousKeys), Problem: p)).ToList();
        var problemsNow = currentProblems.Select(p => (Id: ProblemId(p, currentKeys), Problem: p)).ToList();
        var idsBefore = problemsBefore.Select(p => p.Id).ToHashSet();
        var idsNow = problemsNow.Select(p => p.Id).ToHashSet();
        return new SubmissionChanges
        {
            PreviousSubmissionId = previous.SubmissionId,
            PreviousFileName = previous.FileName,
            PreviousReceivedAt = previous.ReceivedAt,
            MatchedBy = matchedBy,
            ProblemsFixed = [.. problemsBefore.Where(p => !idsNow.Contains(p.Id)).Select(p => p.Problem)],
            ProblemsNew = [.. problemsNow.Where(p => !idsBefore.Contains(p.Id)).Select(p => p.Problem)],
            ProblemsStillOpen = [.. problemsNow.Where(p => idsBefore.Contains(p.Id)).Select(p => p.Problem)],
            Added = added,
            Changed = changed,
            Unchanged = unchanged,
            NowLoaded = nowLoaded,
            NoLongerLoaded = noLongerLoaded,
            Missing = [.. previous.Arrangements.Where(a => !now.ContainsKey(a.Key))],
        };
    }

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
}

/// <summary>An arrangement in both returns whose loaded values differ, and how.</summary>
public sealed record ChangedArrangement(SubmittedArrangement Arrangement, IReadOnlyList<FieldChange> Fields);

/// <summary>One field of an arrangement before and after (null when blank).</summary>
public sealed record FieldChange(string Field, string? Before, string? After);
