namespace SharedServicesPipeline.Tests.Support;

/// <summary>Finds the repository (the folder holding SharedServicesPipeline.sln) from the test's output folder.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Samples => Path.Combine(Root, "samples", "submissions");

    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SharedServicesPipeline.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"SharedServicesPipeline.sln not found above {AppContext.BaseDirectory}.");
    }
}
