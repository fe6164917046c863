using Xunit;
namespace SharedServicesPipeline.Tests.Reference;

/// <summary>Finds the independent public register that ships beside the repository (../shared/reference/), never inside it.</summary>
internal static class PublicRegisterFile
{
    public const string FileName = "uk_local_authorities.csv";

    /// <summary>The path of the file, or a message saying where it was looked for.</summary>
    public static (string? Path, string Message) Locate()
    {
        var repositoryRoot = RepositoryRoot();
        if (repositoryRoot is null)
        {
            return (null, $"Could not find SharedServicesPipeline.sln above {AppContext.BaseDirectory}.");
        }

        // Normally ../shared sits beside the repository root; a git worktree may sit one level deeper, so keep walking up.
        var searched = new List<string>();
        for (var dir = Directory.GetParent(repositoryRoot); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "reference", FileName);
            searched.Add(candidate);
            if (File.Exists(candidate))
            {
                return (candidate, candidate);
            }
        }

        return (null, $"The public register {FileName} is missing: expected ../shared/reference/{FileName} beside the repository root. " +
            $"Looked in: {string.Join(", ", searched)}. This test verifies the authority register and must not be skipped.");
    }

    public static string RequirePath()
    {
        var (path, message) = Locate();
        Assert.True(path is not null, message);
        return path!;
    }

    private static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "SharedServicesPipeline.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
