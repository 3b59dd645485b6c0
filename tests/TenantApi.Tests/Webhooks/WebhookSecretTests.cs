using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BackOffice.TenantApi.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace BackOffice.TenantApi.Tests.Webhooks;

/// <summary>A webhook's signing secret is shown once, to the tenant's admin, never cached, and stored encrypted.</summary>
public sealed class WebhookSecretTests : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private static readonly TestUser AcmeAdmin = new("acme-admin", "Ada Acme", [Core.Common.Roles.ClientAdmin], TestUser.AcmeDirectory);
    private readonly ApiFactory _factory;
    private readonly HttpClient _admin;

    public WebhookSecretTests(ApiFactory factory) => (_factory, _admin) = (factory, factory.ClientAs(AcmeAdmin));

    public Task InitializeAsync() => Api.OnboardActiveAsync(_factory.ClientAs(TestUser.Admin), "acme", TestUser.AcmeDirectory);

    public async Task DisposeAsync() => await _admin.DeleteAsync("/api/tenants/acme/webhook");

    private Task<HttpResponseMessage> CreateAsync(HttpClient client) =>
        client.PutAsJsonAsync("/api/tenants/acme/webhook", new { url = "https://hooks.example.com/in" });

    private static string? NoStore(HttpResponseMessage response) => response.Headers.CacheControl?.NoStore == true ? "no-store" : null;

    [Fact]
    public async Task Create_AndRotate_ShowTheSecretOnce_NotToBeStored_WhileGetNeverShowsIt()
    {
        var created = await CreateAsync(_admin);
        var read = await _admin.GetAsync("/api/tenants/acme/webhook");
        var rotated = await _admin.PostAsync("/api/tenants/acme/webhook/rotate-secret", null);
        var readAfter = await Api.JsonAsync(await _admin.GetAsync("/api/tenants/acme/webhook"));

        var (first, second) = ((string)(await Api.JsonAsync(created))["secret"]!, (string)(await Api.JsonAsync(rotated))["secret"]!);
        Assert.StartsWith("whsec_", first);
        Assert.NotEqual(first, second);
        Assert.Equal(("no-store", "no-store"), (NoStore(created), NoStore(rotated)));
        Assert.False((await Api.JsonAsync(read)).ContainsKey("secret"));
        Assert.False(readAfter.ContainsKey("secret"));
        Assert.NotNull(readAfter["previousSecretUntil"]);
    }

    [Fact]
    [Trait("Storage", "Sqlite")] // reads the SQLite file itself; the Cosmos DB store's own contract suites cover it there
    public async Task TheStoredRow_HoldsNeitherTheSecretNorTheRotatedOutOne()
    {
        var first = (string)(await Api.JsonAsync(await CreateAsync(_admin)))["secret"]!;
        var second = (string)(await Api.JsonAsync(await _admin.PostAsync("/api/tenants/acme/webhook/rotate-secret", null)))["secret"]!;

        await using var db = new SqliteConnection($"Data Source={Path.Combine(_factory.DataFolder, "backoffice.db")}");
        await db.OpenAsync();
        await using var command = db.CreateCommand();
        command.CommandText = "SELECT secret || ' ' || previous_secret FROM webhook_subscriptions WHERE tenant_id = 'acme'";
        var stored = (string)(await command.ExecuteScalarAsync())!;

        foreach (var secret in new[] { first, second })
        {
            Assert.DoesNotContain(secret["whsec_".Length..], stored);
            var key = Convert.FromBase64String(secret["whsec_".Length..]);
            Assert.DoesNotContain(Convert.ToHexString(key), stored, StringComparison.OrdinalIgnoreCase);
        }
        Assert.DoesNotContain("whsec_", stored);
    }

    [Fact]
    public async Task APlatformAdmin_CreatesAndRotatesTheWebhook_ButNeverSeesTheSecret()
    {
        var platformAdmin = _factory.ClientAs(TestUser.Admin);

        var created = await CreateAsync(platformAdmin);
        var rotated = await platformAdmin.PostAsync("/api/tenants/acme/webhook/rotate-secret", null);
        var read = await Api.JsonAsync(await platformAdmin.GetAsync("/api/tenants/acme/webhook"));

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (created.StatusCode, rotated.StatusCode));
        var answers = new[] { await Api.JsonAsync(created), await Api.JsonAsync(rotated), read };
        Assert.All(answers, answer => Assert.False(answer.ContainsKey("secret")));
    }
}
