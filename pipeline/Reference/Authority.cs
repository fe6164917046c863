namespace SharedServicesPipeline.Pipeline.Reference;

/// <summary>A public body that can be a partner: a council from the register, or another public body.</summary>
public sealed record Authority
{
    /// <summary>GSS code for councils (legacy ONS code where no GSS code was ever issued); a stable slug for other bodies.</summary>
    public required string Code { get; init; }
    public required string Name { get; init; }
    public string? ShortName { get; init; }
    public required AuthorityType Type { get; init; }
    public required TierLevel Tier { get; init; }
    public required Sector Sector { get; init; }
    public string? ParentCode { get; init; }
    public string? Region { get; init; }
    public string? Nation { get; init; }
    public DateOnly? ValidFrom { get; init; }
    /// <summary>Last day the body existed, inclusive; null while it exists.</summary>
    public DateOnly? ValidTo { get; init; }
    public IReadOnlyList<string> SuccessorCodes { get; init; } = [];
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }

    public bool IsCouncil => Sector == Sector.Council;

    public bool ExistedOn(DateOnly date) =>
        (ValidFrom is null || ValidFrom <= date) && (ValidTo is null || date <= ValidTo);
}
