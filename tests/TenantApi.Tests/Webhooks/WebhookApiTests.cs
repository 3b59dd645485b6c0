using System.Net;
using System.Net.Http.Json;
using BackOffice.TenantApi.Tests.Infrastructure;
using BackOffice.Webhooks.Http;

namespace BackOffice.TenantApi.Tests.Webhooks;

/// <summary>Managing a webhook as production would have it: https only, to public addresses.</summary>
public sealed class WebhookApiTests : IClassFixture<WebhookApiTests.ProductionRules>, IAsyncLifetime
{
    public sealed class ProductionRules() : HostFactory<ApiRole>(settings: new Dictionary<string, string?> { ["Webhooks:AllowLoopbackEndpoints"] = "false" });

    private static readonly TestUser AcmeAdmin = new("acme-admin", "Ada Acme", [Core.Common.Roles.ClientAdmin], TestUser.AcmeDirectory);
    private readonly ProductionRules _factory;
    private readonly HttpClient _admin;

    public WebhookApiTests(ProductionRules factory) => (_factory, _admin) = (factory, factory.ClientAs(AcmeAdmin));

    public Task InitializeAsync() => Api.OnboardActiveAsync(_factory.ClientAs(TestUser.Admin), "acme", TestUser.AcmeDirectory);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Put_RefusesNonHttpsUrlsAndUnknownEvents_NamingTheFields_AndStoresNothing()
    {
        var errors = await Api.ProblemAsync(await _admin.PutAsJsonAsync("/api/tenants/acme/webhook", new { url = "http://hooks.example.com/in", events = new[] { "sla.breached", "payday" } }),
            HttpStatusCode.BadRequest);
        var relative = await Api.ProblemAsync(await _admin.PutAsJsonAsync("/api/tenants/acme/webhook", new { url = "/in" }), HttpStatusCode.BadRequest);

        Assert.Equal(["events", "url"], errors.Keys.Order());
        Assert.Equal(["url"], relative.Keys);
        await Api.ProblemAsync(await _admin.GetAsync("/api/tenants/acme/webhook"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Put_ThenReplace_KeepsTheSecret_WithoutShowingIt_WhileRotateChangesIt_AndClientUsersMayNotSeeIt()
    {
        var created = await _admin.PutAsJsonAsync("/api/tenants/acme/webhook", new { url = "https://hooks.example.com/in" });
        var replaced = await Api.JsonAsync(await Api.SendWithETagAsync(_admin, HttpMethod.Put, "/api/tenants/acme/webhook", created.Headers.ETag!.Tag,
            new { url = "https://hooks.example.com/v2", events = new[] { "sla.warning" } }));
        var rotated = await Api.JsonAsync(await _admin.PostAsync("/api/tenants/acme/webhook/rotate-secret", null));
        var asUser = await _factory.ClientAs(TestUser.AcmeClient).GetAsync("/api/tenants/acme/webhook");
        var removed = await _admin.DeleteAsync("/api/tenants/acme/webhook");

        var secret = (string)(await Api.JsonAsync(created))["secret"]!;
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal((false, "https://hooks.example.com/v2"), (replaced.ContainsKey("secret"), (string)replaced["url"]!));
        Assert.Equal(["sla.warning"], replaced["events"]!.AsArray().Select(e => (string)e!));
        Assert.NotEqual(secret, (string)rotated["secret"]!);
        await Api.ProblemAsync(asUser, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
    }

    [Theory]
    [InlineData("https://192.0.0.170/in")]
    [InlineData("https://198.18.0.1/in")]
    [InlineData("https://[::ffff:169.254.169.254]/in")]
    [InlineData("https://[64:ff9b::a9fe:a9fe]/in")]
    [InlineData("https://[2002:a9fe:a9fe::1]/in")]
    [InlineData("https://localhost/in")]
    public async Task Put_RefusesALiteralSpecialPurposeAddress_NamingTheUrl_AndStoresNothing(string url)
    {
        var errors = await Api.ProblemAsync(await _admin.PutAsJsonAsync("/api/tenants/acme/webhook", new { url }), HttpStatusCode.BadRequest);

        Assert.Equal(["url"], errors.Keys);
        await Api.ProblemAsync(await _admin.GetAsync("/api/tenants/acme/webhook"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Sender_WillNotDialAPrivateAddress_WhenPrivateEndpointsAreNotAllowed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var sender = new HttpWebhookSender(new Core.Webhooks.WebhookOptions { AllowLoopbackEndpoints = false });

        var result = await sender.SendAsync(receiver.Url, new Dictionary<string, string>(), "{}", default);

        Assert.Null(result.StatusCode);
        Assert.Contains("no public address", result.Error);
        Assert.Empty(receiver.Requests);
    }
}
