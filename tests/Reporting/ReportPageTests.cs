using System.Text;
using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using SharedServicesPipeline.Pipeline.Reporting;
using SharedServicesPipeline.Pipeline.Submissions;
using SharedServicesPipeline.Tests.Dashboard;
using SharedServicesPipeline.Tests.Intake;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Reporting;

/// <summary>report.html, the submitter's feedback at a glance, opened from disk in real headless Chromium.</summary>
public sealed class ReportPageTests : IClassFixture<HeadlessChromium>
{
    private const string Good = "Essex County Council; Slough Borough Council";

    private readonly HeadlessChromium _chromium;

    public ReportPageTests(HeadlessChromium chromium) => _chromium = chromium;

    /// <summary>A return with every kind of row problem and advice, and a column the template does not have.</summary>
    internal static byte[] ReturnWithEveryKindOfProblem()
    {
        object?[] Row(object?[] cells, string? extra = null) => [.. cells, extra];
        return new WorkbookBuilder().Sheet("Arrangements",
            [.. WorkbookBuilder.TemplateHeader, "Budget holder"],
            Row(WorkbookBuilder.Row("Shared legal service", Good, reference: "R02", lead: "Essex County Council", start: new DateTime(2011, 4, 1), annualSavings: 40000, contactName: "Ada Lovelace"), "Legal"),
            Row(WorkbookBuilder.Row("", Good, reference: "R03")),
            Row(WorkbookBuilder.Row("Essex alone", "Essex County Council", reference: "R04")),
            Row(WorkbookBuilder.Row("Blue lights", "Essex Police; Essex County Fire and Rescue Service", reference: "R05")),
            Row(WorkbookBuilder.Row("Borsetshire legal", "Essex County Council; Borsetshire County Council", reference: "R06")),
            Row(WorkbookBuilder.Row("Tyneside audit", "Essex County Council\nNewcastle", reference: "R07")),
            Row(WorkbookBuilder.Row("Money back", Good, reference: "R08", annualSavings: "-5000")),
            Row(WorkbookBuilder.Row("Leap year", Good, reference: "R09", start: "31/02/2011")),
            Row(WorkbookBuilder.Row("Backwards", Good, reference: "R10", start: new DateTime(2012, 4, 1), end: new DateTime(2011, 4, 1))),
            Row(WorkbookBuilder.Row("Shared beekeeping", Good, service: "Municipal beekeeping", reference: "R11")),
            Row(WorkbookBuilder.Row("Done and dusted", Good, reference: "R12", status: "Completed")),
            Row(WorkbookBuilder.Row("Somewhere between", Good, reference: "R13", annualSavings: "£100k-£150k")),
            Row(WorkbookBuilder.Row("Some year", Good, reference: "R14", start: "2011")),
            Row(WorkbookBuilder.Row("Kent leads", Good, reference: "R15", lead: "Kent County Council")),
            Row(WorkbookBuilder.Row("Percentages", Good, reference: "R16", annualSavings: "10% of budget"))).Build();
    }

