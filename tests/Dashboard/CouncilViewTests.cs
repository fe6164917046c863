using System.Text.Json.Nodes;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using SharedServicesPipeline.Pipeline.Reference;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Dashboard;

/// <summary>The boundary map and the council view of the published dashboard.html, in real headless Chromium.</summary>
public sealed class CouncilViewTests : IClassFixture<PublishedDashboard>
{
    private readonly PublishedDashboard _published;

    public CouncilViewTests(PublishedDashboard published) => _published = published;

    [Fact]
    public async Task The_map_draws_the_council_polygons_valid_in_the_year_and_layer_looked_at()
    {
        await using var opened = await _published.Chromium.OpenAsync(_published.Path);
        var map = opened.Page.Locator("#map");

        Assert.Equal("2025", await map.GetAttributeAsync("data-year"));
        Assert.Equal(AreasValidIn("ltla", 2025), int.Parse((await map.GetAttributeAsync("data-areas"))!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(await opened.Page.Locator("#map svg path").CountAsync() >= AreasValidIn("ltla", 2025), "fewer paths than areas: the polygons did not render");
        Assert.Equal(AreasValidIn("ltla", 2025), await opened.Page.Locator("#map-table tbody tr").CountAsync());

        await opened.Page.SelectOptionAsync("#map-layer", "utla");
        await opened.Page.SelectOptionAsync("#map-year", "2015");

        Assert.Equal(AreasValidIn("utla", 2015).ToString(System.Globalization.CultureInfo.InvariantCulture), await map.GetAttributeAsync("data-areas"));
        Assert.NotEqual(AreasValidIn("utla", 2015), AreasValidIn("utla", 2025)); // Dorset, Buckinghamshire, Northamptonshire… changed between
        Assert.Contains("Northamptonshire", await opened.Page.Locator("#map-table").TextContentAsync() ?? "", StringComparison.Ordinal);
        Assert.Empty(opened.ConsoleErrors);
    }

    [Theory]
    [InlineData("Essex CC")]
    [InlineData("LB Hackney")]
    [InlineData("Taunton Deane BC")]
    [InlineData("Shepway DC")]
    [InlineData("Folkestone & Hythe D.C.")]
    [InlineData("Cyngor Sir Powys")]
    [InlineData("Royal Borough of Kensington & Chelsea")]
    [InlineData("Cambridge City Council")]
    [InlineData("Breckland")]
    [InlineData("Northants CC")]
    public async Task Typing_a_messy_name_opens_the_council_the_matcher_resolves_it_to(string typed)
    {
        var expected = AuthorityMatcher.CreateBuiltIn().Match(typed);
        Assert.Equal(MatchStatus.Matched, expected.Status);
        await using var opened = await _published.Chromium.OpenAsync(_published.Path);

        await opened.Page.FillAsync("#council-search", typed);
        await opened.Page.PressAsync("#council-search", "Enter");

        Assert.Equal(expected.Authority!.Code, await opened.Page.Locator("#council-view").GetAttributeAsync("data-code"));
        Assert.Equal(expected.Authority.Name, await opened.Page.Locator("#council-name").InnerTextAsync());
        Assert.EndsWith("#council=" + expected.Authority.Code, opened.Page.Url, StringComparison.Ordinal);
        Assert.Empty(opened.ConsoleErrors);
    }

    [Fact]
    public async Task An_ambiguous_name_is_reported_with_its_councils_to_choose_from_not_guessed()
    {
        await using var opened = await _published.Chromium.OpenAsync(_published.Path);

        await opened.Page.FillAsync("#council-search", "Richmond");
        await opened.Page.PressAsync("#council-search", "Enter");

        Assert.True(await opened.Page.Locator("#council-view").IsHiddenAsync());
        var choices = await opened.Page.Locator("#council-status .choices button").AllInnerTextsAsync();
        Assert.Contains(choices, c => c.StartsWith("London Borough of Richmond upon Thames", StringComparison.Ordinal) || c.Contains("E09000027", StringComparison.Ordinal));
        Assert.Contains(choices, c => c.Contains("E07000166", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_deep_link_opens_the_council_view_with_its_arrangements_neighbours_peers_and_opportunities()
    {
        await using var opened = await _published.Chromium.OpenAsync(_published.Path, fragment: "council=E07000143");
        var page = opened.Page;

        Assert.Equal("E07000143", await page.Locator("#council-view").GetAttributeAsync("data-code"));
        Assert.Equal("Breckland District Council", await page.Locator("#council-name").InnerTextAsync());
        var current = await page.Locator("#council-current tbody tr").AllInnerTextsAsync();
        Assert.Equal(2, current.Count);
        Assert.Contains(current, r => r.Contains("Anglia revenues partnership", StringComparison.Ordinal) && r.Contains("£1,200,000", StringComparison.Ordinal));
        Assert.Contains(current, r => r.Contains("South Holland District Council", StringComparison.Ordinal));
        Assert.Contains("current annual savings £1,900,000", await page.Locator("#council-figures").InnerTextAsync(), StringComparison.Ordinal);
        var neighbours = await page.Locator("#council-neighbours tbody").InnerTextAsync();
        Assert.Contains("King's Lynn and West Norfolk", neighbours, StringComparison.Ordinal);
        Assert.Contains("shares a boundary", neighbours, StringComparison.Ordinal);
        Assert.Equal(10, await page.Locator("#council-peers tbody tr").CountAsync());
        Assert.Contains("same type (district)", await page.Locator("#council-peers").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("#council-opportunities").CountAsync());
        Assert.Empty(opened.ConsoleErrors);
        Assert.All(opened.Requests, url => Assert.True(url.StartsWith("file:", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal), $"requested {url}"));
    }

    [Fact]
    public async Task A_council_whose_neighbours_share_waste_sees_it_as_an_opportunity_with_the_example_and_the_map_shows_it()
    {
        await using var opened = await _published.Chromium.OpenAsync(_published.Path, fragment: "council=E07000112");
        var page = opened.Page;

        var opportunities = await page.Locator("#council-opportunities tbody").InnerTextAsync();
        Assert.Contains("Waste collection", opportunities, StringComparison.Ordinal);
        Assert.Contains("Kent waste partnership", opportunities, StringComparison.Ordinal);
        Assert.Contains("£3,500,000", opportunities, StringComparison.Ordinal);
        Assert.Contains("Dover District Council", await page.Locator("#council-neighbours").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Folkestone and Hythe District Council outlined", await page.Locator("#map").GetAttributeAsync("aria-label") ?? "", StringComparison.Ordinal);

        var screenshot = Path.Combine(RepositoryPaths.Root, "tests", "TestResults", "dashboard", "council-view.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await page.Locator(".council-panel").ScreenshotAsync(new LocatorScreenshotOptions { Path = screenshot });
        await page.Locator(".map-panel").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.ChangeExtension(screenshot, ".map.png") });
        Assert.True(new FileInfo(screenshot).Length > 20_000, "The screenshot is suspiciously small: did the view draw?");
    }

    [Fact]
    public async Task Keyboard_alone_finds_a_council_and_opens_a_neighbour_from_its_view()
    {
        await using var opened = await _published.Chromium.OpenAsync(_published.Path);
        var page = opened.Page;

        await page.FocusAsync("#council-search");
        await page.Keyboard.TypeAsync("Cambridge City Council");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("council-name", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Locator("#council-neighbours tbody button").First.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        Assert.Equal("E07000012", await page.Locator("#council-view").GetAttributeAsync("data-code"));
    }

    [Fact]
    public async Task The_page_with_a_council_view_open_has_no_accessibility_violations_and_credits_the_boundaries()
    {
        await using var opened = await _published.Chromium.OpenAsync(_published.Path, fragment: "council=E07000112", bypassCsp: true);
        await opened.Page.Locator("#map-table-details summary").ClickAsync();

        var result = await opened.Page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        });

        Assert.True(result.Violations.Length == 0, string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} ({v.Nodes.Length}) {v.Nodes.FirstOrDefault()?.Html}")));
        Assert.Contains("Source: Office for National Statistics licensed under the Open Government Licence v.3.0. Contains OS data © Crown copyright and database right",
            await opened.Page.Locator("footer").InnerTextAsync(), StringComparison.Ordinal);
    }

    // Counted from the shipped TopoJSON with its own reader: geometries of the layer with start <= year < end.
    private static int AreasValidIn(string layer, int year)
    {
        var topology = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "publishing", "Councils", "Data", "council-boundaries.topo.json")))!;
        return topology["objects"]![layer]!["geometries"]!.AsArray().Count(g =>
            ((int?)g!["properties"]!["start"] ?? 0) <= year && year < ((int?)g["properties"]!["end"] ?? 9999));
    }
}
