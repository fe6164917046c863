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
/// link, from navigation until the view is drawn (target under 2 s; median of the runs, each in a fresh context).
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
        for (var run = 0; run < runs; run++)
        {
            await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1800 } });
            var tab = await context.NewPageAsync();
            var opened = Stopwatch.StartNew();
            await tab.GotoAsync(new Uri(page).AbsoluteUri + "#council=" + council, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            await tab.WaitForSelectorAsync($"body[data-council='{council}']", new PageWaitForSelectorOptions { Timeout = 60_000 });
            times.Add(opened.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        output.WriteLine($"council view bench: {loaded:N0} arrangements loaded, {AuthorityRegister.BuiltIn.Authorities.Count(a => a.IsCouncil):N0} councils in the register, refresh {refresh.Elapsed.TotalSeconds:0.0} s");
        output.WriteLine($"  dashboard.html: {bytes:N0} bytes ({bytes / 1048576.0:0.00} MB; target < 5 MB: {(bytes < 5 * 1048576 ? "met" : "MISSED")})");
        output.WriteLine($"  open #council={council} until drawn: median {times[times.Count / 2]:N0} ms of {runs} ({string.Join(", ", times.Select(t => t.ToString("N0", CultureInfo.InvariantCulture)))}) (target < 2,000 ms: {(times[times.Count / 2] < 2_000 ? "met" : "MISSED")})");
        return 0;
    }
}