    [Fact]
    public async Task Report_page_groups_every_problem_by_reason_with_counts_help_and_the_offending_cell_marked_in_its_row()
    {
        await using var mart = await TestMart.CreateAsync(IntakeRegister.Use);
        var outcome = await mart.IngestAsync(new MemoryStream(ReturnWithEveryKindOfProblem()), "every-problem.xlsx");
        var path = Path.Combine(mart.ReportsPath, outcome.SubmissionId, ReportPage.FileName);
        Assert.Contains(ReportPage.FileName, outcome.Reports);

        await using var opened = await _chromium.OpenAsync(path);
        var page = opened.Page;

        AssertQuiet(opened);
        Assert.Equal("partly-loaded", await page.Locator("[data-verdict]").GetAttributeAsync("data-verdict"));
        Assert.Contains($"{outcome.RowsAccepted} of {outcome.RowsRead} arrangements loaded", await page.Locator("#verdict-title").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(outcome.RowsRead.ToString(System.Globalization.CultureInfo.InvariantCulture), await page.Locator("[data-figure='arrangements'] dd").InnerTextAsync());

        // One group per reason code that occurs, with its count, rows, explanation and fix from the catalogue.
        var expected = outcome.Problems.GroupBy(p => p.Code).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(expected.Count >= 15, $"the return should carry most kinds of problem ({expected.Count} codes)");
        var groups = page.Locator("section.group");
        Assert.Equal(expected.Count, await groups.CountAsync());
        var order = new List<ReasonKind>();
        for (var i = 0; i < await groups.CountAsync(); i++)
        {
            var group = groups.Nth(i);
            var code = (await group.GetAttributeAsync("data-code"))!;
            var reason = ReasonCatalogue.BuiltIn.Of(code);
            Assert.True(ReasonCatalogue.BuiltIn.Contains(code), $"{code} is not in the catalogue");
            Assert.Equal(expected[code].ToString(System.Globalization.CultureInfo.InvariantCulture), await group.GetAttributeAsync("data-count"));
            var help = await group.Locator(".help").InnerTextAsync();
            Assert.Contains(reason.Explanation, help, StringComparison.Ordinal);
            Assert.Contains(reason.Fix, help, StringComparison.Ordinal);
            Assert.Contains(reason.Severity, await group.Locator(".badge").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal(Math.Min(expected[code], 25), await group.Locator("li.occurrence").CountAsync());
            order.Add(reason.Kind);
        }

        Assert.Equal(order.OrderBy(k => k), order); // must fix (file, row, held) before advice
        Assert.Contains(ReasonKind.Warning, order);
        Assert.Contains(ReasonKind.Held, order);

        // Counts and share of rows in the summary table.
        var negativeRow = page.Locator("table.reasons tr[data-code='savings.negative'] td");
        Assert.Equal(["Must fix: row not loaded", "1", "1", $"{100.0 / outcome.RowsRead:0}%"], await negativeRow.AllInnerTextsAsync());

        // The offending cell is the right one: its column's header, its text as written, and where Excel shows it.
        await AssertOffendingCellAsync(page, "savings.negative", 8, "Annual savings (£)", "-5000", "K8");
        await AssertOffendingCellAsync(page, "date.invalid", 9, "Start date", "31/02/2011", "H9");
        await AssertOffendingCellAsync(page, "partner.unknown", 6, "Partners", "Essex County Council; Borsetshire County Council", "C6");
        await AssertOffendingCellAsync(page, "status.ambiguous", 12, "Status", "Completed", "J12");

        // The whole row is shown as written, other cells included.
        var legal = page.Locator("section.group[data-code='column.unknown'] li.occurrence").First;
        Assert.Contains("Budget holder", await legal.InnerTextAsync(), StringComparison.Ordinal);

        await AssertAccessibleAsync(path);
        var screenshot = Path.Combine(RepositoryPaths.Root, "tests", "TestResults", "report-page", "report-page.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        Assert.True(new FileInfo(screenshot).Length > 50_000, "The screenshot is suspiciously small: did the page draw?");
        File.Copy(path, Path.ChangeExtension(screenshot, ".html"), overwrite: true); // samples/report-page.png is taken from it
    }

    [Theory]
    [InlineData("not-a-spreadsheet", "file.not-a-spreadsheet")]
    [InlineData("zip-bomb", "file.inflates-too-far")]
    public async Task A_refused_file_gets_a_page_that_says_why_and_what_to_do(string kind, string code)
    {
        await using var mart = await TestMart.CreateAsync(IntakeRegister.Use);
        var bytes = kind == "zip-bomb" ? XlsxParts.Bomb(200L << 20) : Encoding.UTF8.GetBytes("%PDF-1.4 a council's minutes");
        var outcome = await mart.IngestAsync(new MemoryStream(bytes), "return.xlsx");
        var path = Path.Combine(mart.ReportsPath, outcome.SubmissionId, ReportPage.FileName);

        await using var opened = await _chromium.OpenAsync(path);

        AssertQuiet(opened);
        var reason = ReasonCatalogue.BuiltIn.Of(code);
        Assert.Equal("refused", await opened.Page.Locator("[data-verdict]").GetAttributeAsync("data-verdict"));
        var verdict = await opened.Page.Locator("section.verdict").InnerTextAsync();
        Assert.Contains("Refused: nothing in this file was loaded", verdict, StringComparison.Ordinal);
        Assert.Contains(outcome.Problems.Single().Message, verdict, StringComparison.Ordinal);
        Assert.Contains(reason.Fix, verdict, StringComparison.Ordinal);
        var group = opened.Page.Locator($"section.group[data-code='{code}']");
        Assert.Contains(reason.Explanation, await group.Locator(".help").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await opened.Page.Locator("#contents-title").CountAsync());
        await AssertAccessibleAsync(path);
    }

    [Fact]
    public async Task Outcome_json_carries_the_catalogue_entry_of_every_code_that_occurs()
    {
        await using var mart = await TestMart.CreateAsync(IntakeRegister.Use);
        var outcome = await mart.IngestAsync(new MemoryStream(ReturnWithEveryKindOfProblem()), "every-problem.xlsx");

        using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(mart.ReportsPath, outcome.SubmissionId, OutcomeReport.FileName)));
        var reasons = json.RootElement.GetProperty("reasons").EnumerateArray().ToList();
        Assert.Equal(outcome.Problems.Select(p => p.Code).Distinct().Order(StringComparer.Ordinal), reasons.Select(r => r.GetProperty("code").GetString()).Order(StringComparer.Ordinal));
        foreach (var reason in reasons)
        {
            var entry = ReasonCatalogue.BuiltIn.Of(reason.GetProperty("code").GetString()!);
            Assert.Equal(entry.Title, reason.GetProperty("title").GetString());
            Assert.Equal(entry.Fix, reason.GetProperty("fix").GetString());
            Assert.Equal(entry.Severity, reason.GetProperty("severity").GetString());
            Assert.Equal(outcome.Problems.Count(p => p.Code == entry.Code), reason.GetProperty("occurrences").GetInt32());
        }

        // Each problem is reported with the severity its catalogue entry gives.
        Assert.All(outcome.Problems, p => Assert.Equal(ReasonCatalogue.BuiltIn.Of(p.Code).ProblemSeverity, p.Severity));
    }

    private static void AssertQuiet(OpenedPage opened)
    {
        Assert.Empty(opened.ConsoleErrors);
        Assert.Empty(opened.Dialogs);
        Assert.All(opened.Requests, url => Assert.True(url.StartsWith("file:", StringComparison.Ordinal), $"The page requested {url}; it must make no request."));
        Assert.Single(opened.Requests); // the page itself, nothing else
    }

    private static async Task AssertOffendingCellAsync(IPage page, string code, int row, string header, string text, string cell)
    {
        var occurrence = page.Locator($"section.group[data-code='{code}'] li.occurrence[data-row='{row}']").First;
        Assert.Contains($"cell {cell}", await occurrence.Locator(".where").InnerTextAsync(), StringComparison.Ordinal);
        var marked = occurrence.Locator("td.offending");
        Assert.Equal(1, await marked.CountAsync());
        Assert.Equal(text, await marked.Locator("mark").InnerTextAsync());
        // The marked cell sits under its column's header: same position in the header row as in the data row.
        var position = await marked.EvaluateAsync<int>("td => Array.from(td.parentElement.children).indexOf(td)");
        var heading = await occurrence.Locator("thead th").Nth(position).InnerTextAsync();
        Assert.EndsWith(header, heading.ReplaceLineEndings(" ").Trim(), StringComparison.Ordinal);
        Assert.StartsWith(cell.TrimEnd("0123456789".ToCharArray()), heading.Trim(), StringComparison.Ordinal);
    }

    private async Task AssertAccessibleAsync(string path)
    {
        // axe injects a script: the page's own policy refuses it, so this second look bypasses the policy.
        await using var opened = await _chromium.OpenAsync(path, bypassCsp: true);
        var result = await opened.Page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
        });
        Assert.True(result.Violations.Length == 0,
            "axe-core found: " + string.Join("; ", result.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))}")));
    }
}
