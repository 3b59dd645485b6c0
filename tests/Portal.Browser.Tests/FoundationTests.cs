using Microsoft.Playwright;

namespace BackOffice.Portal.Browser.Tests;

public sealed class FoundationTests(PortalServer server) : PortalTest(server)
{
    [Theory]
    [InlineData("Nora (Northwind admin)", new[] { "Dashboard", "Submit work", "Work items", "Webhooks" }, new[] { "Workspace", "Queue board", "Client companies" })]
    [InlineData("Ned (Northwind user)", new[] { "Dashboard", "Submit work" }, new[] { "Webhooks", "Workspace", "Queue board" })]
    [InlineData("Alex Agent", new[] { "Workspace", "Client companies" }, new[] { "Queue board", "Onboard a client", "Dashboard" })]
    [InlineData("Sam Supervisor", new[] { "Workspace", "Queue board", "Agents" }, new[] { "Onboard a client", "Dashboard" })]
    [InlineData("Pat Admin", new[] { "Queue board", "Client companies", "Onboard a client" }, new[] { "Workspace", "Dashboard" })]
    public async Task Navigation_ShowsEachRoleOnlyWhatItCanUse(string user, string[] shown, string[] hidden)
    {
        var page = await SignInAsync(user);
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });

        foreach (var link in shown) await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = link, Exact = true })).ToBeVisibleAsync();
        foreach (var link in hidden) await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = link, Exact = true })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task UnknownAddress_ShowsThePortalsOwnNotFoundPage_InItsLayout()
    {
        var page = await SignInAsync("Ned (Northwind user)");

        await GoToAsync(page, "/no/such/page");

        await Assertions.Expect(page.GetByTestId("not-found")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task PageOfAnotherRole_ShowsAccessDenied_NotTheBrowsers404()
    {
        var page = await SignInAsync("Ned (Northwind user)");

        await GoToAsync(page, "/access-denied");

        await Assertions.Expect(page.GetByTestId("access-denied")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task SkipLink_IsTheFirstStop_AndMovesFocusToTheMainContent()
    {
        var page = await SignInAsync("Ned (Northwind user)", "/not-found");
        // From the top of the document, as a keyboard user arriving at the page.
        await page.EvaluateAsync("() => { document.body.tabIndex = -1; document.body.focus(); document.body.removeAttribute('tabindex'); }");

        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator(":focus")).ToHaveTextAsync("Skip to main content");
        await page.Keyboard.PressAsync("Enter");

        Assert.Equal("main-content", await page.EvaluateAsync<string>("() => document.activeElement.id"));
    }

    [Fact]
    public async Task AtPhoneWidth_TheNavigationFoldsAway_AndOpensFromTheMenuButton()
    {
        var page = await SignInAsync("Ned (Northwind user)", "/not-found", width: PhoneWidth);
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });

        await Assertions.Expect(nav).Not.ToBeInViewportAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Show or hide the navigation" }).ClickAsync();

        await Assertions.Expect(nav).ToBeInViewportAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 390"), "the page scrolls sideways at 390 px");
    }

    [Fact]
    public async Task Pages_RunUnderTheContentSecurityPolicy_WithoutAViolation_AndSignOutIsAForm()
    {
        var violations = new List<string>();
        var page = await SignInAsync("Nora (Northwind admin)", "/not-found");
        page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) violations.Add(message.Text); };
        await page.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', e => console.error('Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI))");

        foreach (var path in new[] { "/not-found", "/access-denied", "/tenants/northwind/work-items" }) await GoToAsync(page, path);
        await page.GetByTestId("sign-out").ClickAsync();

        await Assertions.Expect(page.Locator("header").GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
        Assert.Empty(violations);
    }
}
