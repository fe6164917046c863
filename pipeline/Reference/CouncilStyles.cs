namespace SharedServicesPipeline.Pipeline.Reference;

/// <summary>How a council styles itself ("County Council", "City Council", "Royal Borough"...). An affix in a name gives a hint in
/// these terms, which picks between councils that share a place name ("Durham CC", "Newcastle City Council").</summary>
[Flags]
internal enum CouncilStyles
{
    None = 0,
    County = 1,
    City = 2,
    District = 4,
    Borough = 8,
    Metropolitan = 16,
    London = 32,
    Royal = 64,
    Unitary = 128,
    /// <summary>A combined authority ("CA", "Combined Authority"): a hint that admits nothing else.</summary>
    Combined = 256,
}
