namespace SharedServicesPipeline.Pipeline.Reference;

/// <summary>Resolves partner names as councils write them to authorities of the register, or says why it cannot.</summary>
public interface IAuthorityMatcher
{
    /// <summary>Resolves one partner name. <paramref name="asOf"/> (the arrangement's start) prefers bodies that existed then.</summary>
    MatchResult Match(string name, DateOnly? asOf = null);

    /// <summary>Splits a partners cell into names, using the register so that "Bath and North East Somerset" stays whole.</summary>
    IReadOnlyList<string> SplitPartners(string cell);

    /// <summary>The register the names resolve to (for looking up a code, e.g. a submitting council's).</summary>
    AuthorityRegister Register { get; }
}
