namespace SharedServicesPipeline.Pipeline.Submissions;

/// <summary>
/// A submission's problems as the reports keep them: the first <c>maxListed</c> in full, then only counted per reason
/// code, so that a file of 200,000 bad rows costs a few thousand problems of memory, not 200,000, and every count stays
/// exact. A row's problems are listed all together or not at all (the list may pass the cap by the rest of one row).
/// Past the cap, the first row of a reason not yet listed is still listed, so every reason the reports count has an
/// example the submitter can read (at most one row per reason code, a bound the catalogue sets).
/// </summary>
public sealed class ProblemTally(int maxListed)
{
    private readonly List<SubmissionProblem> _listed = [];
    private readonly HashSet<string> _listedCodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Count> _unlisted = new(StringComparer.Ordinal);

    // Past the cap a row's problems wait here until the row ends, to be listed or counted together.
    private readonly List<SubmissionProblem> _pendingRow = [];
    private (string? Sheet, int? Row) _lastListedRow;
    private bool _full;

    /// <summary>The problems listed: the first ones in the order found, then one example row of each later reason.</summary>
    public IReadOnlyList<SubmissionProblem> Listed
    {
        get
        {
            Settle();
            return _listed;
        }
    }

    /// <summary>The problems beyond the list, per reason code in the order first met.</summary>
    public IReadOnlyList<UnlistedProblems> Unlisted
    {
        get
        {
            Settle();
            return [.. _unlisted.Select(u => new UnlistedProblems(u.Key, u.Value.Severity, u.Value.Occurrences, u.Value.Rows))];
        }
    }

    public void Add(SubmissionProblem problem)
    {
        var row = (problem.Sheet, problem.Row);
        if (!_full && (_listed.Count < Math.Max(0, maxListed) || problem.Row is not null && _listed.Count > 0 && row == _lastListedRow))
        {
            List(problem);
            return;
        }

        _full = true;
        if (_pendingRow.Count > 0 && (_pendingRow[0].Sheet, _pendingRow[0].Row) != row)
        {
            Settle();
        }

        _pendingRow.Add(problem);
        if (problem.Row is null)
        {
            // A problem of the whole file is a row of its own.
            Settle();
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
        Settle();
        foreach (var u in unlisted)
        {
            _full = true;
            var count = CountOf(u.Code, u.Severity);
            count.Occurrences += u.Occurrences;
            count.Rows += u.Rows;
            count.LastRow = default;
        }
    }

    private void List(SubmissionProblem problem)
    {
        _listed.Add(problem);
        _listedCodes.Add(problem.Code);
        _lastListedRow = (problem.Sheet, problem.Row);
    }

    /// <summary>Ends the row waiting past the cap: listed whole if it shows a reason not yet listed, else counted.</summary>
    private void Settle()
    {
        if (_pendingRow.Count == 0)
        {
            return;
        }

        if (_pendingRow.Exists(p => !_listedCodes.Contains(p.Code)))
        {
            foreach (var problem in _pendingRow)
            {
                List(problem);
            }
        }
        else
        {
            foreach (var problem in _pendingRow)
            {
                var count = CountOf(problem.Code, problem.Severity);
                count.Occurrences++;
                // A row's problems arrive together, so a row is new to a code when it differs from the code's last one.
                var row = (problem.Sheet, problem.Row);
                if (problem.Row is not null && count.LastRow != row)
                {
                    count.Rows++;
                    count.LastRow = row;
                }
            }
        }

        _pendingRow.Clear();
    }

    private Count CountOf(string code, ProblemSeverity severity)
    {
        if (!_unlisted.TryGetValue(code, out var count))
        {
            _unlisted[code] = count = new Count(severity);
        }

        return count;
    }

    private sealed class Count(ProblemSeverity severity)
    {
        public ProblemSeverity Severity { get; } = severity;

        public int Occurrences { get; set; }

        public int Rows { get; set; }

        public (string? Sheet, int? Row) LastRow { get; set; }
    }
}
