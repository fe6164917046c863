namespace SharedServicesPipeline.Pipeline.Loading;

public sealed record LoadResult(int Added, int Updated, int Unchanged)
{
    /// <summary>
    /// Set when the same bytes were loaded by another worker while this one was validating (two identical files at once):
    /// nothing was loaded, and the submission is a duplicate of this one.
    /// </summary>
    public string? DuplicateOf { get; init; }

    /// <summary>Set when the rows turned out unloadable part-way (the read ended in a file error): nothing was loaded.</summary>
    public bool Abandoned { get; init; }
}
