using SharedServicesPipeline.Pipeline.Reference;

namespace SharedServicesPipeline.Functions.Reference;

/// <summary>What the matcher in use was built from, and why the files in the container are not in use if they are not.</summary>
/// <param name="Source">"built-in", or the files read from the reference container.</param>
/// <param name="Problems">Problems in the container's current files; empty when they are the ones in use.</param>
public sealed record ReferenceStatus(string Source, IReadOnlyList<ReferenceFileProblem> Problems)
{
    public static ReferenceStatus BuiltIn { get; } = new("built-in", []);
}
