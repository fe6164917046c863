using SharedServicesPipeline.Pipeline.Submissions;

namespace SharedServicesPipeline.Pipeline.Validation;

/// <summary>A row held back because a partner could not be resolved; re-resolved at each refresh once aliases change.</summary>
/// <param name="Values">The row's cells as text, by template column name (contact details left out).</param>
/// <param name="UnresolvedNames">The partner names that need a person (unmatched or ambiguous).</param>
public sealed record HeldRow(
    string Sheet,
    int RowNumber,
    IReadOnlyDictionary<string, string> Values,
    IReadOnlyList<(string Name, string? Tier)> WidePartners,
    IReadOnlyList<string> UnresolvedNames,
    IReadOnlyList<SubmissionProblem> Problems);
