using Microsoft.EntityFrameworkCore;
using SharedServicesPipeline.Tests.Support;
using static SharedServicesPipeline.Tests.Support.WorkbookBuilder;

namespace SharedServicesPipeline.Tests.Mart;

/// <summary>Every dimension has an Unknown member (key -1), so no fact key is ever null.</summary>
public sealed class UnknownMemberTests
{
    [Fact]
    public async Task Every_dimension_starts_with_its_unknown_member()
    {
        await using var mart = await RegisterMart.CreateAsync();

        var names = await mart.QueryAsync(async db => new[]
        {
            (await db.Authorities.SingleAsync(a => a.AuthorityKey == -1)).Name,
            (await db.ServiceAreas.SingleAsync(s => s.ServiceAreaKey == -1)).ServiceArea,
            (await db.Profiles.SingleAsync(p => p.ProfileKey == -1)).Status,
            (await db.Dates.SingleAsync(d => d.DateKey == -1)).FinancialYear,
            (await db.Submissions.SingleAsync(s => s.SubmissionKey == -1)).FileName,
        });
        Assert.All(names, name => Assert.Equal("Unknown", name));
    }

    [Fact]
    public async Task Arrangement_without_lead_or_dates_points_at_the_unknown_members_and_is_published_with_them()
    {
        await using var mart = await RegisterMart.CreateAsync();
        await mart.IngestAsync(SubmissionCsv.Build(
            Row("Shared procurement", "Essex County Council; Brentwood Borough Council", service: "Procurement", start: null, status: null)), "return.csv");

        var fact = await mart.QueryAsync(db => db.Arrangements.SingleAsync());
        Assert.Equal((-1, -1, -1), (fact.LeadAuthorityKey, fact.StartDateKey, fact.EndDateKey));
        Assert.Null(fact.Status);
        Assert.Equal("Not stated", (await mart.QueryAsync(db => db.Profiles.SingleAsync(p => p.ProfileKey == fact.ProfileKey))).Status);

        await mart.RefreshAsync();
        var published = Assert.Single(ExtractCsv.Read(Path.Combine(mart.ExtractsPath, "fact_arrangement.csv")));
        Assert.Equal(("-1", "-1", "-1"), (published["lead_authority_key"], published["start_date_key"], published["end_date_key"]));
        var authorities = ExtractCsv.Read(Path.Combine(mart.ExtractsPath, "dim_authority.csv"));
        Assert.Contains(authorities, a => a["authority_key"] == "-1" && a["name"] == "Unknown");
        var dates = ExtractCsv.Read(Path.Combine(mart.ExtractsPath, "dim_date.csv"));
        Assert.Contains(dates, d => d["date_key"] == "-1");
        var view = await mart.QueryAsync(db => db.ArrangementView.SingleAsync());
        Assert.Equal((null, null, null), (view.LeadAuthority, view.StartDate, view.EndDate));
    }
}
