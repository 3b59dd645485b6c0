using System.Net;
using System.Text.RegularExpressions;
using BackOffice.TenantApi.Tests.Infrastructure;

namespace BackOffice.TenantApi.Tests.Hardening;

/// <summary>Signing out is a form post with an antiforgery token; a link or another site's form cannot do it.</summary>
public sealed partial class SignOutTests
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    private static async Task<(HostFactory<PortalRole> Portal, HttpClient Browser)> SignedInAsync()
    {
        var portal = new HostFactory<PortalRole>("Development", new Dictionary<string, string?> { ["Demo:Seed"] = "false" });
        var browser = portal.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/dev/sign-in/nora-northwind?returnUrl=%2F")).StatusCode);
        return (portal, browser);
    }

    private static async Task<bool> IsSignedInAsync(HttpClient browser) =>
        (await browser.GetStringAsync("/")).Contains("data-testid=\"signed-in-as\"", StringComparison.Ordinal);

    [Fact]
    public async Task SignOut_ByTheLayoutsFormWithItsToken_SignsOut()
    {
        var (portal, browser) = await SignedInAsync();
        using var _ = portal;
        var token = AntiforgeryField().Match(await browser.GetStringAsync("/")).Groups[1].Value;

        var signOut = await browser.PostAsync("/sign-out", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.False(await IsSignedInAsync(browser));
    }

    [Fact]
    public async Task SignOut_WithoutAnAntiforgeryToken_Is400AndChangesNothing()
    {
        var (portal, browser) = await SignedInAsync();
        using var _ = portal;

        var signOut = await browser.PostAsync("/sign-out", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.BadRequest, signOut.StatusCode);
        Assert.True(await IsSignedInAsync(browser));
    }

    [Fact]
    public async Task SignOut_ByGet_DoesNotSignOut()
    {
        var (portal, browser) = await SignedInAsync();
        using var _ = portal;

        var signOut = await browser.GetAsync("/sign-out");

        Assert.NotEqual(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.True(await IsSignedInAsync(browser));
    }

    [Fact]
    public async Task SignInBehindATlsProxy_SetsASecureCookie_AndOverPlainHttpDoesNot()
    {
        using var portal = new HostFactory<PortalRole>("Development", new Dictionary<string, string?> { ["Demo:Seed"] = "false" });
        var proxied = portal.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        proxied.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        var plain = portal.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });

        var secure = await proxied.GetAsync("/dev/sign-in/nora-northwind");
        var insecure = await plain.GetAsync("/dev/sign-in/nora-northwind");

        Assert.Contains(secure.Headers.GetValues("Set-Cookie"), c => c.StartsWith("backoffice.portal=", StringComparison.Ordinal) && c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(insecure.Headers.GetValues("Set-Cookie"), c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }
}
