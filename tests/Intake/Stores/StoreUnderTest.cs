using Microsoft.Extensions.DependencyInjection;
using SharedServicesPipeline.Pipeline.Intake;
using SharedServicesPipeline.Pipeline.Submissions;

namespace SharedServicesPipeline.Tests.Intake.Stores;

/// <summary>
/// A submission store in its host's own composition (the Functions app over Azurite and SQLite, or <c>ssp</c> over a
/// folder and SQLite), driven the same way by <see cref="SubmissionStorePolicyTests"/>.
/// </summary>
public abstract class StoreUnderTest : IAsyncDisposable
{
    public abstract ISubmissionStore Store { get; }

    public abstract IServiceProvider Services { get; }

    /// <summary>Puts a file in the incoming area under <paramref name="name"/> ('/' between folders), as a submitter would.</summary>
    public abstract Task DropAsync(string name, byte[] content);

    /// <summary>The paths of the copies filed on a shelf, '/' between folders.</summary>
    public abstract Task<IReadOnlyList<string>> FiledAsync(SubmissionShelf shelf);

    public abstract Task<byte[]> ReadFiledAsync(SubmissionShelf shelf, string path);

    /// <summary>One attempt at the waiting submission of that name, in a scope of its own, as one delivery or one pass of the watch.</summary>
    public async Task<SubmissionOutcome?> ProcessAsync(string name) =>
        await InScopeAsync(sp => sp.GetRequiredService<SubmissionIntake>().ProcessAsync(Store, name, CancellationToken.None));

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public abstract ValueTask DisposeAsync();
}
