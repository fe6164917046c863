using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;

namespace SharedServicesPipeline.Tests.Support;

/// <summary>
/// Fails the first <c>failures</c> blob requests that match, in front of a real Azurite. Placed per call, outside the
/// client's own retries, so a fault reaches the code as an outage that outlasted them would. A container is named by
/// its role (<c>reports</c>, <c>processed</c>, <c>incoming</c>…): each test's containers are <c>{prefix}-{role}</c>.
/// </summary>
internal sealed class StorageFaultPolicy(string method, string role, Func<string, bool> blob, FaultTiming timing, int failures = 1) : HttpPipelinePolicy
{
    private int _failuresLeft = failures;
    private int _fired;

    /// <summary>How many faults were injected: a test checks it, so a fault that never matched cannot pass unseen.</summary>
    public int Fired => Volatile.Read(ref _fired);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (!Matches(message.Request) || Interlocked.Decrement(ref _failuresLeft) < 0)
        {
            await ProcessNextAsync(message, pipeline);
            return;
        }

        Interlocked.Increment(ref _fired);
        if (timing == FaultTiming.AfterResponse)
        {
            await ProcessNextAsync(message, pipeline);
        }

        throw new RequestFailedException(503, $"Injected storage fault ({timing}) on {message.Request.Method} {message.Request.Uri.Path}.");
    }

    /// <summary>Every blob client of the composition (processor, report sink, stores) goes through this policy.</summary>
    public void Install(IServiceCollection services)
    {
        var options = new BlobClientOptions(BlobClientOptions.ServiceVersion.V2026_06_06);
        options.AddPolicy(this, HttpPipelinePosition.PerCall);
        services.AddSingleton(new BlobServiceClient(AzuriteFixture.ConnectionString, options));
    }

    // Azurite's paths are /{account}/{container}/{blob}; container-level requests (create, list) have no blob.
    private bool Matches(Request request)
    {
        var path = Uri.UnescapeDataString(request.Uri.Path).TrimStart('/').Split('/', 3);
        return path.Length == 3
            && request.Method.Method.Equals(method, StringComparison.OrdinalIgnoreCase)
            && path[1].EndsWith("-" + role, StringComparison.Ordinal)
            && blob(path[2]);
    }
}
