using Microsoft.Extensions.DependencyInjection;
using SharedServicesPipeline.Functions.Functions;
using SharedServicesPipeline.Functions.Storage;
using SharedServicesPipeline.Pipeline.Intake;

namespace SharedServicesPipeline.Tests.Support;

/// <summary>Delivers blob events to IngestSubmission as the Functions host does: in a scope of its own, again after a failure.</summary>
internal static class BlobDelivery
{
    /// <summary>One delivery; the fault it ended in, if any. Like the host, does not invoke the function for a blob that is gone.</summary>
    public static async Task<Exception?> DeliverAsync(FunctionsHost host, string name)
    {
        var blob = host.Container(host.Containers.Incoming).GetBlobClient(name);
        if (!await blob.ExistsAsync())
        {
            return null;
        }

        return await Record.ExceptionAsync(() => host.InScopeAsync(async sp =>
        {
            await new IngestSubmission(sp.GetRequiredService<SubmissionIntake>(), sp.GetRequiredService<BlobSubmissionStore>()).Run(blob, CancellationToken.None);
            return 0;
        }));
    }

    /// <summary>Delivers until a delivery succeeds or the host's attempts run out; the faults seen on the way.</summary>
    public static async Task<List<Exception>> DeliverUntilDoneAsync(FunctionsHost host, string name, int maxDeliveries = 5)
    {
        var faults = new List<Exception>();
        for (var i = 0; i < maxDeliveries; i++)
        {
            if (await DeliverAsync(host, name) is not { } fault)
            {
                break;
            }

            faults.Add(fault);
        }

        return faults;
    }
}
