using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SharedServicesPipeline.Pipeline.Reporting;
using SharedServicesPipeline.Pipeline.Submissions;
using SharedServicesPipeline.Tests.Dashboard;
using SharedServicesPipeline.Tests.Intake;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Reporting;

/// <summary>A council's resubmission: its report page says what changed since its previous return.</summary>
public sealed class SinceLastSubmissionTests : IClassFixture<HeadlessChromium>
{
    private const string Partners = "Essex County Council; Slough Borough Council";
    private const string Lead = "Essex County Council";

    private readonly HeadlessChromium _chromium;

    public SinceLastSubmissionTests(HeadlessChromium chromium) => _chromium = chromium;

    private static byte[] FirstReturn() => new WorkbookBuilder().TemplateSheet("Arrangements",
        WorkbookBuilder.Row("Shared legal service", Partners, reference: "R01", lead: Lead, start: new DateTime(2011, 4, 1), annualSavings: 40000),
        WorkbookBuilder.Row("Shared ICT", Partners, reference: "R02", lead: Lead, start: "31/02/2011"),
        WorkbookBuilder.Row("Shared audit", Partners, reference: "R03", lead: Lead, annualSavings: "-5000"),
        WorkbookBuilder.Row("Shared HR", Partners, reference: "R04", lead: Lead, annualSavings: 10000),
        WorkbookBuilder.Row("Shared waste", Partners, service: "Waste collection", reference: "R05", lead: Lead, annualSavings: 25000),
        WorkbookBuilder.Row("Shared planning", Partners, service: "Planning", reference: "R06", lead: Lead),
        WorkbookBuilder.Row("Essex alone", "Essex County Council", reference: "R07", lead: Lead)).Build();

    // Two problems fixed (R02's date, R03's saving), one broken (R04), one arrangement changed (R05), one dropped (R06).
    private static byte[] SecondReturn() => new WorkbookBuilder().TemplateSheet("Arrangements",
        WorkbookBuilder.Row("Shared legal service", Partners, reference: "R01", lead: Lead, start: new DateTime(2011, 4, 1), annualSavings: 40000),
        WorkbookBuilder.Row("Shared ICT", Partners, reference: "R02", lead: Lead, start: "28/02/2011"),
        WorkbookBuilder.Row("Shared audit", Partners, reference: "R03", lead: Lead, annualSavings: "5000"),
        WorkbookBuilder.Row("Shared HR", Partners, reference: "R04", lead: Lead, annualSavings: "10% of budget"),
        WorkbookBuilder.Row("Shared waste", Partners, service: "Waste collection", reference: "R05", lead: Lead, annualSavings: 30000),
        WorkbookBuilder.Row("Essex alone", "Essex County Council", reference: "R07", lead: Lead)).Build();

