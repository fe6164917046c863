using Microsoft.EntityFrameworkCore;
using SharedServicesPipeline.DataMart.Quality;
using SharedServicesPipeline.Tests.Support;
using static SharedServicesPipeline.Tests.Support.WorkbookBuilder;

namespace SharedServicesPipeline.Tests.Mart;

/// <summary>
/// A file that lists one arrangement on two rows ends as its later row says, counted once with one version, however far
/// apart the rows are: the load writes a file a slice at a time (here two arrangements a slice), so the later row may
/// come after the earlier one is already written.
/// </summary>
public sealed class RepeatedRowTests
{
    private static readonly Dictionary<string, string?> SlicesOfTwo = new() { ["Intake:SliceRows"] = "2", ["Mart:LoadSliceRows"] = "2" };

    private static object?[] Legal(int annualSavings, string title = "Shared legal service") =>
        Row(title, "Breckland District Council; South Holland District Council", reference: "BR-01", lead: "Breckland District Council",
            start: "01/04/2011", annualSavings: annualSavings);

    private static object?[] Other(int i) =>
        Row($"Shared service {i}", "Essex County Council; Braintree District Council", service: "ICT", start: "01/04/2012", annualSavings: 1000 * i);

    [Fact]
    public async Task A_new_arrangement_listed_twice_far_apart_is_added_once_as_its_later_row_says()
    {
        await using var mart = await TestMart.CreateAsync(settings: SlicesOfTwo);

        var outcome = await mart.IngestAsync(new MemoryStream(SubmissionCsv.Build(Legal(100_000), Other(1), Other(2), Other(3), Other(4), Legal(150_000, "Shared legal practice"))), "return.csv");

        Assert.Equal((5, 0, 0), (outcome.ArrangementsAdded, outcome.ArrangementsUpdated, outcome.ArrangementsUnchanged));
        var legal = await mart.QueryAsync(db => db.Arrangements.Include(a => a.Partners).SingleAsync(a => a.Reference == "BR-01"));
        Assert.Equal(("Shared legal practice", 150_000m, 1, 2), (legal.Title, legal.AnnualSavingsGbp, legal.Version, legal.Partners.Count));
        var history = await mart.QueryAsync(db => db.ArrangementHistory.Where(h => h.ArrangementKey == legal.ArrangementKey).ToListAsync());
        Assert.Equal([(1, 150_000m, legal.ContentHash)], history.Select(h => (h.Version, h.AnnualSavingsGbp!.Value, h.ContentHash)));
        Assert.Empty(await mart.QueryAsync(db => MartDataTests.RunAsync(db, null, CancellationToken.None)));
    }

    [Theory]
    [InlineData(150_000, 120_000, 0, 1, 120_000)] // changed, then back as the mart has it: unchanged after all
    [InlineData(120_000, 150_000, 1, 2, 150_000)] // as the mart has it, then changed: one update
    [InlineData(130_000, 150_000, 1, 2, 150_000)] // changed twice: one update, to the later row
    public async Task An_existing_arrangement_listed_twice_ends_as_the_later_row_with_at_most_one_new_version(
        int earlier, int later, int updated, int version, int savings)
    {
        await using var mart = await TestMart.CreateAsync(settings: SlicesOfTwo);
        await mart.IngestAsync(new MemoryStream(SubmissionCsv.Build(Legal(120_000))), "2012.csv");

        var outcome = await mart.IngestAsync(new MemoryStream(SubmissionCsv.Build(Legal(earlier), Other(1), Other(2), Other(3), Legal(later))), "2013.csv");

        Assert.Equal((3, updated, 1 - updated), (outcome.ArrangementsAdded, outcome.ArrangementsUpdated, outcome.ArrangementsUnchanged));
        var legal = await mart.QueryAsync(db => db.Arrangements.SingleAsync(a => a.Reference == "BR-01"));
        Assert.Equal((version, (decimal)savings), (legal.Version, legal.AnnualSavingsGbp!.Value));
        var versions = await mart.QueryAsync(db => db.ArrangementHistory.Where(h => h.ArrangementKey == legal.ArrangementKey).OrderBy(h => h.Version).Select(h => h.Version).ToListAsync());
        Assert.Equal(Enumerable.Range(1, version), versions);
        var submissions = await mart.QueryAsync(db => db.Submissions.Where(s => s.SubmissionKey > 0).OrderBy(s => s.SubmissionKey).Select(s => s.SubmissionKey).ToListAsync());
        Assert.Equal(updated == 1 ? submissions[1] : submissions[0], legal.SubmissionKey);
        Assert.Empty(await mart.QueryAsync(db => MartDataTests.RunAsync(db, null, CancellationToken.None)));
    }

    [Fact]
    public async Task A_file_with_repeated_rows_leaves_the_mart_as_the_same_file_loaded_in_one_slice()
    {
        var rows = new[] { Legal(100_000), Other(1), Other(2), Legal(110_000), Other(1), Other(3), Legal(120_000), Other(2) };
        await using var whole = await TestMart.CreateAsync();
        await using var sliced = await TestMart.CreateAsync(settings: SlicesOfTwo);
        foreach (var mart in new[] { whole, sliced })
        {
            await mart.IngestAsync(new MemoryStream(SubmissionCsv.Build(Legal(90_000), Other(1))), "2012.csv", new DateTimeOffset(2012, 5, 1, 0, 0, 0, TimeSpan.Zero));
            await mart.IngestAsync(new MemoryStream(SubmissionCsv.Build(rows)), "2013.csv", new DateTimeOffset(2013, 5, 1, 0, 0, 0, TimeSpan.Zero));
        }

        Assert.Equal(await whole.QueryAsync(MartSnapshot.TakeAsync), await sliced.QueryAsync(MartSnapshot.TakeAsync));
    }
}
