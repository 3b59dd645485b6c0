using Microsoft.Playwright;

namespace BackOffice.Portal.Browser.Tests;

/// <summary>
/// The base of every browser journey: a Chromium of its own over a fresh platform per test class, sign-in as a
/// demo user in a context of its own (so two users can be open at once), the wait for the live circuit, and axe.
/// </summary>
public abstract class PortalTest(PortalServer server) : IClassFixture<PortalServer>, IAsyncLifetime
{
    private IPlaywright? _playwright;
    protected IBrowser Browser { get; private set; } = default!;
    protected PortalServer Server => server;

    public const int PhoneWidth = 390;

    // On two loaded cores with the Cosmos DB store's single node server, a page's data can take longer than Playwright's
    // default 5 s to arrive (CI's Cosmos pass timed out twice on pages still loading); a missing element still fails.
    static PortalTest() => Assertions.SetDefaultExpectTimeout(15_000);

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright?.Dispose();
    }

    /// <summary>Signs in as the demo user named <paramref name="user"/> (as on /dev/sign-in) and opens <paramref name="path"/>, ready to use.</summary>
    protected async Task<IPage> SignInAsync(string user, string path = "/", int width = 1280, string timezoneId = "Europe/Paris")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            TimezoneId = timezoneId,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{server.BaseUrl}/dev/sign-in?returnUrl={Uri.EscapeDataString(path)}");
        await page.GetByRole(AriaRole.Link, new() { Name = user, Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/dev/sign-in", StringComparison.Ordinal));
        await WaitForCircuitAsync(page);
        return page;
    }

    /// <summary>Opens a page of the Portal and waits until it is interactive: a click before that would be lost.</summary>
    protected async Task GoToAsync(IPage page, string path)
    {
        await page.GotoAsync($"{server.BaseUrl}{path}");
        await WaitForCircuitAsync(page);
    }

    /// <summary>The layout marks its main element once the page runs on its live circuit.</summary>
    protected static Task WaitForCircuitAsync(IPage page) =>
        page.Locator("main[data-interactive=true]").WaitForAsync(new() { Timeout = 30_000 });

    /// <summary>Asserts axe-core finds no violation on the page as it is now.</summary>
    protected static Task AssertAccessibleAsync(IPage page) => Axe.AssertNoViolationsAsync(page);
}
