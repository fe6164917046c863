using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharedServicesPipeline.DataMart;
using SharedServicesPipeline.DataMart.Quality;
using SharedServicesPipeline.Pipeline.Submissions;
using SharedServicesPipeline.Tests.Support;
using static SharedServicesPipeline.Tests.Support.WorkbookBuilder;

namespace SharedServicesPipeline.Tests.Mart;

/// <summary>
/// The load takes a file's rows a slice at a time while the rest is still being read (here two rows a slice), inside one
/// transaction: what was written before a problem surfaced must go with the rest.
/// </summary>
public sealed class StreamedLoadTests
{
    private static object?[] Arrangement(int i) =>
        Row($"Shared service {i}", "Essex County Council; Braintree District Council", service: "ICT", start: "01/04/2012", annualSavings: 1000 * i);

    [Fact]
    public async Task A_file_found_too_long_part_way_loads_nothing_though_its_first_slices_were_written()
    {
        await using var mart = await TestMart.CreateAsync(settings: new Dictionary<string, string?> { ["Intake:SliceRows"] = "2", ["Intake:MaxRows"] = "5" });

        var outcome = await mart.IngestAsync(new MemoryStream(SubmissionCsv.Build([.. Enumerable.Range(1, 7).Select(Arrangement)])), "long.csv");

        Assert.Equal(SubmissionDisposition.Rejected, outcome.Disposition);
        Assert.Contains(outcome.Problems, p => p.Code == "file.too-many-rows");
        Assert.Equal((0, 0), (outcome.RowsAccepted, outcome.ArrangementsAdded));
        Assert.Equal(0, await mart.QueryAsync(db => db.Arrangements.CountAsync()));
        Assert.Equal(0, await mart.QueryAsync(db => db.Submissions.CountAsync(s => s.SubmissionKey > 0)));
        Assert.True(File.Exists(Path.Combine(mart.ReportsPath, outcome.SubmissionId, "outcome.json")));
    }

    [Fact]
    public async Task A_fault_after_several_slices_were_written_leaves_nothing_and_the_next_attempt_loads_every_row()
    {
        // Saves: the submission, the released held rows, the first slice's new dimension members (later slices add none, and
        // new facts go in set-based, not through SaveChanges), then the submission's counts at the end: the 4th comes after
        // all five slices of facts were written.
        var fault = new FailingSaveInterceptor(4) { Armed = true };
        await using var mart = await TestMart.CreateAsync(
            services => services.ConfigureDbContext<SqliteMartDbContext>(options => options.AddInterceptors(fault)),
            new Dictionary<string, string?> { ["Intake:SliceRows"] = "2" });
        var file = SubmissionCsv.Build([.. Enumerable.Range(1, 9).Select(Arrangement)]);

        await Assert.ThrowsAsync<IOException>(() => mart.IngestAsync(new MemoryStream(file), "return.csv"));
        Assert.Equal(0, await mart.QueryAsync(db => db.Arrangements.CountAsync()));
        Assert.Equal(0, await mart.QueryAsync(db => db.Submissions.CountAsync(s => s.SubmissionKey > 0)));

        var retried = await mart.IngestAsync(new MemoryStream(file), "return.csv");
        Assert.Equal((SubmissionDisposition.Processed, 9, 9), (retried.Disposition, retried.RowsAccepted, retried.ArrangementsAdded));
        Assert.Equal(9, await mart.QueryAsync(db => db.Arrangements.CountAsync()));
        Assert.Empty(await mart.QueryAsync(db => MartDataTests.RunAsync(db, null, CancellationToken.None)));
    }
}
