namespace SharedServicesPipeline.Pipeline.Reference;

public enum MatchStatus
{
    /// <summary>Resolved to one council (or combined authority) of the register.</summary>
    Matched,
    /// <summary>Recognised as a non-council public body (police, fire, health, national park, other).</summary>
    Body,
    /// <summary>Two or more plausible councils; a person must choose.</summary>
    Ambiguous,
    /// <summary>Nothing plausible.</summary>
    Unmatched,
}
