using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SharedServicesPipeline.Publishing.Dashboard;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Dashboard;

/// <summary>The published dashboard.html in real headless Chromium, checked against the mart it was published from.</summary>
public sealed class DashboardPageTests : IClassFixture<PublishedDashboard>
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");
    private readonly PublishedDashboard _published;

    public DashboardPageTests(PublishedDashboard published) => _published = published;

    [Fact]
    public async Task Dashboard_opens_from_disk_with_no_console_errors_and_no_network_requests()
    {
        await using var opened = await _published.Chromium.OpenAsync(_published.Path);

        Assert.Empty(opened.ConsoleErrors);
        Assert.Empty(opened.Dialogs);
        Assert.NotEmpty(opened.Requests);
        Assert.All(opened.Requests, url => Assert.True(
            url.StartsWith("file:", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal),
            $"The page requested {url}; it must make no network request."));
        // The charts drew something: every chart container holds a canvas.
        Assert.Equal(6, await opened.Page.Locator(".chart:has(canvas)").CountAsync());
        Assert.Equal(1, await opened.Page.Locator("#map:has(svg path)").CountAsync()); // the map is drawn as SVG

        var screenshot = Path.Combine(RepositoryPaths.Root, "tests", "TestResults", "dashboard", "dashboard.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await opened.Page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        await opened.Page.Locator(".map-panel").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.ChangeExtension(screenshot, ".map.png") });
        Assert.True(new FileInfo(screenshot).Length > 50_000, "The screenshot is suspiciously small: did the page draw?");
    }

    [Fact]
    public async Task Headline_figures_equal_the_marts_counted_by_an_independent_query()
    {
        var runDate = DateOnly.FromDateTime(_published.Refresh.StartedAt.UtcDateTime);
        var expected = await _published.Mart.QueryAsync(async db =>
        {
            var facts = await db.Arrangements.AsNoTracking()
                .Join(db.ServiceAreas, f => f.ServiceAreaKey, s => s.ServiceAreaKey, (f, s) => new { f.AnnualSavingsGbp, f.SavingsToDateGbp, f.IsCrossTier, s.Category })
                .ToListAsync();
            var partnerCouncils = await db.ArrangementPartners
                .Join(db.Authorities, p => p.AuthorityKey, a => a.AuthorityKey, (p, a) => a)
                .Where(a => a.Sector == "council").Select(a => a.AuthorityCode).Distinct().ToListAsync();
            string[] types = ["county", "district", "unitary", "metropolitan_district", "london_borough", "city_corporation"];
            var currentEnglish = await db.Authorities
                .Where(a => a.Sector == "council" && a.Nation == "England" && a.IsCurrent && types.Contains(a.AuthorityType)
                    && (a.ExistedTo == null || a.ExistedTo >= runDate))
                .Select(a => a.AuthorityCode).Distinct().ToListAsync();
            return new
            {
                Arrangements = facts.Count,
                CouncilsSharing = partnerCouncils.Count,
                CurrentSharing = partnerCouncils.Intersect(currentEnglish).Count(),
                CurrentEnglish = currentEnglish.Count,
                Annual = facts.Sum(f => f.AnnualSavingsGbp ?? 0),
                ToDate = facts.Sum(f => f.SavingsToDateGbp ?? 0),
                FrontOffice = facts.Count(f => f.Category == "Front office"),
                CrossTier = facts.Count(f => f.IsCrossTier),
            };
        });
        Assert.True(expected.Arrangements > 10 && expected.CurrentEnglish > 250 && expected.FrontOffice > 0 && expected.CrossTier > 0,
            "The test data should exercise every figure.");

        await using var opened = await _published.Chromium.OpenAsync(_published.Path);
        var figures = await ReadFiguresAsync(opened.Page);

        Assert.Equal((expected.Arrangements.ToString(EnGb), expected.Arrangements.ToString(CultureInfo.InvariantCulture)), figures["arrangements"].Shown());
        Assert.Equal(expected.CouncilsSharing.ToString(CultureInfo.InvariantCulture), figures["councils-sharing"].Value);
        Assert.Equal((expected.CurrentSharing, expected.CurrentEnglish), figures["council-share"].Parts());
        Assert.Equal(Percent(expected.CurrentSharing, expected.CurrentEnglish), figures["council-share"].Text);
        Assert.Equal(Money(expected.Annual), figures["total-annual-savings"].Text);
        Assert.Equal(expected.Annual, decimal.Parse(figures["total-annual-savings"].Value, CultureInfo.InvariantCulture));
        Assert.Equal(Money(expected.ToDate), figures["savings-to-date"].Text);
        Assert.Equal((expected.FrontOffice, expected.Arrangements), figures["front-office-share"].Parts());
        Assert.Equal(Percent(expected.FrontOffice, expected.Arrangements), figures["front-office-share"].Text);
        Assert.Equal((expected.CrossTier, expected.Arrangements), figures["cross-tier-share"].Parts());
        Assert.Equal(Percent(expected.CrossTier, expected.Arrangements), figures["cross-tier-share"].Text);
    }

    [Fact]
    public async Task Every_partner_with_coordinates_is_on_the_map_as_its_area_or_as_a_dot()
    {
        var expected = await _published.Mart.QueryAsync(db => db.ArrangementPartners
            .Join(db.Authorities, p => p.AuthorityKey, a => a.AuthorityKey, (p, a) => a)
            .Where(a => a.Latitude != null && a.Longitude != null)
            .Select(a => a.AuthorityCode).Distinct().ToListAsync());
        var unplaced = await _published.Mart.QueryAsync(db => db.ArrangementPartners
            .Join(db.Authorities, p => p.AuthorityKey, a => a.AuthorityKey, (p, a) => a)
            .Where(a => a.Latitude == null).Select(a => a.AuthorityCode).Distinct().ToListAsync());
        Assert.Contains("police:essex", unplaced); // a police force has no point in the register, so no mark

        await using var opened = await _published.Chromium.OpenAsync(_published.Path);
        var shown = await opened.Page.EvaluateAsync<string[]>("""
            () => {
              const option = echarts.getInstanceByDom(document.getElementById('map')).getOption();
              const areas = echarts.getMap(option.geo[0].map).geoJSON.features.map(f => f.properties.areacd);
              return [...areas, ...option.series.find(s => s.id === 'points').data.map(d => d.code)];
            }
            """);

        Assert.All(expected, code => Assert.Contains(code, shown));
        Assert.EndsWith($"; {unplaced.Count} partners without coordinates are not shown.", await opened.Page.Locator("#map-note").TextContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Typing_in_the_search_box_filters_the_table()
    {
        await using var opened = await _published.Chromium.OpenAsync(_published.Path);
        var rows = opened.Page.Locator("#arrangements tbody tr");
        Assert.Equal(16, await rows.CountAsync());

        await opened.Page.Locator("#search").PressSequentiallyAsync("breckland");
        Assert.Equal(
            ["Anglia revenues partnership", "South Holland and Breckland shared chief executive"],
            (await rows.Locator("td:first-child").AllTextContentsAsync()).Select(t => t.Replace("SS-08", "", StringComparison.Ordinal).Replace("SS-01", "", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Equal("2 of 16 arrangements", await opened.Page.Locator("#row-count").TextContentAsync());

        await opened.Page.Locator("#search").FillAsync("waste kent");
        Assert.Equal(1, await rows.CountAsync());
        Assert.StartsWith("Kent waste partnership", await rows.First.Locator("td").First.TextContentAsync(), StringComparison.Ordinal);

        await opened.Page.Locator("#search").FillAsync("no such arrangement");
        Assert.Equal("No arrangement matches.", await rows.First.TextContentAsync());

        await opened.Page.Locator("#search").FillAsync("");
        Assert.Equal(16, await rows.CountAsync());
    }

    [Fact]
    public async Task Clicking_a_council_on_the_map_opens_its_view_and_filters_the_table_to_its_arrangements_and_hover_names_it()
    {
        await using var opened = await _published.Chromium.OpenAsync(_published.Path);
        // Inside the area of The Highland Council (S12000017), in Sutherland, away from the line to Moray.
        var pixel = await opened.Page.EvaluateAsync<double[]>(
            "() => echarts.getInstanceByDom(document.getElementById('map')).convertToPixel({ geoIndex: 0 }, [-4.6, 58.2])");
        var box = (await opened.Page.Locator("#map").BoundingBoxAsync())!;

        await opened.Page.Mouse.MoveAsync((float)(box.X + pixel[0]), (float)(box.Y + pixel[1]));
        await Assertions.Expect(opened.Page.Locator("#map")).ToContainTextAsync("The Highland Council");
        await opened.Page.Mouse.ClickAsync((float)(box.X + pixel[0]), (float)(box.Y + pixel[1]));

        var titles = await opened.Page.Locator("#arrangements tbody tr td:first-child").AllTextContentsAsync();
        Assert.Equal(["Highland and Moray customer contactSS-15"], titles);
        Assert.Equal("Map: The Highland Council", await opened.Page.Locator("#filter-text").TextContentAsync());
        Assert.Equal("S12000017", await opened.Page.Locator("#council-view").GetAttributeAsync("data-code"));

        await opened.Page.Locator("#filter-clear").ClickAsync();
        Assert.Equal(16, await opened.Page.Locator("#arrangements tbody tr").CountAsync());
    }

    [Fact]
    public async Task Hovering_a_link_shows_its_arrangement_and_clicking_it_filters_the_table_to_it()
    {
        await using var opened = await _published.Chromium.OpenAsync(_published.Path);
        // The midpoint of the line between The Highland Council and The Moray Council, as ECharts drew it.
        var pixel = await opened.Page.EvaluateAsync<double[]>("""
            () => {
              const chart = echarts.getInstanceByDom(document.getElementById('map'));
              const councils = JSON.parse(document.getElementById('dashboard-data').textContent).councils.councils;
              const [a, b] = ['S12000017', 'S12000020'].map(code => councils.find(c => c.code === code)).map(c => chart.convertToPixel({ geoIndex: 0 }, [c.longitude, c.latitude]));
              return [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
            }
            """);
        var box = (await opened.Page.Locator("#map").BoundingBoxAsync())!;

        await opened.Page.Mouse.MoveAsync((float)(box.X + pixel[0]), (float)(box.Y + pixel[1]));
        await Assertions.Expect(opened.Page.Locator("#map")).ToContainTextAsync("Highland and Moray customer contact");
        await Assertions.Expect(opened.Page.Locator("#map")).ToContainTextAsync("Customer contact centre · Front office · Scottish–Scottish");
        await opened.Page.Mouse.ClickAsync((float)(box.X + pixel[0]), (float)(box.Y + pixel[1]));

        Assert.Equal("Map: Highland and Moray customer contact", await opened.Page.Locator("#filter-text").TextContentAsync());
        Assert.Equal(1, await opened.Page.Locator("#arrangements tbody tr").CountAsync());
    }

    [Fact]
    public async Task Clicking_a_column_heading_sorts_the_table_and_clicking_again_reverses_it()
    {
        await using var opened = await _published.Chromium.OpenAsync(_published.Path);
        var heading = opened.Page.Locator("#arrangements th[data-key='title']");

        await heading.ClickAsync();
        var ascending = await opened.Page.Locator("#arrangements tbody tr td:first-child").AllTextContentsAsync();
        await heading.ClickAsync();
        var descending = await opened.Page.Locator("#arrangements tbody tr td:first-child").AllTextContentsAsync();

        Assert.Equal(ascending.Order(StringComparer.Create(EnGb, CompareOptions.None)), ascending);
        Assert.Equal(ascending.Reverse(), descending);
        Assert.Equal("descending", await heading.GetAttributeAsync("aria-sort"));
    }

    [Fact]
    public async Task A_title_that_tries_to_close_the_script_element_shows_as_text_and_runs_nothing()
    {
        var html = await File.ReadAllTextAsync(_published.Path);
        Assert.Equal(4, html.Split("</script>").Length - 1); // data, boundaries, ECharts, the page's script: nothing from the data closed one

        await using var opened = await _published.Chromium.OpenAsync(_published.Path);
        await opened.Page.Locator("#search").FillAsync("books");

        Assert.Equal("Shared library service (Joint </script><script>alert(1)</script> \"Books\" & Co)SS-11",
            await opened.Page.Locator("#arrangements tbody tr td:first-child").TextContentAsync());
        Assert.Empty(opened.Dialogs);
        Assert.Empty(opened.ConsoleErrors);
    }

    private static string Money(decimal value) => "£" + value.ToString("#,0", CultureInfo.InvariantCulture);

    private static string Percent(int part, int total) => (100.0 * part / total).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static async Task<Dictionary<string, Figure>> ReadFiguresAsync(IPage page)
    {
        var json = await page.EvaluateAsync<JsonElement>("""
            () => [...document.querySelectorAll('[data-figure]')].map(f => ({
              name: f.dataset.figure, text: f.querySelector('.value').textContent,
              value: f.dataset.value ?? '', part: f.dataset.part ?? '', total: f.dataset.total ?? '' }))
            """);
        return json.EnumerateArray().ToDictionary(
            f => f.GetProperty("name").GetString()!,
            f => new Figure(f.GetProperty("text").GetString()!, f.GetProperty("value").GetString()!, f.GetProperty("part").GetString()!, f.GetProperty("total").GetString()!));
    }

    private sealed record Figure(string Text, string Value, string Part, string Total)
    {
        public (string Text, string Value) Shown() => (Text, Value);

        public (int Part, int Total) Parts() => (int.Parse(Part, CultureInfo.InvariantCulture), int.Parse(Total, CultureInfo.InvariantCulture));
    }
}
