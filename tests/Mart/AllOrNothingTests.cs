using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharedServicesPipeline.DataMart;
using SharedServicesPipeline.DataMart.Quality;
using SharedServicesPipeline.Tests.Support;
using static SharedServicesPipeline.Tests.Support.WorkbookBuilder;

namespace SharedServicesPipeline.Tests.Mart;

/// <summary>One transaction per submission: a fault midway leaves nothing of it behind.</summary>
public sealed class AllOrNothingTests
{
    [Theory]
    [InlineData(1)] // dimensions and the submission row
    [InlineData(2)] // facts, bridge and held rows, after the dimensions were written
    [InlineData(3)] // history and review names, after the facts were written
    public async Task A_failure_midway_through_a_load_leaves_nothing_of_the_submission(int failingSave)
    {
        var fault = new FailingSaveInterceptor(failingSave);
        await using var mart = await RegisterMart.CreateAsync(configure: services =>
            services.ConfigureDbContext<SqliteMartDbContext>(options => options.AddInterceptors(fault)));
        await mart.IngestAsync(SubmissionCsv.Build(
            Row("Shared legal", "Breckland District Council; South Holland District Council", reference: "L-1", lead: "Breckland District Council", start: "01/04/2011", annualSavings: 100000)), "first.csv");
        var before = await SnapshotAsync(mart);

        // Changes an arrangement, adds one with a new service area, a new profile and a date before the calendar, and holds a row.
        var second = SubmissionCsv.Build(
            Row("Shared legal", "Breckland District Council; South Holland District Council", reference: "L-1", lead: "Breckland District Council", start: "01/04/2011", annualSavings: 250000),
            Row("Joint pest control", "Dover District Council; Shepway District Council", service: "Vermin and pests", start: "01/04/1998", status: "Ended"),
            Row("Coastal partnership", "Dover District Council; Nowhere Borough Council", service: "Planning", start: "01/04/2012"));
        fault.Armed = true;

        await Assert.ThrowsAsync<IOException>(() => mart.IngestAsync(second, "second.csv"));

        Assert.Equal(before, await SnapshotAsync(mart));
        Assert.Equal(100000m, await mart.QueryAsync(db => db.Arrangements.Select(a => a.AnnualSavingsGbp).SingleAsync()));
        Assert.Empty(await mart.QueryAsync(db => MartDataTests.RunAsync(db, null, CancellationToken.None)));
    }

    private static Task<string> SnapshotAsync(TestMart mart) => mart.QueryAsync(async db => string.Join(", ",
        $"submissions {await db.Submissions.CountAsync()}",
        $"authorities {await db.Authorities.CountAsync()}",
        $"service areas {await db.ServiceAreas.CountAsync()}",
        $"profiles {await db.Profiles.CountAsync()}",
        $"dates {await db.Dates.CountAsync()} from {await db.Dates.Where(d => d.DateKey > 0).MinAsync(d => d.DateKey)}",
        $"arrangements {await db.Arrangements.CountAsync()} at version {await db.Arrangements.SumAsync(a => a.Version)}",
        $"bridge {await db.ArrangementPartners.CountAsync()}",
        $"history {await db.ArrangementHistory.CountAsync()}",
        $"held {await db.HeldRows.CountAsync()}",
        $"review names {await db.ReviewNames.CountAsync()}"));
}
