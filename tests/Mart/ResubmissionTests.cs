using Microsoft.EntityFrameworkCore;
using SharedServicesPipeline.DataMart.Quality;
using SharedServicesPipeline.Pipeline.Submissions;
using SharedServicesPipeline.Tests.Support;
using static SharedServicesPipeline.Tests.Support.WorkbookBuilder;

namespace SharedServicesPipeline.Tests.Mart;

/// <summary>An arrangement keeps its identity across submissions; changes update it and add history; sameness adds nothing.</summary>
public sealed class ResubmissionTests
{
    private static readonly object?[] Legal = Row("Shared legal service", "Breckland District Council; South Holland District Council",
        reference: "BR-01", lead: "Breckland District Council", start: "01/04/2011", annualSavings: 120000);

    private static readonly object?[] Waste = Row("Joint waste contract", "Dover District Council; Shepway District Council",
        service: "Waste collection", start: "01/10/2012", annualSavings: 300000);

    [Fact]
    public async Task Resubmission_with_changed_savings_updates_the_arrangement_and_adds_a_history_row()
    {
        await using var mart = await RegisterMart.CreateAsync();
        var first = await mart.IngestAsync(SubmissionCsv.Build(Legal, Waste), "return-2012.csv");
        var changedLegal = Row("Shared legal service (Breckland and South Holland)", "Breckland District Council; South Holland District Council",
            reference: "BR-01", lead: "Breckland District Council", start: "01/04/2011", annualSavings: 150000, savingsToDate: 270000);
        var second = await mart.IngestAsync(SubmissionCsv.Build(changedLegal, Waste), "return-2013.csv");

        Assert.Equal((2, 0, 0), (first.ArrangementsAdded, first.ArrangementsUpdated, first.ArrangementsUnchanged));
        Assert.Equal((0, 1, 1), (second.ArrangementsAdded, second.ArrangementsUpdated, second.ArrangementsUnchanged));
        var legal = await mart.QueryAsync(db => db.Arrangements.SingleAsync(a => a.Reference == "BR-01"));
        Assert.Equal(("Shared legal service (Breckland and South Holland)", 150000m, 270000m, 2), (legal.Title, legal.AnnualSavingsGbp, legal.SavingsToDateGbp, legal.Version));
        var history = await mart.QueryAsync(db => db.ArrangementHistory.Where(h => h.ArrangementKey == legal.ArrangementKey).OrderBy(h => h.Version).ToListAsync());
        Assert.Equal([(1, 120000m), (2, 150000m)], history.Select(h => (h.Version, h.AnnualSavingsGbp!.Value)));
        var submissions = await mart.QueryAsync(db => db.Submissions.Where(s => s.SubmissionKey > 0).OrderBy(s => s.SubmissionKey).Select(s => s.SubmissionKey).ToListAsync());
        Assert.Equal(submissions, history.Select(h => h.SubmissionKey));
        Assert.Equal(submissions[0], legal.FirstSubmissionKey);
        Assert.Equal(submissions[1], legal.SubmissionKey);
        Assert.Equal(2, await mart.QueryAsync(db => db.Arrangements.CountAsync()));
        Assert.Empty(await mart.QueryAsync(db => MartDataTests.RunAsync(db, null, CancellationToken.None)));
    }

