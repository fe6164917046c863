using SharedServicesPipeline.Pipeline.Reference;

namespace SharedServicesPipeline.Cli;

/// <summary>
/// An operator's corrections without a release: <c>reference/authorities.csv</c> and <c>reference/aliases.csv</c>
/// beside the database are merged over the built-in register and aliases at every run.
/// </summary>
internal static class ReferenceOverrides
{
    public static AuthorityMatcher Load(LocalPaths paths)
    {
        var authorities = Path.Combine(paths.Reference, "authorities.csv");
        var aliases = Path.Combine(paths.Reference, "aliases.csv");
        using var register = File.Exists(authorities) ? new StreamReader(authorities) : null;
        using var alias = File.Exists(aliases) ? new StreamReader(aliases) : null;
        return AuthorityMatcher.Create(register, alias);
    }
}
