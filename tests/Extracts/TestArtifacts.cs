using SharedServicesPipeline.Publishing;

namespace SharedServicesPipeline.Tests.Extracts;

/// <summary>An artifact that throws while <see cref="Fail"/> is set: a refresh that breaks half-way.</summary>
internal sealed class FailingArtifact : IPublishedArtifact
{
    public const string Message = "Injected failure while building an artifact";

    public bool Fail { get; set; }

    public Task<IReadOnlyList<PublishedFile>> BuildAsync(IReadOnlyList<ExtractTable> tables, PublishContext context, CancellationToken cancellationToken) =>
        Fail ? throw new InvalidOperationException(Message) : Task.FromResult<IReadOnlyList<PublishedFile>>([]);
}

/// <summary>An artifact that holds the first refresh inside the publish until the test releases it.</summary>
internal sealed class GateArtifact : IPublishedArtifact
{
    private int _calls;

    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<IReadOnlyList<PublishedFile>> BuildAsync(IReadOnlyList<ExtractTable> tables, PublishContext context, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _calls) == 1)
        {
            Entered.SetResult();
            await Release.Task.WaitAsync(cancellationToken);
        }

        return [];
    }
}
