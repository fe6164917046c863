using System.Text.Json.Serialization;

namespace SharedServicesPipeline.Pipeline.Submissions;

/// <summary>What happened to a submission: the machine-readable outcome returned to the submitter.</summary>
public sealed record SubmissionOutcome
{
    public required string SubmissionId { get; init; }
    public required string FileName { get; init; }
    public required string Sha256 { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
    /// <summary>The GSS code of the council whose folder it came in; null for the programme team's files.</summary>
    public string? SubmittingCouncil { get; init; }
    [JsonConverter(typeof(JsonStringEnumConverter<SubmissionDisposition>))]
    public required SubmissionDisposition Disposition { get; init; }
    public int RowsRead { get; init; }
    public int RowsAccepted { get; init; }
    public int RowsRejected { get; init; }
    public int RowsHeld { get; init; }
    public int ArrangementsAdded { get; init; }
    public int ArrangementsUpdated { get; init; }
    public int ArrangementsUnchanged { get; init; }
    /// <summary>What the lines above the header say about the return (authority, its code, period); null when they say nothing.</summary>
    public ReturnDescription? Return { get; init; }

    /// <summary>For a duplicate: the earlier submission with the same bytes.</summary>
    public string? DuplicateOf { get; init; }
    /// <summary>The problems listed: every one up to <c>Intake:MaxListedProblems</c>, then <see cref="ProblemsNotListed"/> counts the rest.</summary>
    public IReadOnlyList<SubmissionProblem> Problems { get; init; } = [];

    /// <summary>Per reason code, the problems beyond those listed (empty when every problem is listed).</summary>
    public IReadOnlyList<UnlistedProblems> ProblemsNotListed { get; init; } = [];

    /// <summary>Every problem found, listed or not.</summary>
    public int ProblemCount => Problems.Count + ProblemsNotListed.Sum(u => u.Occurrences);

    /// <summary>
    /// The reason codes among the problems, must-fix first, each with its title, explanation, fix and counts (listed or
    /// not): the same catalogue entries the report page and workbook show.
    /// </summary>
    public IReadOnlyList<OutcomeReason> Reasons => [.. Summarise().Select(OutcomeReason.Of)];

    /// <summary>The reason codes among every problem, listed or not, must-fix first.</summary>
    public IReadOnlyList<ReasonCount> Summarise() => ReasonCatalogue.BuiltIn.Summarise(Problems, ProblemsNotListed);

    /// <summary>How many problems of a severity were found, listed or not.</summary>
    public int CountOf(ProblemSeverity severity) =>
        Problems.Count(p => p.Severity == severity) + ProblemsNotListed.Where(u => u.Severity == severity).Sum(u => u.Occurrences);

    /// <summary>Names of the report files written for the submitter.</summary>
    public IReadOnlyList<string> Reports { get; init; } = [];

    public string Summary => Disposition switch
    {
        SubmissionDisposition.Duplicate => $"{FileName}: identical to submission {DuplicateOf}; nothing changed.",
        SubmissionDisposition.Rejected => $"{FileName}: rejected: {Problems.FirstOrDefault(p => p.Severity == ProblemSeverity.FileError)?.Message}",
        _ => $"{FileName}: {RowsRead} rows read, {RowsAccepted} accepted, {RowsRejected} rejected, {RowsHeld} held for review.",
    };
}
