namespace SharedServicesPipeline.Pipeline.Reference;

/// <summary>What an alias says about the bodies it lists.</summary>
public enum AliasKind
{
    /// <summary>Another name for each listed body; with several codes, the arrangement's date picks the one that existed.</summary>
    Name,
    /// <summary>All the listed councils together ("Tri-borough").</summary>
    Group,
    /// <summary>Could be any one of them ("Richmond"): always sent for review with the listed candidates.</summary>
    Ambiguous,
}
