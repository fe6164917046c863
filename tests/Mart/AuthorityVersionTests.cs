using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using SharedServicesPipeline.DataMart.Quality;
using SharedServicesPipeline.Pipeline.Reference;
using SharedServicesPipeline.Tests.Support;
using static SharedServicesPipeline.Tests.Support.WorkbookBuilder;

namespace SharedServicesPipeline.Tests.Mart;

/// <summary>dim_authority is SCD type 2 from the register; facts point at the version valid on the arrangement's start date.</summary>
public sealed class AuthorityVersionTests
{
    // Shepway District Council renamed itself Folkestone and Hythe District Council in April 2018; its GSS code stayed E07000112.
    private static readonly Authority FolkestoneAndHythe = TestAuthorities.Shepway with
    {
        Name = "Folkestone and Hythe District Council",
        ShortName = "Folkestone and Hythe",
    };

    [Fact]
    public async Task Register_change_adds_a_version_and_closes_the_old_one()
    {
        using var folder = new TempFolder("ssp-scd2-");
        var database = folder.File("mart.db");
        var clock = new FakeTimeProvider(new DateTimeOffset(2017, 6, 1, 9, 0, 0, TimeSpan.Zero));
        await using (var before = await RegisterMart.CreateAsync(clock: clock, databasePath: database))
        {
            var versions = await before.QueryAsync(db => db.Authorities.Where(a => a.AuthorityCode == "E07000112").ToListAsync());
            Assert.Equal(("Shepway District Council", true, (DateOnly?)null), (Assert.Single(versions).Name, versions[0].IsCurrent, versions[0].ValidTo));
        }

        clock.SetUtcNow(new DateTimeOffset(2018, 4, 1, 9, 0, 0, TimeSpan.Zero));
        await using var after = await RegisterMart.CreateAsync(new ExactNameMatcher(RenamedRegister()), clock, databasePath: database);

        var history = await after.QueryAsync(db => db.Authorities.Where(a => a.AuthorityCode == "E07000112").OrderBy(a => a.ValidFrom).ToListAsync());
        Assert.Equal(2, history.Count);
        Assert.Equal(("Shepway District Council", false, new DateOnly(2018, 3, 31)), (history[0].Name, history[0].IsCurrent, history[0].ValidTo!.Value));
        Assert.Equal(("Folkestone and Hythe District Council", true, new DateOnly(2018, 4, 1), (DateOnly?)null), (history[1].Name, history[1].IsCurrent, history[1].ValidFrom, history[1].ValidTo));
        // Authorities the register did not change keep their single version.
        Assert.Equal(1, await after.QueryAsync(db => db.Authorities.CountAsync(a => a.AuthorityCode == "E07000108")));
        Assert.Empty(await after.QueryAsync(db => MartDataTests.RunAsync(db, null, CancellationToken.None)));
    }

    [Fact]
    public async Task Facts_point_at_the_authority_version_valid_on_the_arrangement_start_date()
    {
        using var folder = new TempFolder("ssp-scd2-");
        var database = folder.File("mart.db");
        var clock = new FakeTimeProvider(new DateTimeOffset(2017, 6, 1, 9, 0, 0, TimeSpan.Zero));
        await using (var before = await RegisterMart.CreateAsync(clock: clock, databasePath: database))
        {
            await before.IngestAsync(SubmissionCsv.Build(
                Row("East Kent waste partnership", "Shepway District Council; Dover District Council", service: "Waste collection", start: "01/04/2012")), "2017.csv");
        }

        clock.SetUtcNow(new DateTimeOffset(2018, 6, 1, 9, 0, 0, TimeSpan.Zero));
        await using var after = await RegisterMart.CreateAsync(new ExactNameMatcher(RenamedRegister()), clock, databasePath: database);
        await after.IngestAsync(SubmissionCsv.Build(
            Row("East Kent shared audit", "Folkestone and Hythe District Council; Dover District Council", start: "01/09/2015"),
            Row("Kent coast planning service", "Folkestone and Hythe District Council; Dover District Council", service: "Planning", start: "01/09/2018"),
            Row("Kent coast licensing", "Folkestone and Hythe District Council; Dover District Council", service: "Licensing")), "2018.csv");

        var partnerNames = await after.QueryAsync(db => (
            from f in db.Arrangements
            join p in db.ArrangementPartners on f.ArrangementKey equals p.ArrangementKey
            join a in db.Authorities on p.AuthorityKey equals a.AuthorityKey
            where a.AuthorityCode == "E07000112"
            select new { f.Title, a.Name }).ToDictionaryAsync(x => x.Title, x => x.Name));
        Assert.Equal("Shepway District Council", partnerNames["East Kent waste partnership"]); // loaded before the rename, started before it
        Assert.Equal("Shepway District Council", partnerNames["East Kent shared audit"]); // loaded after the rename, started before it
        Assert.Equal("Folkestone and Hythe District Council", partnerNames["Kent coast planning service"]); // started after it
        Assert.Equal("Folkestone and Hythe District Council", partnerNames["Kent coast licensing"]); // no start date: the current version
        Assert.Empty(await after.QueryAsync(db => MartDataTests.RunAsync(db, null, CancellationToken.None)));
    }

    private static AuthorityRegister RenamedRegister() =>
        new(TestAuthorities.All.Select(a => a.Code == FolkestoneAndHythe.Code ? FolkestoneAndHythe : a));
}
