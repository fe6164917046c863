using Microsoft.EntityFrameworkCore;
using SharedServicesPipeline.DataMart.Quality;
using SharedServicesPipeline.Pipeline.Submissions;
using SharedServicesPipeline.Tests.Support;
using static SharedServicesPipeline.Tests.Support.WorkbookBuilder;

namespace SharedServicesPipeline.Tests.Mart;

/// <summary>Loads running at once never duplicate a dimension member, an arrangement or a submission.</summary>
public sealed class ConcurrentLoadTests
{
    [Fact]
    public async Task Eight_concurrent_loads_of_overlapping_and_identical_files_create_no_duplicates()
    {
        await using var mart = await RegisterMart.CreateAsync();
        var pairs = new[]
        {
            "Breckland District Council; South Holland District Council", "Dover District Council; Shepway District Council",
            "Essex County Council; Brentwood Borough Council", "Norfolk County Council; Breckland District Council",
            "Lincolnshire County Council; South Holland District Council", "Cambridgeshire County Council; Rutland County Council",
        };
        object?[] Arrangement(int n, int savings = 1000) =>
            Row($"Shared service {n}", pairs[n % pairs.Length], service: n % 2 == 0 ? "Legal" : "Vermin and pests", start: $"01/04/{2005 + n}", annualSavings: savings * n);

        // A and B overlap (4..6 identical); C changes 1..3 and adds 10..12; "Vermin and pests" is a new service area in all three.
        var a = SubmissionCsv.Build([.. Enumerable.Range(1, 6).Select(n => Arrangement(n))]);
        var b = SubmissionCsv.Build([.. Enumerable.Range(4, 6).Select(n => Arrangement(n))]);
        var c = SubmissionCsv.Build([.. Enumerable.Range(1, 3).Select(n => Arrangement(n, 2000)), .. Enumerable.Range(10, 3).Select(n => Arrangement(n))]);
        var files = new[] { ("a.csv", a), ("b.csv", b), ("c.csv", c), ("a-again.csv", a), ("b-again.csv", b), ("c-again.csv", c), ("a-third.csv", a), ("b-third.csv", b) };

        using var start = new Barrier(files.Length);
        var outcomes = await Task.WhenAll(files.Select(f => Task.Run(async () =>
        {
            start.SignalAndWait();
            return await mart.IngestAsync(f.Item2, f.Item1);
        })));

        // Each distinct file loads once; every identical copy ends as a duplicate of it, none as a fault.
        Assert.Equal(3, outcomes.Count(o => o.Disposition == SubmissionDisposition.Processed));
        Assert.Equal(5, outcomes.Count(o => o.Disposition == SubmissionDisposition.Duplicate));
        var processedIds = outcomes.Where(o => o.Disposition == SubmissionDisposition.Processed).Select(o => o.SubmissionId).ToHashSet();
        Assert.All(outcomes.Where(o => o.Disposition == SubmissionDisposition.Duplicate), o => Assert.Contains(o.DuplicateOf!, processedIds));

        var counts = await mart.QueryAsync(async db => (
            Submissions: await db.Submissions.CountAsync(s => s.SubmissionKey > 0),
            Arrangements: await db.Arrangements.CountAsync(),
            Identities: await db.Arrangements.Select(x => x.Title).Distinct().CountAsync(),
            PestAreas: await db.ServiceAreas.CountAsync(s => s.ServiceArea == "Vermin and pests"),
            Authorities: await db.Authorities.CountAsync(x => x.AuthorityKey > 0),
            CurrentVersions: await db.Authorities.Where(x => x.IsCurrent && x.AuthorityKey > 0).Select(x => x.AuthorityCode).Distinct().CountAsync(),
            Profiles: await db.Profiles.CountAsync(p => p.ProfileKey > 0)));
        Assert.Equal((3, 12, 12, 1, TestAuthorities.All.Count, TestAuthorities.All.Count, 1),
            (counts.Submissions, counts.Arrangements, counts.Identities, counts.PestAreas, counts.Authorities, counts.CurrentVersions, counts.Profiles));
        // Arrangements 1..3 were loaded by A and by C, in whichever order the race chose: two versions each.
        Assert.Equal(12 + 3, await mart.QueryAsync(db => db.ArrangementHistory.CountAsync()));
        Assert.Empty(await mart.QueryAsync(db => MartDataTests.RunAsync(db, null, CancellationToken.None)));
    }
}