    [Fact]
    public async Task Identical_resubmission_in_a_new_file_adds_no_arrangement_version_or_history()
    {
        await using var mart = await RegisterMart.CreateAsync();
        await mart.IngestAsync(SubmissionCsv.Build(Legal, Waste), "return.csv");
        var before = await mart.QueryAsync(async db => (await db.Arrangements.AsNoTracking().OrderBy(a => a.ArrangementKey).ToListAsync(), await db.ArrangementHistory.CountAsync(), await db.ArrangementPartners.CountAsync()));

        // The same arrangements in another order and another format (real Excel dates and numbers): different bytes, same content.
        var again = await mart.IngestAsync(new WorkbookBuilder().TemplateSheet("Return",
            Row("Joint waste contract", "Dover District Council; Shepway District Council", service: "Waste collection", start: new DateTime(2012, 10, 1), annualSavings: 300000m),
            Row("Shared legal service", "Breckland District Council; South Holland District Council", reference: "BR-01", lead: "Breckland District Council", start: new DateTime(2011, 4, 1), annualSavings: 120000m)).Build(), "return.xlsx");

        Assert.Equal(SubmissionDisposition.Processed, again.Disposition);
        Assert.Equal((0, 0, 2), (again.ArrangementsAdded, again.ArrangementsUpdated, again.ArrangementsUnchanged));
        var after = await mart.QueryAsync(async db => (await db.Arrangements.AsNoTracking().OrderBy(a => a.ArrangementKey).ToListAsync(), await db.ArrangementHistory.CountAsync(), await db.ArrangementPartners.CountAsync()));
        Assert.Equal(before.Item2, after.Item2);
        Assert.Equal(before.Item3, after.Item3);
        Assert.Equal(before.Item1.Select(a => (a.ArrangementKey, a.Version, a.SubmissionKey, a.ContentHash)), after.Item1.Select(a => (a.ArrangementKey, a.Version, a.SubmissionKey, a.ContentHash)));
    }

    [Fact]
    public async Task Byte_identical_file_is_a_duplicate_and_loads_nothing()
    {
        await using var mart = await RegisterMart.CreateAsync();
        var bytes = SubmissionCsv.Build(Legal, Waste);
        var first = await mart.IngestAsync(bytes, "return.csv");
        var second = await mart.IngestAsync(bytes, "return (copy).csv");

        Assert.Equal(SubmissionDisposition.Duplicate, second.Disposition);
        Assert.Equal(first.SubmissionId, second.DuplicateOf);
        Assert.Equal(1, await mart.QueryAsync(db => db.Submissions.CountAsync(s => s.SubmissionKey > 0)));
    }

    [Fact]
    public async Task Same_reference_and_lead_is_the_same_arrangement_even_when_the_title_and_partners_change()
    {
        await using var mart = await RegisterMart.CreateAsync();
        await mart.IngestAsync(SubmissionCsv.Build(Legal), "a.csv");
        var widened = Row("Shared legal practice", "Breckland District Council; South Holland District Council; Norfolk County Council",
            reference: "BR-01", lead: "Breckland District Council", start: "01/04/2011", annualSavings: 120000);
        var outcome = await mart.IngestAsync(SubmissionCsv.Build(widened), "b.csv");

        Assert.Equal((0, 1), (outcome.ArrangementsAdded, outcome.ArrangementsUpdated));
        var fact = await mart.QueryAsync(db => db.Arrangements.Include(a => a.Partners).SingleAsync());
        Assert.Equal(("Shared legal practice", 3, 3, true), (fact.Title, fact.PartnerCount, fact.Partners.Count, fact.IsCrossTier));
        Assert.Single(fact.Partners, p => p.IsLead);
    }

    [Fact]
    public async Task Without_a_reference_the_normalised_title_and_partner_set_identify_the_arrangement()
    {
        await using var mart = await RegisterMart.CreateAsync();
        await mart.IngestAsync(SubmissionCsv.Build(Waste), "a.csv");
        var respelt = Row("JOINT WASTE CONTRACT.", "Shepway District Council; Dover District Council",
            service: "Waste collection", start: "01/10/2012", annualSavings: 350000);
        var otherPartners = Row("Joint waste contract", "Dover District Council; Brentwood Borough Council",
            service: "Waste collection", start: "01/10/2012", annualSavings: 350000);
        var outcome = await mart.IngestAsync(SubmissionCsv.Build(respelt, otherPartners), "b.csv");

        Assert.Equal((1, 1), (outcome.ArrangementsAdded, outcome.ArrangementsUpdated));
        Assert.Equal(2, await mart.QueryAsync(db => db.Arrangements.CountAsync()));
    }
}
