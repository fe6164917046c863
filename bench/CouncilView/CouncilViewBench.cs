using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;
using SharedServicesPipeline.Bench.Generation;
using SharedServicesPipeline.Bench.Scenarios;
using SharedServicesPipeline.Publishing.Dashboard;
using SharedServicesPipeline.Pipeline.Reference;

namespace SharedServicesPipeline.Bench.CouncilView;

/// <summary>
/// The dashboard at scale: a mart of 1,000 arrangements over every council of the register, refreshed; prints the size
/// of dashboard.html (target under 5 MB) and how long Debian's Chromium takes to open a council's view from the deep
/// link, from navigation until the view is drawn (target under 2 s; median of the runs, each in a fresh context), then
/// until the map outlines the council and until the whole page is drawn; and the page's own performance marks.
/// </summary>
internal static class CouncilViewBench
{
    public const string Command = "council-view";

    // council-view [--arrangements N] [--runs R] [--council CODE] [--work DIR]
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var rows = int.Parse(Value("--arrangements") ?? "1000", CultureInfo.InvariantCulture);
        var runs = int.Parse(Value("--runs") ?? "5", CultureInfo.InvariantCulture);
        var council = Value("--council") ?? "E10000012";
        var work = Value("--work") ?? Path.Combine(Path.GetTempPath(), "ssp-bench-council-view-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(work);

        var file = Path.Combine(work, $"council-view-{rows}.xlsx");
        new SubmissionGenerator(AuthorityRegister.BuiltIn.Authorities, seed: 4_000 + rows, messyShare: 0).WriteXlsx(file, rows);
        await using var mart = await BenchMart.OpenAsync(Path.Combine(work, "mart"), null);
        var loaded = (await mart.IngestAsync(file, DateTimeOffset.UtcNow)).RowsAccepted;
        var refresh = Stopwatch.StartNew();
        await mart.RefreshAsync();
        refresh.Stop();
        var page = Path.Combine(mart.ExtractsPath, DashboardArtifact.FileName);
        var bytes = new FileInfo(page).Length;

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run", "--disable-component-update", "--disable-sync"],
        });
        var times = new List<double>();
        var mapTimes = new List<double>();
        var readyTimes = new List<double>();
        var marks = new List<double[]>();
        for (var run = 0; run < runs; run++)
        {
            await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1800 } });
            var tab = await context.NewPageAsync();
            var calledAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            var opened = Stopwatch.StartNew();
            // Commit, not Load: the load event comes after the page's deferred drawing, and the view is drawn before it.
            await tab.GotoAsync(new Uri(page).AbsoluteUri + "#council=" + council, new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
            await tab.WaitForSelectorAsync($"body[data-council='{council}']", new PageWaitForSelectorOptions { Timeout = 60_000 });
            times.Add(opened.Elapsed.TotalMilliseconds);
            // Then the map with the council outlined, and the rest of the page (charts, the arrangements table).
            await tab.WaitForSelectorAsync($"#map[data-council='{council}']", new PageWaitForSelectorOptions { Timeout = 60_000 });
            mapTimes.Add(opened.Elapsed.TotalMilliseconds);
            await tab.WaitForSelectorAsync("body[data-ready='true']", new PageWaitForSelectorOptions { Timeout = 60_000 });
            readyTimes.Add(opened.Elapsed.TotalMilliseconds);
            // The page's own performance marks, from the start of navigation (no Playwright round trips in them).
            marks.Add(await tab.EvaluateAsync<double[]>(
                "() => ['council-view-drawn', 'map-drawn', 'page-ready'].map(n => performance.getEntriesByName(n)[0]?.startTime ?? -1).concat([performance.timeOrigin])"));
            // How long the browser took to start navigating at all (a new context's renderer on a loaded machine).
            marks[^1][3] -= calledAt;
        }

        times.Sort();
        mapTimes.Sort();
        readyTimes.Sort();
        static string Runs(List<double> list) => string.Join(", ", list.Select(t => t.ToString("N0", CultureInfo.InvariantCulture)));
        output.WriteLine($"council view bench: {loaded:N0} arrangements loaded, {AuthorityRegister.BuiltIn.Authorities.Count(a => a.IsCouncil):N0} councils in the register, refresh {refresh.Elapsed.TotalSeconds:0.0} s");
        output.WriteLine($"  dashboard.html: {bytes:N0} bytes ({bytes / 1048576.0:0.00} MB; target < 5 MB: {(bytes < 5 * 1048576 ? "met" : "MISSED")})");
        output.WriteLine($"  open #council={council} until its view is drawn: median {times[times.Count / 2]:N0} ms of {runs} ({Runs(times)}) (target < 2,000 ms: {(times[times.Count / 2] < 2_000 ? "met" : "MISSED")})");
        output.WriteLine($"  until the map outlines it: median {mapTimes[mapTimes.Count / 2]:N0} ms ({Runs(mapTimes)}); until the whole page is drawn (data-ready): median {readyTimes[readyTimes.Count / 2]:N0} ms ({Runs(readyTimes)})");
        output.WriteLine($"  the page's marks from navigation start, median: council view {Median(marks, 0):N0} ms, map {Median(marks, 1):N0} ms, page ready {Median(marks, 2):N0} ms; navigation started {Median(marks, 3):N0} ms after the bench asked for it (view by the page's clock < 2,000 ms: {(Median(marks, 0) < 2_000 ? "met" : "MISSED")})");
        output.WriteLine($"  load average at the end: {LoadAverage()}");
        return 0;
    }

    private static double Median(List<double[]> marks, int index)
    {
        var values = marks.Select(m => m[index]).Order().ToList();
        return values[values.Count / 2];
    }

    // The machine is shared: a figure means little without the load it was measured under.
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
