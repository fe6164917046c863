using Microsoft.Extensions.DependencyInjection;
using SharedServicesPipeline.DataMart;
using SharedServicesPipeline.Pipeline;
using SharedServicesPipeline.Pipeline.Publishing;
using SharedServicesPipeline.Pipeline.Submissions;

namespace SharedServicesPipeline.Cli;

/// <summary>Runs the pipeline's entry points on the local composition, one scope per operation.</summary>
internal sealed class PipelineRunner : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private PipelineRunner(ServiceProvider services) => _services = services;

    public static async Task<PipelineRunner> StartAsync(LocalPaths paths, bool verbose, CancellationToken cancellationToken)
    {
        var services = CliHost.Build(paths, verbose);
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<MartInitializer>().InitializeAsync(cancellationToken);
        }

        return new PipelineRunner(services);
    }

    public async Task<SubmissionOutcome> IngestAsync(string path, CancellationToken cancellationToken)
    {
        await using var scope = _services.CreateAsyncScope();
        await using var content = File.OpenRead(path);
        var input = new SubmissionInput(content, Path.GetFileName(path), DateTimeOffset.UtcNow, Environment.UserName);
        return await scope.ServiceProvider.GetRequiredService<SubmissionIngestor>().IngestAsync(input, cancellationToken);
    }

    /// <summary>How many times a faulting file is tried before it is rejected (Intake:MaxAttempts, as the blob trigger).</summary>
    public int MaxAttempts => _services.GetRequiredService<Microsoft.Extensions.Options.IOptions<IntakeOptions>>().Value.MaxAttempts;

    public async Task<SubmissionOutcome> GiveUpAsync(string path, int attempts, Exception fault, CancellationToken cancellationToken)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SubmissionIngestor>().GiveUpAsync(Path.GetFileName(path), DateTimeOffset.UtcNow, attempts, fault, cancellationToken);
    }

    public async Task<RefreshOutcome> RefreshAsync(CancellationToken cancellationToken, bool force = false)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ExtractRefresher>().RefreshAsync(force, cancellationToken);
    }

    /// <summary>The council a name or code means, by the matcher (with the operator's reference files); ambiguity is reported.</summary>
    public Pipeline.Councils.CouncilLookupResult FindCouncil(string nameOrCode) => Pipeline.Councils.CouncilLookup.Find(
        nameOrCode, _services.GetRequiredService<Pipeline.Reference.IAuthorityMatcher>(), _services.GetRequiredService<Pipeline.Reference.AuthorityRegister>());

    public async Task<Pipeline.Councils.CouncilView?> CouncilViewAsync(string code, CancellationToken cancellationToken)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Pipeline.Councils.CouncilViews>().BuildAsync(code, cancellationToken);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
