using SharedServicesPipeline.Pipeline.Validation;

namespace SharedServicesPipeline.Pipeline.Reporting;

/// <summary>
/// One arrangement of a return as the next return is compared with it: the submitter's identity for it (their reference,
/// else its title), where it was, whether it loaded, and the values that loaded (none when it did not).
/// </summary>
public sealed record SubmittedArrangement(string Key, string Title, string Sheet, int Row, RowOutcome Outcome, IReadOnlyDictionary<string, string> Fields);
