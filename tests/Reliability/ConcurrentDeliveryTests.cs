using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharedServicesPipeline.DataMart;
using SharedServicesPipeline.Pipeline.Reporting;
using SharedServicesPipeline.Tests.Support;
using Xunit.Abstractions;
using static SharedServicesPipeline.Tests.Support.WorkbookBuilder;

namespace SharedServicesPipeline.Tests.Reliability;

/// <summary>Submissions delivered all at once through IngestSubmission, on real Azurite and one SQLite mart.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ConcurrentDeliveryTests(ITestOutputHelper output)
{
    private static readonly string[] Partners =
    [
        "Breckland District Council; South Holland District Council", "Dover District Council; Folkestone and Hythe District Council",
        "Essex County Council; Brentwood Borough Council", "Norfolk County Council; Breckland District Council",
        "Lincolnshire County Council; South Holland District Council", "Cambridgeshire County Council; Rutland County Council",
    ];

    [Fact]
    public async Task Twenty_submissions_at_once_leave_the_mart_exactly_as_if_they_had_arrived_one_by_one()
    {
        var files = Submissions();
        await using var concurrent = await FunctionsHost.StartAsync();
        foreach (var (name, bytes) in files)
        {
            await concurrent.DropAsync(name, bytes);
        }

        // All released at once; a delivery that faults is delivered again, as the host would.
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var deliveries = files.Select(f => Task.Run(async () =>
        {
            await gate.Task;
            return await BlobDelivery.DeliverUntilDoneAsync(concurrent, f.Name);
        })).ToList();
        gate.SetResult();
        var faults = (await Task.WhenAll(deliveries)).SelectMany(f => f).ToList();
        output.WriteLine($"{files.Count} concurrent deliveries; {faults.Count} faulted and were delivered again: {string.Join("; ", faults.Select(f => f.GetType().Name + ": " + f.Message.Split('\n')[0]))}");

        // Every file handled, with an outcome each; no file left behind.
        Assert.Empty(await concurrent.ListAsync(concurrent.Containers.Incoming));
        var processed = await concurrent.ListAsync(concurrent.Containers.Processed);
        Assert.Equal(files.Count, processed.Count);
        var reports = (await concurrent.ListAsync(concurrent.Containers.Reports)).ToHashSet(StringComparer.Ordinal);
        foreach (var blob in processed)
        {
            var id = (await concurrent.Container(concurrent.Containers.Processed).GetBlobClient(blob).GetPropertiesAsync()).Value.Metadata["submissionid"];
            Assert.Contains($"{id}/{OutcomeReport.FileName}", reports);
        }

        // The same files one by one, in the order the concurrent loads committed (then the duplicates).
        var committed = await concurrent.InScopeAsync(sp => sp.GetRequiredService<MartDbContext>().Submissions
            .Where(s => s.SubmissionKey > 0).OrderBy(s => s.SubmissionKey).Select(s => s.Sha256).ToListAsync());
        var order = files.OrderBy(f => committed.IndexOf(Convert.ToHexStringLower(SHA256.HashData(f.Bytes))) is var i and >= 0 ? i : int.MaxValue).ToList();
        await using var sequential = await FunctionsHost.StartAsync();
        foreach (var (name, bytes) in order)
        {
            await sequential.DropAsync(name, bytes);
            Assert.Null(await BlobDelivery.DeliverAsync(sequential, name));
        }

        var expected = await sequential.InScopeAsync(sp => MartSnapshot.TakeAsync(sp.GetRequiredService<MartDbContext>()));
        var actual = await concurrent.InScopeAsync(sp => MartSnapshot.TakeAsync(sp.GetRequiredService<MartDbContext>()));
        Assert.Equal(7, committed.Count);
        Assert.Contains(expected, l => l.StartsWith("history ", StringComparison.Ordinal) && l.Contains(" v3 ", StringComparison.Ordinal));
        Assert.Equal(expected, actual);
    }

    /// <summary>
    /// Seven distinct files (overlapping arrangements; three that change the same ones; one with the same arrangements
    /// in another order; one with a bad row) and thirteen byte-identical copies of them under other names.
    /// </summary>
    private static List<(string Name, byte[] Bytes)> Submissions()
    {
        object?[] Arrangement(int n, int savings = 1000) =>
            Row($"Shared service {n}", Partners[n % Partners.Length], service: n % 2 == 0 ? "Legal" : "Waste collection", start: $"01/04/{2005 + n}", annualSavings: savings * n);

        var a = SubmissionCsv.Build([.. Enumerable.Range(1, 6).Select(n => Arrangement(n))]);
        var b = SubmissionCsv.Build([.. Enumerable.Range(4, 6).Select(n => Arrangement(n))]);
        var c = SubmissionCsv.Build([.. Enumerable.Range(1, 3).Select(n => Arrangement(n, 2000)), .. Enumerable.Range(10, 3).Select(n => Arrangement(n))]);
        var d = SubmissionCsv.Build([.. Enumerable.Range(1, 3).Select(n => Arrangement(n, 3000)), .. Enumerable.Range(13, 2).Select(n => Arrangement(n))]);
        var e = SubmissionCsv.Build([.. Enumerable.Range(7, 3).Select(n => Arrangement(n, 4000)), Arrangement(15)]);
        var f = SubmissionCsv.Build([.. Enumerable.Range(1, 6).Reverse().Select(n => Arrangement(n))]);
        var g = SubmissionCsv.Build([.. Enumerable.Range(4, 3).Select(n => Arrangement(n)), Row("Shared nothing", "Essex County Council", start: "31/02/2010")]);
        var distinct = new[] { ("a", a), ("b", b), ("c", c), ("d", d), ("e", e), ("f", f), ("g", g) };
        var copies = new[] { ("a", 3), ("b", 2), ("c", 2), ("d", 2), ("e", 2), ("f", 1), ("g", 1) };
        var files = distinct.Select(x => ($"return-{x.Item1}.csv", x.Item2)).ToList();
        foreach (var (key, count) in copies)
        {
            var bytes = distinct.Single(x => x.Item1 == key).Item2;
            files.AddRange(Enumerable.Range(1, count).Select(i => ($"return-{key} (copy {i}).csv", bytes)));
        }

        return files;
    }
}
