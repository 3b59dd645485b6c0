using System.Net;
using BackOffice.TenantApi.Tests.Infrastructure;

namespace BackOffice.TenantApi.Tests.Hardening;

public sealed class SecurityHeadersTests
{
    private const string DevKey = "local-development-signing-key-change-me-0123456789";

    private static Dictionary<string, string?> Production() => new() { ["Auth:DevSigningKey"] = DevKey, ["Demo:Seed"] = "false" };

    /// <summary>The API or the Portal in Production, and a client for it at a given address that does not follow redirects.</summary>
    private static (IDisposable Host, Func<Uri, HttpClient> Client) StartInProduction(string host, Dictionary<string, string?> settings)
    {
        if (host == "api")
        {
            var api = new HostFactory<ApiRole>("Production", settings);
            return (api, uri => api.CreateClient(new() { BaseAddress = uri, AllowAutoRedirect = false }));
        }
        var portal = new HostFactory<PortalRole>("Production", settings);
        return (portal, uri => portal.CreateClient(new() { BaseAddress = uri, AllowAutoRedirect = false }));
    }

    private static void AssertCommonHeaders(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Contains("frame-ancestors 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task Api_AnswersWithSecurityHeaders_AndAContentPolicyThatLoadsNothing()
    {
        using var api = new ApiFactory();

        var ok = await api.ClientAs(TestUser.Admin).GetAsync("/api/tenants");
        var unauthorized = await api.CreateClient().GetAsync("/api/tenants");

        foreach (var response in new[] { ok, unauthorized })
        {
            AssertCommonHeaders(response);
            Assert.StartsWith("default-src 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        }
    }

    [Fact]
    public async Task PortalPage_AnswersWithSecurityHeaders_AndABlazorContentPolicyWithoutUnsafeScript()
    {
        using var portal = new HostFactory<PortalRole>("Development", new Dictionary<string, string?> { ["Demo:Seed"] = "false" });

        var page = await portal.CreateClient().GetAsync("/dev/sign-in");

        AssertCommonHeaders(page);
        var policy = Assert.Single(page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy);
        Assert.Contains("connect-src 'self'", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
        // Inline styles are allowed for the component library's theme; inline script never is.
        var scripts = policy.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));
        Assert.Equal("script-src 'self'", scripts);
    }

    [Theory]
    [InlineData("api")]
    [InlineData("portal")]
    public async Task OutsideDevelopment_HttpsAnswersCarryHsts_DirectOrThroughAProxy(string host)
    {
        var (factory, client) = StartInProduction(host, Production());
        using var _ = factory;
        var direct = client(new Uri("https://backoffice.example"));
        var proxied = client(new Uri("http://backoffice.example"));
        proxied.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        var overHttps = await direct.GetAsync("/health/live");
        var throughProxy = await proxied.GetAsync("/health/live");
        var plain = await client(new Uri("http://backoffice.example")).GetAsync("/health/live");

        Assert.Contains("max-age=31536000", Assert.Single(overHttps.Headers.GetValues("Strict-Transport-Security")));
        Assert.True(throughProxy.Headers.Contains("Strict-Transport-Security"));
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
    }

    [Theory]
    [InlineData("api", "GET", "/dev/token")]
    [InlineData("api", "POST", "/dev/token")]
    [InlineData("api", "PUT", "/dev/anything")]
    [InlineData("portal", "GET", "/dev/token")]
    [InlineData("portal", "POST", "/dev/token")]
    [InlineData("portal", "GET", "/dev/sign-in")]
    [InlineData("portal", "POST", "/dev/sign-in")]
    [InlineData("portal", "GET", "/dev/sign-in/nora-northwind")]
    [InlineData("portal", "POST", "/dev/sign-in/nora-northwind")]
    [InlineData("portal", "DELETE", "/dev/sign-in/nora-northwind")]
    public async Task OutsideDevelopment_EveryDevRouteIs404_ForEveryMethod(string host, string method, string path)
    {
        var (factory, client) = StartInProduction(host, Production());
        using var _ = factory;
        var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "GET" ? null : new StringContent("{}", null, "application/json") };

        var response = await client(new Uri("http://localhost")).SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
