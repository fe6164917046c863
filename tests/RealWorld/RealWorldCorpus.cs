namespace SharedServicesPipeline.Tests.RealWorld;

/// <summary>
/// Submissions shaped like the ones councils really send, written before reading the reader's and validator's rules
/// (tests/TestData/realworld/README.md says how each was made and what the pipeline made of them first).
/// </summary>
internal static class RealWorldCorpus
{
    public static IReadOnlyList<RealWorldCase> All { get; } =
        [.. LayoutCases.All(), .. MultiRowCases.All(), .. ValueCases.All(), .. FormatCases.All()];

    public static RealWorldCase Named(string name) => All.Single(c => c.Name == name);
}
