using SharedServicesPipeline.Pipeline.Reference;

namespace SharedServicesPipeline.Bench.Scenarios;

/// <summary>The register the bench draws partners from and composes the pipeline with: the built-in one, or a file merged over it.</summary>
internal static class RegisterSource
{
    /// <summary>Null when the built-in register is used as it is.</summary>
    public static AuthorityRegister? Override(string? path)
    {
        if (path is null)
        {
            return null;
        }

        using var reader = File.OpenText(path);
        return AuthorityRegister.WithOverrides(reader);
    }

    public static AuthorityRegister Effective(string? path) => Override(path) ?? AuthorityRegister.BuiltIn;
}
