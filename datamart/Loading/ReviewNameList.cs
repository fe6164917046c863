using Microsoft.EntityFrameworkCore;
using SharedServicesPipeline.DataMart.Entities;
using SharedServicesPipeline.Pipeline.Reference;

namespace SharedServicesPipeline.DataMart.Loading;

/// <summary>
/// Keeps review_name in step with the rows still held: one row per name (canonicalised), how many held rows name it,
/// when it was first and last seen, and the matcher's top three candidates (the rules: <see cref="ReviewNameKey"/>,
/// <see cref="ReviewCandidates"/>, in the core; this class only keeps the table in step). A name the matcher now resolves, or that no
/// held row names any more, is marked resolved.
/// </summary>
internal static class ReviewNameList
{
    public const string Open = "open";
    public const string Resolved = "resolved";

    /// <summary>Rebuilds the list from every held row, matching every open name again (a refresh, after aliases may have changed).</summary>
    public static async Task SyncAsync(MartDbContext db, IAuthorityMatcher matcher, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var held = await db.HeldRows.Where(h => h.State == HeldRowStates.Held)
            .Select(h => new { h.UnresolvedNames, h.HeldAt }).ToListAsync(cancellationToken);
        var names = held
            .SelectMany(h => SplitNames(h.UnresolvedNames).Select(name => (Name: name, h.HeldAt)))
            .GroupBy(n => ReviewNameKey.Of(n.Name), StringComparer.Ordinal)
            .Where(g => g.Key.Length > 0)
            .ToDictionary(g => g.Key, g => (g.First().Name, Count: g.Count(), First: g.Min(n => n.HeldAt), Last: g.Max(n => n.HeldAt)), StringComparer.Ordinal);
        var rows = (await db.ReviewNames.ToListAsync(cancellationToken)).ToDictionary(r => r.NameKey, StringComparer.Ordinal);
        var open = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, seen) in names)
        {
            rows.TryGetValue(key, out var row);
            var match = matcher.Match(seen.Name);
            if (match.IsResolved)
            {
                continue; // an alias now resolves it: the next refresh loads its rows
            }

            if (row is null)
            {
                row = new ReviewName { NameKey = key, Name = Truncate(seen.Name, 400)!, Status = Open, FirstSeenAt = seen.First, LastSeenAt = seen.Last };
                db.ReviewNames.Add(row);
                rows[key] = row;
            }

            open.Add(key);
            row.Occurrences = seen.Count;
            row.FirstSeenAt = seen.First < row.FirstSeenAt ? seen.First : row.FirstSeenAt;
            row.LastSeenAt = seen.Last > row.LastSeenAt ? seen.Last : row.LastSeenAt;
            row.Status = Open;
            row.ResolvedAt = null;
            SetCandidates(row, ReviewCandidates.Of(match));
        }

        foreach (var row in rows.Values.Where(r => r.Status == Open && !open.Contains(r.NameKey)))
        {
            row.Status = Resolved;
            row.Occurrences = 0;
            row.ResolvedAt = now;
        }
    }

    /// <summary>
    /// A load's newly held names, counted in: only their rows are read and written, so a load's cost does not grow with
    /// the backlog of held rows. Names a refresh has since resolved are matched again and reopened.
    /// </summary>
    public static async Task AddAsync(MartDbContext db, IAuthorityMatcher matcher, IEnumerable<string> names, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var seen = names
            .GroupBy(ReviewNameKey.Of, StringComparer.Ordinal)
            .Where(g => g.Key.Length > 0)
            .ToDictionary(g => g.Key, g => (Name: g.First(), Count: g.Count()), StringComparer.Ordinal);
        var rows = new Dictionary<string, ReviewName>(StringComparer.Ordinal);
        foreach (var chunk in seen.Keys.Chunk(500))
        {
            foreach (var row in await db.ReviewNames.Where(r => chunk.Contains(r.NameKey)).ToListAsync(cancellationToken))
            {
                rows[row.NameKey] = row;
            }
        }

        foreach (var (key, (name, count)) in seen)
        {
            rows.TryGetValue(key, out var row);
            var match = row is null || row.Status != Open ? matcher.Match(name) : null;
            if (match is { IsResolved: true })
            {
                continue; // an alias now resolves it: the next refresh loads its rows
            }

            if (row is null)
            {
                row = new ReviewName { NameKey = key, Name = Truncate(name, 400)!, Status = Open, FirstSeenAt = now, LastSeenAt = now };
                db.ReviewNames.Add(row);
            }
            else if (row.Status != Open)
            {
                row.Status = Open;
                row.Occurrences = 0;
                row.ResolvedAt = null;
            }

            row.Occurrences += count;
            row.LastSeenAt = now > row.LastSeenAt ? now : row.LastSeenAt;
            if (match is not null)
            {
                SetCandidates(row, ReviewCandidates.Of(match));
            }
        }
    }

    private static IEnumerable<string> SplitNames(string names) =>
        names.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static void SetCandidates(ReviewName row, IReadOnlyList<MatchCandidate> candidates)
    {
        (row.Candidate1Code, row.Candidate1Name, row.Candidate1Score) = Candidate(candidates, 0);
        (row.Candidate2Code, row.Candidate2Name, row.Candidate2Score) = Candidate(candidates, 1);
        (row.Candidate3Code, row.Candidate3Name, row.Candidate3Score) = Candidate(candidates, 2);
    }

    private static (string?, string?, double?) Candidate(IReadOnlyList<MatchCandidate> candidates, int index) =>
        index < candidates.Count
            ? (Truncate(candidates[index].Authority.Code, 64), Truncate(candidates[index].Authority.Name, 200), candidates[index].Score)
            : (null, null, null);

    private static string? Truncate(string? text, int length) => text is not null && text.Length > length ? text[..length] : text;
}
