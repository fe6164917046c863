namespace SharedServicesPipeline.Pipeline.Submissions;

/// <summary>
/// A submission's problems as the reports keep them: the first <c>maxListed</c> in full, then only counted per reason
/// code, so that a file of 200,000 bad rows costs a few thousand problems of memory, not 200,000, and every count stays
/// exact. A row's problems are listed all together or not at all (the list may pass the cap by the rest of one row).
/// </summary>
public sealed class ProblemTally(int maxListed)
{
    private readonly List<SubmissionProblem> _listed = [];
    private readonly Dictionary<string, Count> _unlisted = new(StringComparer.Ordinal);
    private (string? Sheet, int? Row) _lastListedRow;
    private bool _full;

    /// <summary>The problems listed, in the order found.</summary>
    public IReadOnlyList<SubmissionProblem> Listed => _listed;

    /// <summary>The problems beyond the list, per reason code in the order first met.</summary>
    public IReadOnlyList<UnlistedProblems> Unlisted => [.. _unlisted.Select(u => new UnlistedProblems(u.Key, u.Value.Severity, u.Value.Occurrences, u.Value.Rows))];

    public void Add(SubmissionProblem problem)
    {
        var row = (problem.Sheet, problem.Row);
        if (!_full && (_listed.Count < Math.Max(0, maxListed) || problem.Row is not null && _listed.Count > 0 && row == _lastListedRow))
        {
            _listed.Add(problem);
            _lastListedRow = row;
            return;
        }

        _full = true;
        if (!_unlisted.TryGetValue(problem.Code, out var count))
        {
            _unlisted[problem.Code] = count = new Count(problem.Severity);
        }

        count.Occurrences++;
        // A row's problems arrive together, so a row is new to a code when it differs from the code's last one.
        if (problem.Row is not null && count.LastRow != row)
        {
            count.Rows++;
            count.LastRow = row;
        }
    }

    public void AddRange(IEnumerable<SubmissionProblem> problems)
    {
        foreach (var problem in problems)
        {
            Add(problem);
        }
    }

    /// <summary>Adds another tally's problems after these: its listed ones as far as the cap allows, then its counts.</summary>
    public void AddRange(ProblemTally other)
    {
        AddRange(other.Listed);
        AddUnlisted(other.Unlisted);
    }

    /// <summary>Adds problems already counted and not listed (another tally's, or an earlier outcome's).</summary>
    public void AddUnlisted(IEnumerable<UnlistedProblems> unlisted)
    {
        foreach (var u in unlisted)
        {
            _full = true;
            if (!_unlisted.TryGetValue(u.Code, out var count))
            {
                _unlisted[u.Code] = count = new Count(u.Severity);
            }

            count.Occurrences += u.Occurrences;
            count.Rows += u.Rows;
            count.LastRow = default;
        }
    }

    private sealed class Count(ProblemSeverity severity)
    {
        public ProblemSeverity Severity { get; } = severity;

        public int Occurrences { get; set; }

        public int Rows { get; set; }

        public (string? Sheet, int? Row) LastRow { get; set; }
    }
}
