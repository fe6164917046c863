namespace SharedServicesPipeline.Pipeline.Reading;

/// <summary>A partner given in wide columns (Partner 3, Partner 3 tier), with the headers it was submitted under.</summary>
/// <param name="Row">The row it was written on when that is not the arrangement's first row (a continuation row), else 0.</param>
public sealed record WidePartner(string Name, string? Tier, string NameColumn, string? TierColumn, int Row = 0);
