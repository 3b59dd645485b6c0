using System.Net;
using System.Net.Http.Json;
using BackOffice.TenantApi.Tests.Infrastructure;

namespace BackOffice.TenantApi.Tests.Concurrency;

/// <summary>Every update takes If-Match: 428 without it, 412 when stale, and nothing changes; every GET of the record gives its ETag.</summary>
public sealed class IfMatchTests : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private static readonly TestUser AcmeAdmin = new("acme-admin", "Ada Acme", [Core.Common.Roles.ClientAdmin], TestUser.AcmeDirectory);
    private readonly ApiFactory _factory;
    private readonly HttpClient _admin, _supervisor;

    public IfMatchTests(ApiFactory factory) => (_factory, _admin, _supervisor) = (factory, factory.ClientAs(AcmeAdmin), factory.ClientAs(TestUser.Supervisor));

    public Task InitializeAsync() => Api.OnboardActiveAsync(_factory.ClientAs(TestUser.Admin), "acme", TestUser.AcmeDirectory, "orders");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task StockCounts_NeedTheInventorysETag_SoASecondCounterDoesNotOverwriteTheFirst()
    {
        const string url = "/api/tenants/acme/inventory/MUG-1";
        var read = (await _admin.GetAsync("/api/tenants/acme/inventory")).Headers.ETag!.Tag;

        var first = await Api.SendWithETagAsync(_admin, HttpMethod.Put, url, read, new { onHand = 10 });
        var second = await Api.SendWithETagAsync(_admin, HttpMethod.Put, url, read, new { onHand = 7 });
        var without = await _admin.PutAsJsonAsync(url, new { onHand = 3 });
        var after = await _admin.GetAsync("/api/tenants/acme/inventory");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await Api.ProblemAsync(second, HttpStatusCode.PreconditionFailed);
        await Api.ProblemAsync(without, (HttpStatusCode)428);
        Assert.Equal(first.Headers.ETag!.Tag, after.Headers.ETag!.Tag);
        Assert.Equal(10, (int)(await Api.JsonAsync(after))["items"]![0]!["onHand"]!);
    }

    [Fact]
    public async Task AgentProfiles_NeedTheProfilesETag_TheDefaultOneIncluded()
    {
        var unset = await _supervisor.GetAsync("/api/agents/pat-new");
        var profile = new { name = "Pat New", lines = new[] { "orders" }, wipLimit = 3 };

        var without = await _supervisor.PutAsJsonAsync("/api/agents/pat-new", profile);
        var created = await Api.SendWithETagAsync(_supervisor, HttpMethod.Put, "/api/agents/pat-new", unset.Headers.ETag!.Tag, profile);
        var stale = await Api.SendWithETagAsync(_supervisor, HttpMethod.Put, "/api/agents/pat-new", unset.Headers.ETag!.Tag, profile with { wipLimit = 9 });
        var current = await _supervisor.GetAsync("/api/agents/pat-new");

        await Api.ProblemAsync(without, (HttpStatusCode)428);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        await Api.ProblemAsync(stale, HttpStatusCode.PreconditionFailed);
        Assert.Equal((created.Headers.ETag!.Tag, 3), (current.Headers.ETag!.Tag, (int)(await Api.JsonAsync(current))["wipLimit"]!));
    }

    [Fact]
    public async Task AWebhook_IsCreatedWithoutIfMatch_ButReplacedOnlyUnderItsETag()
    {
        const string url = "/api/tenants/acme/webhook";
        var created = await _admin.PutAsJsonAsync(url, new { url = "https://hooks.example.com/in" });

        var without = await _admin.PutAsJsonAsync(url, new { url = "https://hooks.example.com/other" });
        var createOnly = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(new { url = "https://hooks.example.com/other" }) };
        createOnly.Headers.TryAddWithoutValidation("If-None-Match", "*");
        var notNew = await _admin.SendAsync(createOnly);
        var replaced = await Api.SendWithETagAsync(_admin, HttpMethod.Put, url, created.Headers.ETag!.Tag, new { url = "https://hooks.example.com/v2" });
        var stale = await Api.SendWithETagAsync(_admin, HttpMethod.Put, url, created.Headers.ETag!.Tag, new { url = "https://hooks.example.com/v3" });
        var current = await _admin.GetAsync(url);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await Api.ProblemAsync(without, (HttpStatusCode)428);
        await Api.ProblemAsync(notNew, HttpStatusCode.PreconditionFailed);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        await Api.ProblemAsync(stale, HttpStatusCode.PreconditionFailed);
        Assert.Equal(replaced.Headers.ETag!.Tag, current.Headers.ETag!.Tag);
        Assert.Equal("https://hooks.example.com/v2", (string)(await Api.JsonAsync(current))["url"]!);
    }
}
