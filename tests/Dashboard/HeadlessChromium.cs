using Microsoft.Playwright;

namespace SharedServicesPipeline.Tests.Dashboard;

/// <summary>
/// Debian's Chromium (/usr/bin/chromium) driven by Playwright, with a fresh profile and no background traffic.
/// Playwright never downloads a browser here. A missing Chromium fails the tests with what to do; it never skips them.
/// </summary>
public sealed class HeadlessChromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] Arguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
        "--disable-component-update", "--disable-sync", "--disable-default-apps", "--disable-extensions",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium has not started.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"Chromium is not installed at {ExecutablePath}. Run ./test.sh (it installs Debian's chromium) or 'apt-get install chromium'.");
        }

        _playwright = await Playwright.CreateAsync();
        // Playwright launches with a new temporary profile each time.
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Arguments,
        });
    }

    /// <summary>
    /// Opens a file in a new context that records console errors, script errors, dialogs and every request.
    /// <paramref name="bypassCsp"/> lets axe-core inject its script (the page's own policy would refuse it).
    /// <paramref name="fragment"/> is added to the file's URL after '#' (a deep link).
    /// </summary>
    public async Task<OpenedPage> OpenAsync(string path, int width = 1400, int height = 1800, bool bypassCsp = false, string? fragment = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-GB",
            TimezoneId = "Europe/London",
            BypassCSP = bypassCsp,
        });
        var page = await context.NewPageAsync();
        var opened = new OpenedPage(context, page);
        await page.GotoAsync(new Uri(path).AbsoluteUri + (fragment is null ? "" : "#" + fragment), new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        await page.WaitForSelectorAsync("body[data-ready='true']", new PageWaitForSelectorOptions { Timeout = 30_000 });
        return opened;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}

/// <summary>A page and what it did: console errors, uncaught errors, dialogs, and the URL of every request it made.</summary>
public sealed class OpenedPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;

    public OpenedPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                ConsoleErrors.Add($"{message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => ConsoleErrors.Add("uncaught: " + error);
        page.Dialog += async (_, dialog) =>
        {
            Dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
        page.Request += (_, request) => Requests.Add(request.Url);
    }

    public IPage Page { get; }

    public List<string> ConsoleErrors { get; } = [];

    public List<string> Dialogs { get; } = [];

    public List<string> Requests { get; } = [];

    public ValueTask DisposeAsync() => new(_context.CloseAsync());
}
