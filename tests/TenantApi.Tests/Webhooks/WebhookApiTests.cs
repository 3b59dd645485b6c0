using System.Net;
using System.Net.Http.Json;
using BackOffice.TenantApi.Tests.Infrastructure;
using BackOffice.Webhooks.Http;

namespace BackOffice.TenantApi.Tests.Webhooks;

/// <summary>Managing a webhook as production would have it: https only, to public addresses.</summary>
public sealed class WebhookApiTests : IClassFixture<WebhookApiTests.ProductionRules>, IAsyncLifetime
{
    public sealed class ProductionRules() : HostFactory<TenantApiHost>(settings: new Dictionary<string, string?> { ["Webhooks:AllowPrivateEndpoints"] = "false" });

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
    public async Task Put_ThenReplace_KeepsTheSecret_WhileRotateChangesIt_AndClientUsersMayNotSeeIt()
    {
        var created = await _admin.PutAsJsonAsync("/api/tenants/acme/webhook", new { url = "https://hooks.example.com/in" });
        var replaced = await Api.JsonAsync(await Api.SendWithETagAsync(_admin, HttpMethod.Put, "/api/tenants/acme/webhook", created.Headers.ETag!.Tag,
            new { url = "https://hooks.example.com/v2", events = new[] { "sla.warning" } }));
        var rotated = await Api.JsonAsync(await _admin.PostAsync("/api/tenants/acme/webhook/rotate-secret", null));
        var asUser = await _factory.ClientAs(TestUser.AcmeClient).GetAsync("/api/tenants/acme/webhook");
        var removed = await _admin.DeleteAsync("/api/tenants/acme/webhook");

        var secret = (string)(await Api.JsonAsync(created))["secret"]!;
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal((secret, "https://hooks.example.com/v2"), ((string)replaced["secret"]!, (string)replaced["url"]!));
        Assert.Equal(["sla.warning"], replaced["events"]!.AsArray().Select(e => (string)e!));
        Assert.NotEqual(secret, (string)rotated["secret"]!);
        await Api.ProblemAsync(asUser, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
    }

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.20.0.1", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("8.8.8.8", true)]
    [InlineData("172.32.0.1", true)]
    [InlineData("2606:4700:4700::1111", true)]
    public void PublicAddress_TellsThePublicInternetFromPrivateNetworks(string address, bool isPublic) =>
        Assert.Equal(isPublic, PublicAddress.Is(IPAddress.Parse(address)));

    [Fact]
    public async Task Sender_WillNotDialAPrivateAddress_WhenPrivateEndpointsAreNotAllowed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var sender = new HttpWebhookSender(new Core.Webhooks.WebhookOptions { AllowPrivateEndpoints = false });

        var result = await sender.SendAsync(receiver.Url, new Dictionary<string, string>(), "{}", default);

        Assert.Null(result.StatusCode);
        Assert.Contains("no public address", result.Error);
        Assert.Empty(receiver.Requests);
    }
}
