using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharedServicesPipeline.DataMart.Quality;
using SharedServicesPipeline.Pipeline.Loading;
using SharedServicesPipeline.Tests.Support;
using static SharedServicesPipeline.Tests.Support.WorkbookBuilder;

namespace SharedServicesPipeline.Tests.Mart;

/// <summary>Rows held for an unknown partner go on the review list, and load at the next refresh once the name is known.</summary>
public sealed class HeldRowTests
{
    private static readonly byte[] Return = SubmissionCsv.Build(
        Row("Shared legal", "Breckland District Council; Sth Holland DC", reference: "L-1", lead: "Breckland District Council", start: "01/04/2011", annualSavings: 80000),
        Row("Shared audit", "Breckland District Council; South Holland District Council", service: "Internal audit", start: "01/04/2012"),
        Row("Shared ICT", "Norfolk County Council; Sth Holland DC", service: "ICT", start: "01/04/2013"));

    [Fact]
    public async Task Rows_held_for_an_unknown_partner_are_stored_and_listed_for_review_with_candidates()
    {
        await using var mart = await RegisterMart.CreateAsync();

        var outcome = await mart.IngestAsync(Return, "return.csv");
        await mart.RefreshAsync();

        Assert.Equal((3, 1, 2), (outcome.RowsRead, outcome.RowsAccepted, outcome.RowsHeld));
        Assert.Equal(2, await mart.QueryAsync(db => db.HeldRows.CountAsync(h => h.State == "held")));
        var review = Assert.Single(ExtractCsv.Read(Path.Combine(mart.ExtractsPath, "review_names.csv")));
        Assert.Equal(("Sth Holland DC", "sth holland dc", "open", "2"), (review["name"], review["name_key"], review["status"], review["occurrences"]));
        Assert.Equal(("E07000140", "South Holland District Council"), (review["candidate_1_code"], review["candidate_1_name"]));
        Assert.StartsWith("South Holland District Council (E07000140) 0.", review["candidates"], StringComparison.Ordinal);
        var submission = await mart.QueryAsync(db => db.Submissions.SingleAsync(s => s.SubmissionKey > 0));
        Assert.Equal((3, 1, 0, 2), (submission.RowsRead, submission.RowsAccepted, submission.RowsRejected, submission.RowsHeld));
    }

    [Fact]
    public async Task Held_row_loads_at_the_next_refresh_after_the_matcher_learns_the_name()
    {
        var matcher = new ExactNameMatcher(TestAuthorities.Register());
        await using var mart = await RegisterMart.CreateAsync(matcher);
        await mart.IngestAsync(Return, "return.csv");
        await mart.RefreshAsync();
        Assert.Equal(1, await mart.QueryAsync(db => db.Arrangements.CountAsync()));

        matcher.Teach("Sth Holland DC", TestAuthorities.SouthHolland.Code); // an operator adds the alias
        await mart.RefreshAsync();

        var facts = ExtractCsv.Read(Path.Combine(mart.ExtractsPath, "fact_arrangement.csv"));
        Assert.Equal(["Shared audit", "Shared ICT", "Shared legal"], facts.Select(f => f["title"]).Order());
        var legal = await mart.QueryAsync(db => db.ArrangementView.SingleAsync(v => v.Title == "Shared legal"));
        Assert.Equal(("Breckland District Council; South Holland District Council", "Breckland District Council", 80000m), (legal.Partners, legal.LeadAuthority, legal.AnnualSavingsGbp));

        var held = await mart.QueryAsync(db => db.HeldRows.ToListAsync());
        Assert.All(held, h => Assert.Equal("loaded", h.State));
        var loadedBy = await mart.QueryAsync(db => db.Submissions.SingleAsync(s => s.SubmissionKey == held[0].ResolvedSubmissionKey));
        Assert.Equal((HeldRowResolver.FileName, 2, 2, 0, 0), (loadedBy.FileName, loadedBy.RowsRead, loadedBy.RowsAccepted, loadedBy.RowsRejected, loadedBy.RowsHeld));
        Assert.StartsWith("held-", loadedBy.SubmissionId, StringComparison.Ordinal);
        var review = Assert.Single(ExtractCsv.Read(Path.Combine(mart.ExtractsPath, "review_names.csv")));
        Assert.Equal(("resolved", "0"), (review["status"], review["occurrences"]));
        Assert.Empty(await mart.QueryAsync(db => MartDataTests.RunAsync(db, null, CancellationToken.None)));

        // Nothing left to resolve: a further refresh loads nothing more.
        await mart.RefreshAsync();
        Assert.Equal(2, await mart.QueryAsync(db => db.Submissions.CountAsync(s => s.SubmissionKey > 0)));
    }

    [Fact]
    public async Task Held_row_that_breaks_another_rule_once_resolved_is_rejected_with_the_reason()
    {
        var matcher = new ExactNameMatcher(TestAuthorities.Register());
        await using var mart = await RegisterMart.CreateAsync(matcher);
        await mart.IngestAsync(SubmissionCsv.Build(Row("Blue light control room", "Norfolk Constabulary; Norfolk Fire Service", service: "Emergency planning")), "return.csv");

        matcher.Teach("Norfolk Fire Service", TestAuthorities.EssexPolice.Code); // resolves to a body that is not a council
        var resolution = await ResolveAsync(mart);

        Assert.Equal((0, 1, 0), (resolution.Loaded, resolution.Rejected, resolution.StillHeld));
        var held = await mart.QueryAsync(db => db.HeldRows.SingleAsync());
        Assert.Equal("rejected", held.State);
        Assert.Contains("None of the partners is a council", held.Reason, StringComparison.Ordinal);
        Assert.Equal(0, await mart.QueryAsync(db => db.Arrangements.CountAsync()));
    }

    private static async Task<HeldRowResolution> ResolveAsync(TestMart mart)
    {
        await using var scope = mart.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HeldRowResolver>().ResolveAsync(CancellationToken.None);
    }
}
