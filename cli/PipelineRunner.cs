using Microsoft.Extensions.DependencyInjection;
using SharedServicesPipeline.DataMart;
using SharedServicesPipeline.Pipeline;
using SharedServicesPipeline.Pipeline.Intake;
using SharedServicesPipeline.Publishing;
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

    /// <summary>
    /// Ingests one file as the programme team (<c>ssp ingest</c>, <c>ssp demo</c>). Received when the file was created, not
    /// when this run started: running the same command again after a crash between the load and the report gets the
    /// original outcome back rather than a duplicate of it.
    /// </summary>
    public async Task<SubmissionOutcome> IngestAsync(string path, CancellationToken cancellationToken)
    {
        await using var scope = _services.CreateAsyncScope();
        await using var content = File.OpenRead(path);
        var input = new SubmissionInput(content, Path.GetFileName(path), new DateTimeOffset(File.GetCreationTimeUtc(path), TimeSpan.Zero), Environment.UserName);
        return await scope.ServiceProvider.GetRequiredService<SubmissionIngestor>().IngestAsync(input, cancellationToken);
    }

    /// <summary>One attempt at a waiting submission, by the drop-folder policy the blob trigger also uses (<c>ssp watch</c>).</summary>
    public async Task<SubmissionOutcome> ProcessAsync(ISubmissionStore store, StoredSubmission submission, CancellationToken cancellationToken)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SubmissionIntake>().ProcessAsync(store, submission, cancellationToken);
    }

    /// <summary>How many times a faulting file is tried before it is rejected (Intake:MaxAttempts, as the blob trigger).</summary>
    public int MaxAttempts => _services.GetRequiredService<Microsoft.Extensions.Options.IOptions<IntakeOptions>>().Value.MaxAttempts;

    public async Task<RefreshOutcome> RefreshAsync(CancellationToken cancellationToken, bool force = false)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ExtractRefresher>().RefreshAsync(force, cancellationToken);
    }

    /// <summary>The council a name or code means, by the matcher (with the operator's reference files); ambiguity is reported.</summary>
    public Publishing.Councils.CouncilLookupResult FindCouncil(string nameOrCode) => Publishing.Councils.CouncilLookup.Find(
        nameOrCode, _services.GetRequiredService<Pipeline.Reference.IAuthorityMatcher>(), _services.GetRequiredService<Pipeline.Reference.AuthorityRegister>());

    public async Task<Publishing.Councils.CouncilView?> CouncilViewAsync(string code, CancellationToken cancellationToken)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Publishing.Councils.CouncilViews>().BuildAsync(code, cancellationToken);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
