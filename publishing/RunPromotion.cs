namespace SharedServicesPipeline.Publishing;

/// <summary>What promoting a run needs: its files, the manifest to write last, latest files no longer published, and how many runs to keep.</summary>
public sealed record RunPromotion(string RunId, IReadOnlyList<string> FileNames, string ManifestName, IReadOnlyList<string> RetiredFileNames, int KeepRuns);
