using System.Text.Json.Nodes;
using Xunit;

namespace SharedServicesPipeline.Tests.Infra;

/// <summary>infra/main.bicep and the post-deploy Event Grid template, compiled once for all infra tests.</summary>
public sealed class CompiledInfra
{
    public CompiledInfra()
    {
        RepositoryRoot = FindRepositoryRoot();
        var bicep = BicepCli.Locate();
        Main = BicepCli.Build(bicep, InfraPath("main.bicep"));
        IncomingSubscription = BicepCli.Build(bicep, InfraPath("eventgrid", "incoming-blob-created.bicep"));
    }

    public string RepositoryRoot { get; }

    /// <summary>ARM JSON of infra/main.bicep, its modules inlined as nested deployments.</summary>
    public JsonObject Main { get; }

    /// <summary>ARM JSON of infra/eventgrid/incoming-blob-created.bicep (deployed by the postdeploy hook).</summary>
    public JsonObject IncomingSubscription { get; }

    public string InfraPath(params string[] parts) => Path.Combine([RepositoryRoot, "infra", .. parts]);

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "infra", "main.bicep")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No infra/main.bicep above {AppContext.BaseDirectory}");
    }
}

[CollectionDefinition(Name)]
public sealed class CompiledInfraGroup : ICollectionFixture<CompiledInfra>
{
    public const string Name = "Compiled infra";
}
