namespace SharedServicesPipeline.Tests.Reference;

/// <summary>
/// The independent public register (mySociety's, CC BY 4.0) the authority register is verified against: a copy kept
/// under tests/TestData/public-register with its attribution, so the check runs on a fresh clone with nothing beside it.
/// </summary>
internal static class PublicRegisterFile
{
    public const string FileName = "uk_local_authorities.csv";

    public static string RequirePath()
    {
        var path = System.IO.Path.Combine(Support.RepositoryPaths.Root, "tests", "TestData", "public-register", FileName);
        Xunit.Assert.True(File.Exists(path), $"The public register copy {path} is missing: it ships with the tests (see its README).");
        return path;
    }
}
