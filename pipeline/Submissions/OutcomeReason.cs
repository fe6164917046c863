namespace SharedServicesPipeline.Pipeline.Submissions;

/// <summary>A reason code as <c>outcome.json</c> lists it: the catalogue's entry and how often it occurs (of which <c>NotListed</c> are counted, not listed).</summary>
public sealed record OutcomeReason(string Code, string Severity, bool MustFix, string Title, string Explanation, string Fix, int Occurrences, int Rows, int NotListed)
{
    public static OutcomeReason Of(ReasonCount count) => new(
        count.Reason.Code, count.Reason.Severity, count.Reason.IsMustFix, count.Reason.Title, count.Reason.Explanation, count.Reason.Fix,
        count.Occurrences, count.Rows, count.NotListed);
}
