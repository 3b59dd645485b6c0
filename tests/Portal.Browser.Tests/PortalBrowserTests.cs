using Microsoft.Playwright;

namespace BackOffice.Portal.Browser.Tests;

public sealed class PortalBrowserTests(PortalServer server) : IClassFixture<PortalServer>, IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
    }

    [Fact]
    public async Task DemoClient_SignsIn_AndSeesOnlyItsOwnWorkItems()
    {
        var page = await _browser!.NewPageAsync();
        await page.GotoAsync($"{server.BaseUrl}/dev/sign-in");

        await page.ClickAsync("text=Nora (Northwind admin)");
        await page.ClickAsync("[data-testid=my-work-items]");
        var rows = page.Locator("[data-testid=work-item-row]");
        await rows.First.WaitForAsync();

        Assert.Equal("Nora (Northwind admin)", await page.Locator("[data-testid=signed-in-as]").InnerTextAsync());
        Assert.Equal(25, await rows.CountAsync());
        Assert.All(await rows.Locator("td:nth-child(2)").AllInnerTextsAsync(), title => Assert.False(string.IsNullOrWhiteSpace(title)));
        await page.GotoAsync($"{server.BaseUrl}/tenants/contoso/work-items");
        Assert.Contains("was not found", await page.Locator("[role=alert]").InnerTextAsync());
    }

    [Fact]
    public async Task DemoAgent_TakesTheNextItemAndResolvesIt()
    {
        var page = await _browser!.NewPageAsync();
        await page.GotoAsync($"{server.BaseUrl}/dev/sign-in?returnUrl=/desk");
        await page.ClickAsync("text=Alex Agent");
        // The desk's controls stay disabled until its circuit is interactive; Playwright waits for them to be enabled.

        await page.SelectOptionAsync("[data-testid=queue]", "billing");
        await page.ClickAsync("[data-testid=take-next]");
        var claimed = page.Locator("[data-testid=claimed-item] h2");
        await claimed.WaitForAsync();
        var title = await claimed.InnerTextAsync();
        await page.ClickAsync("[data-testid=renew]");
        await Assertions.Expect(page.Locator("[data-testid=desk-message]")).ToContainTextAsync("Claim renewed until");
        foreach (var step in await page.Locator("[data-testid=checklist] input").AllAsync())
        {
            await step.CheckAsync();
            await Assertions.Expect(step).ToBeDisabledAsync();
        }
        await page.FillAsync("[data-testid=resolution]", "Invoice issued");
        await page.ClickAsync("[data-testid=resolve]");

        await Assertions.Expect(page.Locator("[data-testid=desk-message]")).ToContainTextAsync($"Resolved \"{title}\"");
    }

    [Fact]
    public async Task DemoSupervisor_SeesTheBreachForecastOfEveryQueue_WhichAnAgentMayNot()
    {
        var page = await _browser!.NewPageAsync();
        await page.GotoAsync($"{server.BaseUrl}/dev/sign-in?returnUrl=/supervisor");
        await page.ClickAsync("text=Sam Supervisor");

        foreach (var queue in new[] { "hr", "billing", "orders" })
        {
            var forecast = page.Locator($"[data-testid=forecast-{queue}]");
            await Assertions.Expect(forecast).ToContainTextAsync("agents on shift");
            var text = await forecast.InnerTextAsync();
            // Breached work is never summed up as "nothing expected to breach", and is listed on its own.
            if (int.Parse(System.Text.RegularExpressions.Regex.Match(text, @"(\d+) already breached").Groups[1].Value) > 0)
            {
                Assert.DoesNotContain("Nothing expected to breach", text);
                Assert.Contains("Already breached", text);
            }
        }
        var agent = await _browser.NewPageAsync();
        await agent.GotoAsync($"{server.BaseUrl}/dev/sign-in?returnUrl=/supervisor");
        await agent.ClickAsync("text=Alex Agent");
        await Assertions.Expect(agent.Locator("[role=alert]")).ToContainTextAsync("Supervisor");
    }

    [Fact]
    public async Task EveryPage_RunsUnderTheContentSecurityPolicy_WithoutAViolation_AndSignOutIsAForm()
    {
        var page = await _browser!.NewPageAsync();
        var console = new List<string>();
        page.Console += (_, message) => console.Add(message.Text);
        await page.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', e => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI))");
        await page.GotoAsync($"{server.BaseUrl}/dev/sign-in?returnUrl=/supervisor");
        await page.ClickAsync("text=Sam Supervisor");
        await Assertions.Expect(page.Locator("[data-testid=forecast-hr]")).ToContainTextAsync("agents on shift");
        var circuit = page.WaitForConsoleMessageAsync(new() { Predicate = m => m.Text.Contains("WebSocket connected", StringComparison.Ordinal) });
        await page.GotoAsync($"{server.BaseUrl}/desk");
        await circuit;
        await page.SelectOptionAsync("[data-testid=queue]", "hr");
        await page.GotoAsync($"{server.BaseUrl}/tenants/northwind/work-items");
        await page.Locator("[data-testid=work-item-row] a").First.ClickAsync();
        await page.Locator(".history").WaitForAsync();

        await page.ClickAsync("[data-testid=sign-out]");

        await Assertions.Expect(page.Locator("header a[href='/sign-in']")).ToBeVisibleAsync();
        Assert.DoesNotContain(console, m => m.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || m.StartsWith("CSP violation", StringComparison.Ordinal));
    }

    private static readonly Dictionary<string, string> ClientOf = new()
    {
        ["northwind"] = "Nora (Northwind admin)", ["contoso"] = "Cara (Contoso admin)", ["tailspin"] = "Tom (Tailspin user)",
    };

    [Fact]
    public async Task DemoAgentAsksTheClient_AndTheClientsAnswerInThePortal_PutsTheItemBackInItsQueue()
    {
        var agent = await _browser!.NewPageAsync();
        await agent.GotoAsync($"{server.BaseUrl}/dev/sign-in?returnUrl=/desk");
        await agent.ClickAsync("text=Alex Agent");
        await agent.SelectOptionAsync("[data-testid=queue]", "orders");
        await agent.ClickAsync("[data-testid=take-next]");
        await agent.Locator("[data-testid=claimed-item] h2").WaitForAsync();
        await agent.FillAsync("[data-testid=resolution]", "Which warehouse should ship this?");
        await agent.ClickAsync("[data-testid=ask-client]");
        var link = await agent.Locator("[data-testid=asked-item]").GetAttributeAsync("href");
        var tenant = link!.Split('/')[2];

        var client = await _browser.NewPageAsync();
        await client.GotoAsync($"{server.BaseUrl}/dev/sign-in?returnUrl={Uri.EscapeDataString(link)}");
        await client.ClickAsync($"text={ClientOf[tenant]}");
        await Assertions.Expect(client.Locator("[data-testid=question-text]")).ToHaveTextAsync("Which warehouse should ship this?");
        await client.FillAsync("[data-testid=answer]", "Ship from Leeds");
        await client.ClickAsync("[data-testid=send-answer]");

        await Assertions.Expect(client.Locator(".badge")).ToHaveTextAsync("new");
        await Assertions.Expect(client.Locator(".history li").Last).ToContainTextAsync("client-answered");
        await Assertions.Expect(client.Locator("[data-testid=question]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task DemoClient_ConfirmsResolvedWork_AndItCloses()
    {
        var page = await _browser!.NewPageAsync();
        await page.GotoAsync($"{server.BaseUrl}/dev/sign-in?returnUrl={Uri.EscapeDataString("/tenants/northwind/work-items?status=resolved")}");
        await page.ClickAsync("text=Nora (Northwind admin)");
        await page.Locator("[data-testid=work-item-row] a").First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=confirm]")).ToContainTextAsync("closes on its own");

        await page.ClickAsync("[data-testid=confirm-close]");

        await Assertions.Expect(page.Locator(".badge")).ToHaveTextAsync("closed");
        await Assertions.Expect(page.Locator("[data-testid=confirm]")).ToHaveCountAsync(0);
    }
}
