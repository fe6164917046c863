using System.Reflection;
using System.Text.Json.Nodes;
using SharedServicesPipeline.Tests.Support;
using Xunit;

namespace SharedServicesPipeline.Tests.Infra;

/// <summary>
/// The Bicep CLI from the NuGet package Azure.Bicep.CommandLine.linux-x64, whose props set
/// BicepPath; the test project bakes that path into this assembly (see the .csproj).
/// </summary>
internal static class BicepCli
{
    public static string Locate()
    {
        var baked = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "BicepPath")?.Value;
        if (string.IsNullOrWhiteSpace(baked))
        {
            throw new InvalidOperationException(
                "No BicepPath in the test assembly: tests/SharedServicesPipeline.Tests.csproj must reference " +
                "Azure.Bicep.CommandLine.linux-x64, whose props set BicepPath.");
        }

        var path = Path.GetFullPath(baked.Replace('\\', '/'));
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"Bicep CLI not found at {path}: restore tests/SharedServicesPipeline.Tests.csproj " +
                "(the package is linux-x64 only).");
        }

        return path;
    }

    /// <summary>Compiles a .bicep file to its ARM JSON; any error fails with Bicep's own diagnostics.</summary>
    public static JsonObject Build(string bicep, string bicepFile)
    {
        var outFile = Path.Combine(Path.GetTempPath(), $"bicep-{Guid.NewGuid():N}.json");
        try
        {
            var (exitCode, _, diagnostics) = ChildProcess.Run(bicep, ["build", bicepFile, "--outfile", outFile], TimeSpan.FromMinutes(3));
            if (exitCode != 0 || !File.Exists(outFile))
            {
                throw new InvalidOperationException(
                    $"bicep build {bicepFile} exited {exitCode}:{Environment.NewLine}{diagnostics}");
            }

            return JsonNode.Parse(File.ReadAllText(outFile))?.AsObject()
                ?? throw new InvalidOperationException($"bicep build {bicepFile} wrote no JSON");
        }
        finally
        {
            File.Delete(outFile);
        }
    }
}