    [Fact]
    public async Task Resubmission_says_which_problems_were_fixed_broken_and_still_open_and_which_arrangements_changed_or_went_missing()
    {
        await using var mart = await TestMart.CreateAsync(IntakeRegister.Use);
        var first = await mart.IngestAsync(new MemoryStream(FirstReturn()), "essex-return.xlsx");
        var second = await mart.IngestAsync(new MemoryStream(SecondReturn()), "essex-return.xlsx", new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

        await using var opened = await _chromium.OpenAsync(Path.Combine(mart.ReportsPath, second.SubmissionId, ReportPage.FileName));
        var since = opened.Page.Locator("#since");

        Assert.Empty(opened.ConsoleErrors);
        Assert.Contains(first.SubmissionId, await since.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("the same file name", await since.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(
            [("problems-fixed", "2"), ("problems-new", "1"), ("problems-open", "1"), ("added", "0"), ("changed", "1"), ("unchanged", "2"),
             ("now-loaded", "2"), ("no-longer-loaded", "1"), ("missing", "1")],
            await FiguresAsync(since));
        Assert.Equal(["date.invalid R02", "savings.negative R03"], await ItemsAsync(since, "problems-fixed"));
        Assert.Equal(["savings.invalid R04"], await ItemsAsync(since, "problems-new"));
        Assert.Equal(["partners.too-few R07"], await ItemsAsync(since, "problems-open"));
        var changed = since.Locator("[data-list='changed'] li");
        Assert.Equal("ref:r05", await changed.GetAttributeAsync("data-key"));
        Assert.Equal("Annual savings (£)", await changed.GetAttributeAsync("data-fields"));
        Assert.Contains("£25,000 → £30,000", await changed.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(["ref:r02", "ref:r03"], await KeysAsync(since, "now-loaded"));
        Assert.Equal(["ref:r04"], await KeysAsync(since, "no-longer-loaded"));
        Assert.Equal(["ref:r06"], await KeysAsync(since, "missing"));
        Assert.Contains("stays in the data", await since.Locator("[data-list='missing']").InnerTextAsync(), StringComparison.Ordinal);

        // Flagged, not deleted: the arrangement the second return left out is still in the mart.
        Assert.Equal(1, await mart.QueryAsync(db => db.Arrangements.CountAsync(a => a.Reference == "R06")));
    }

    [Fact]
    public async Task A_return_under_another_name_is_compared_with_the_last_one_with_the_same_lead_authorities_and_another_councils_is_not()
    {
        await using var mart = await TestMart.CreateAsync(IntakeRegister.Use);
        var first = await mart.IngestAsync(new MemoryStream(FirstReturn()), "essex-2025.xlsx");
        var kent = await mart.IngestAsync(new MemoryStream(new WorkbookBuilder().TemplateSheet("Arrangements",
            WorkbookBuilder.Row("Kent legal", "Kent County Council; Maidstone Borough Council", reference: "K01", lead: "Kent County Council")).Build()), "kent.xlsx");
        var second = await mart.IngestAsync(new MemoryStream(SecondReturn()), "essex-2026.xlsx", new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

        await using var opened = await _chromium.OpenAsync(Path.Combine(mart.ReportsPath, second.SubmissionId, ReportPage.FileName));
        var since = await opened.Page.Locator("#since").InnerTextAsync();
        Assert.Contains(first.SubmissionId, since, StringComparison.Ordinal);
        Assert.Contains("the same lead authorities", since, StringComparison.Ordinal);

        await using var kentPage = await _chromium.OpenAsync(Path.Combine(mart.ReportsPath, kent.SubmissionId, ReportPage.FileName));
        Assert.Equal(0, await kentPage.Page.Locator("#since").CountAsync());
    }

    [Fact]
    public async Task A_council_s_return_is_compared_with_its_own_last_return_from_its_folder_whatever_the_files_are_called()
    {
        await using var mart = await TestMart.CreateAsync(IntakeRegister.Use);
        var essex = new SubmittingCouncil("E10000012", "Essex County Council");
        var first = await mart.IngestAsync(new MemoryStream(FirstReturn()), "q1.xlsx", council: essex);
        var second = await mart.IngestAsync(new MemoryStream(SecondReturn()), "return for q2.xlsx", new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero), essex);

        await using var opened = await _chromium.OpenAsync(Path.Combine(mart.ReportsPath, second.SubmissionId, ReportPage.FileName));
        var since = await opened.Page.Locator("#since").InnerTextAsync();
        Assert.Contains(first.SubmissionId, since, StringComparison.Ordinal);
        Assert.Contains("the same council (E10000012)", since, StringComparison.Ordinal);
    }

    private static async Task<List<(string, string)>> FiguresAsync(ILocator since)
    {
        var figures = new List<(string, string)>();
        var all = since.Locator(".figure");
        for (var i = 0; i < await all.CountAsync(); i++)
        {
            figures.Add(((await all.Nth(i).GetAttributeAsync("data-figure"))!, await all.Nth(i).Locator("dd").InnerTextAsync()));
        }

        return figures;
    }

    // Each problem as "code reference": the row it was in, by the arrangement's reference (rows move between returns).
    private static async Task<List<string>> ItemsAsync(ILocator since, string list)
    {
        var items = since.Locator($"[data-list='{list}'] li");
        var found = new List<string>();
        for (var i = 0; i < await items.CountAsync(); i++)
        {
            var text = await items.Nth(i).InnerTextAsync();
            var code = await items.Nth(i).GetAttributeAsync("data-code");
            var row = int.Parse((await items.Nth(i).GetAttributeAsync("data-row"))!, System.Globalization.CultureInfo.InvariantCulture);
            found.Add($"{code} {ReferenceAt(list, row)}");
            Assert.Contains(code!, text, StringComparison.Ordinal);
        }

        return found;
    }

    // Rows 2..8 hold R01..R07 in the first return; the second has no R06, so R07 moved up to row 7.
    private static string ReferenceAt(string list, int row) =>
        list == "problems-fixed" ? $"R{row - 1:00}" : row == 7 ? "R07" : $"R{row - 1:00}";

    private static async Task<List<string>> KeysAsync(ILocator since, string list)
    {
        var items = since.Locator($"[data-list='{list}'] li");
        var keys = new List<string>();
        for (var i = 0; i < await items.CountAsync(); i++)
        {
            keys.Add((await items.Nth(i).GetAttributeAsync("data-key"))!);
        }

        return keys;
    }
}
