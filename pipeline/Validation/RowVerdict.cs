using SharedServicesPipeline.Pipeline.Submissions;

namespace SharedServicesPipeline.Pipeline.Validation;

public enum RowOutcome
{
    Accepted,
    Rejected,
    /// <summary>Not loaded yet: a partner needs review; loaded at a later refresh once an alias resolves it.</summary>
    Held,
}

/// <summary>What validation made of one row.</summary>
public sealed record RowVerdict(RowOutcome Outcome, ArrangementRecord? Record, HeldRow? Held, IReadOnlyList<SubmissionProblem> Problems);
