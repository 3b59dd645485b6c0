using System.Net;
using BackOffice.TenantApi.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace BackOffice.TenantApi.Tests.Hardening;

/// <summary>After signing in, the browser goes only to a path of this site, whatever the link said.</summary>
public sealed class SignInRedirectTests
{
    /// <summary>Each of these, put in a Location header, sends a browser to another site (or runs script).</summary>
    public static TheoryData<string> OffSite =>
    [
        "/\\evil.example", "/\t/evil.example", "//evil.example", "https://evil.example/", "\\\\evil.example", "/\\/evil.example",
        "~//evil.example", "~/\\evil.example", "/\r\n/evil.example", "javascript:alert(1)", "evil.example", " /desk",
    ];

    [Theory]
    [MemberData(nameof(OffSite))]
    public async Task DevSignIn_ToAnOffSiteReturnUrl_GoesHome(string returnUrl)
    {
        using var portal = new HostFactory<PortalRole>("Development", new Dictionary<string, string?> { ["Demo:Seed"] = "false" });
        var client = portal.CreateClient(new() { AllowAutoRedirect = false });

        var signIn = await client.GetAsync($"/dev/sign-in/nora-northwind?returnUrl={Uri.EscapeDataString(returnUrl)}");
        var chained = await client.GetAsync($"/sign-in?returnUrl={Uri.EscapeDataString(returnUrl)}");

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/", signIn.Headers.Location?.OriginalString);
        Assert.Equal("/dev/sign-in?returnUrl=%2F", chained.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/desk", "/desk")]
    [InlineData("/tenants/northwind/work-items?status=resolved", "/tenants/northwind/work-items?status=resolved")]
    [InlineData("~/desk", "/desk")]
    [InlineData("/", "/")]
    public async Task DevSignIn_ToALocalPath_GoesThere(string returnUrl, string expected)
    {
        using var portal = new HostFactory<PortalRole>("Development", new Dictionary<string, string?> { ["Demo:Seed"] = "false" });

        var signIn = await portal.CreateClient(new() { AllowAutoRedirect = false }).GetAsync($"/dev/sign-in/nora-northwind?returnUrl={Uri.EscapeDataString(returnUrl)}");

        Assert.Equal(expected, signIn.Headers.Location?.OriginalString);
    }

    [Theory]
    [MemberData(nameof(OffSite))]
    public async Task OidcSignIn_ToAnOffSiteReturnUrl_ComesBackHome(string returnUrl)
    {
        using var portal = new OidcPortal();

        var challenge = await portal.CreateClient(new() { AllowAutoRedirect = false }).GetAsync($"/sign-in?returnUrl={Uri.EscapeDataString(returnUrl)}");

        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        Assert.Equal("/", portal.ReturnTo(challenge.Headers.Location!));
    }

    [Fact]
    public async Task OidcSignIn_ToALocalPath_ComesBackThere()
    {
        using var portal = new OidcPortal();

        var challenge = await portal.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/sign-in?returnUrl=%2Fdesk");

        Assert.Equal("/desk", portal.ReturnTo(challenge.Headers.Location!));
    }

    /// <summary>The Portal in Production (OpenID Connect sign-in) with the identity provider's metadata given, so nothing is fetched.</summary>
    private sealed class OidcPortal() : HostFactory<PortalRole>("Production", new Dictionary<string, string?> { ["Demo:Seed"] = "false" })
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.PostConfigure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, o =>
                o.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(new OpenIdConnectConfiguration
                {
                    Issuer = "https://login.example/", AuthorizationEndpoint = "https://login.example/authorize",
                })));
        }

        /// <summary>Where the Portal will send the browser once the identity provider sends it back: the state's redirect.</summary>
        public string? ReturnTo(Uri authorize)
        {
            var state = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(authorize.Query)["state"].ToString();
            var options = Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(OpenIdConnectDefaults.AuthenticationScheme);
            return options.StateDataFormat.Unprotect(state)?.RedirectUri;
        }
    }
}
