namespace SharedServicesPipeline.Pipeline.Reference;

/// <summary>What a partner name resolved to. Multi-council names (e.g. "Adur &amp; Worthing Councils") resolve to several authorities.</summary>
public sealed record MatchResult(
    string Input,
    MatchStatus Status,
    IReadOnlyList<Authority> Authorities,
    double Confidence,
    IReadOnlyList<MatchCandidate> Candidates)
{
    public Authority? Authority => Authorities.Count == 1 ? Authorities[0] : null;

    public bool IsResolved => Status is MatchStatus.Matched or MatchStatus.Body;

    /// <summary>For an unmatched name, what it is when its words tell (a company, a town council, a group, a placeholder).</summary>
    public ReviewReason Reason { get; init; }

    public static MatchResult Unmatched(string input, IReadOnlyList<MatchCandidate>? candidates = null) =>
        new(input, MatchStatus.Unmatched, [], 0, candidates ?? []);
}
