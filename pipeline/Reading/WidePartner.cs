namespace SharedServicesPipeline.Pipeline.Reading;

/// <summary>A partner given in wide columns (Partner 3, Partner 3 tier), with the headers it was submitted under.</summary>
public sealed record WidePartner(string Name, string? Tier, string NameColumn, string? TierColumn);
