using SharedServicesPipeline.DataMart;
using SharedServicesPipeline.DataMart.Loading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SharedServicesPipeline.Pipeline.Loading;

namespace SharedServicesPipeline.Tests.Support;

/// <summary>The real mart loader with a fault injected at the seam: the first <see cref="FailuresLeft"/> loads throw.</summary>
internal sealed class FaultyLoader(MartLoader inner, FaultPlan plan) : ISubmissionLoader
{
    public int FailuresLeft => plan.FailuresLeft;

    public Task<PriorSubmission?> FindBySha256Async(string sha256, CancellationToken cancellationToken) => inner.FindBySha256Async(sha256, cancellationToken);

    public Task<LoadResult> LoadAsync(SubmissionBatch batch, CancellationToken cancellationToken) =>
        plan.TakeFailure() ? throw new InvalidOperationException("Injected fault: the database went away mid-load.") : inner.LoadAsync(batch, cancellationToken);

    /// <summary>Replaces the loader in a service collection with the faulty one.</summary>
    public static void Install(IServiceCollection services, FaultPlan plan)
    {
        services.AddSingleton(plan);
        services.AddScoped(sp => ActivatorUtilities.CreateInstance<MartLoader>(sp));
        services.AddScoped<ISubmissionLoader>(sp => new FaultyLoader(sp.GetRequiredService<MartLoader>(), sp.GetRequiredService<FaultPlan>()));
    }
}

/// <summary>How many faults to inject, shared across scopes.</summary>
internal sealed class FaultPlan(int failures)
{
    private int _failuresLeft = failures;

    public int FailuresLeft => Volatile.Read(ref _failuresLeft);

    public bool TakeFailure() => Interlocked.Decrement(ref _failuresLeft) >= 0;
}
