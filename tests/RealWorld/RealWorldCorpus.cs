namespace SharedServicesPipeline.Tests.RealWorld;

/// <summary>
/// Submissions shaped like the ones councils really send, written before reading the reader's and validator's rules
/// (tests/TestData/realworld/README.md says how each was made and what the pipeline made of them first).
/// </summary>
internal static class RealWorldCorpus
{
    /// <summary>The first blind batch, which the intake's rules were then fixed against.</summary>
    public static IReadOnlyList<RealWorldCase> FirstBatch { get; } =
        [.. LayoutCases.All(), .. MultiRowCases.All(), .. ValueCases.All(), .. FormatCases.All()];

    /// <summary>The second blind batch, written after those fixes, to see whether they generalise.</summary>
    public static IReadOnlyList<RealWorldCase> Holdout { get; } = [.. HoldoutCases.All()];

    /// <summary>The third batch: the long layout, title blocks and two-sheet returns (round two of the layouts councils use).</summary>
    public static IReadOnlyList<RealWorldCase> RoundTwo { get; } = [.. RoundTwoCases.All()];

    public static IReadOnlyList<RealWorldCase> All { get; } = [.. FirstBatch, .. Holdout, .. RoundTwo];

    public static RealWorldCase Named(string name) => All.Single(c => c.Name == name);
}
