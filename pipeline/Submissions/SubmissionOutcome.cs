using System.Text.Json.Serialization;

namespace SharedServicesPipeline.Pipeline.Submissions;

/// <summary>What happened to a submission: the machine-readable outcome returned to the submitter.</summary>
public sealed record SubmissionOutcome
{
    public required string SubmissionId { get; init; }
    public required string FileName { get; init; }
    public required string Sha256 { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
    [JsonConverter(typeof(JsonStringEnumConverter<SubmissionDisposition>))]
    public required SubmissionDisposition Disposition { get; init; }
    public int RowsRead { get; init; }
    public int RowsAccepted { get; init; }
    public int RowsRejected { get; init; }
    public int RowsHeld { get; init; }
    public int ArrangementsAdded { get; init; }
    public int ArrangementsUpdated { get; init; }
    public int ArrangementsUnchanged { get; init; }
    /// <summary>For a duplicate: the earlier submission with the same bytes.</summary>
    public string? DuplicateOf { get; init; }
    public IReadOnlyList<SubmissionProblem> Problems { get; init; } = [];
    /// <summary>
    /// The reason codes among the problems, must-fix first, each with its title, explanation, fix and counts: the same
    /// catalogue entries the report page and workbook show.
    /// </summary>
    public IReadOnlyList<OutcomeReason> Reasons => [.. ReasonCatalogue.BuiltIn.Summarise(Problems).Select(OutcomeReason.Of)];

    /// <summary>Names of the report files written for the submitter.</summary>
    public IReadOnlyList<string> Reports { get; init; } = [];

    public string Summary => Disposition switch
    {
        SubmissionDisposition.Duplicate => $"{FileName}: identical to submission {DuplicateOf}; nothing changed.",
        SubmissionDisposition.Rejected => $"{FileName}: rejected: {Problems.FirstOrDefault(p => p.Severity == ProblemSeverity.FileError)?.Message}",
        _ => $"{FileName}: {RowsRead} rows read, {RowsAccepted} accepted, {RowsRejected} rejected, {RowsHeld} held for review.",
    };
}
