namespace SharedServicesPipeline.Pipeline.Reference;

/// <summary>The candidates a reviewer is shown for a held name: the matcher's best three, best first, scores to three places.</summary>
public static class ReviewCandidates
{
    public const int Shown = 3;

    public static IReadOnlyList<MatchCandidate> Of(MatchResult match) =>
        [.. match.Candidates.OrderByDescending(c => c.Score).Take(Shown).Select(c => c with { Score = Math.Round(c.Score, 3) })];
}
