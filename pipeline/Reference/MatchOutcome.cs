namespace SharedServicesPipeline.Pipeline.Reference;

/// <summary>A result found at one step of matching, and whether its bodies existed on the arrangement's date. A step whose bodies
/// did not exist then is kept only as a fallback, in case no later step finds bodies that did.</summary>
internal sealed record MatchOutcome(MatchResult Result, bool ExistedOnDate);
