namespace SharedServicesPipeline.Pipeline.Reference;

/// <summary>What one key of the name index stands for: one authority, a group of councils together, or a set to choose from by hand.</summary>
internal sealed record NameTarget(IReadOnlyList<Authority> Authorities, AliasKind Kind)
{
    public static NameTarget Single(Authority authority) => new([authority], AliasKind.Name);
}
