using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BackOffice.TenantApi.Tests.Infrastructure;

namespace BackOffice.TenantApi.Tests.Hardening;

/// <summary>Reads are 3 an hour per tenant (6 for tenant "roomy"), so nothing refills during a test; writes are plenty.</summary>
public sealed class RateLimitedApi() : HostFactory<ApiRole>(settings: new Dictionary<string, string?>
{
    ["RateLimits:Enabled"] = "true",
    ["RateLimits:Defaults:Reads:Permits"] = "3", ["RateLimits:Defaults:Reads:Burst"] = "3", ["RateLimits:Defaults:Reads:Period"] = "01:00:00",
    ["RateLimits:Defaults:Writes:Permits"] = "1000", ["RateLimits:Defaults:Writes:Burst"] = "1000",
    ["RateLimits:Tenants:roomy:Reads:Permits"] = "6", ["RateLimits:Tenants:roomy:Reads:Period"] = "01:00:00",
});

public sealed class RateLimitTests(RateLimitedApi factory) : IClassFixture<RateLimitedApi>
{
    /// <summary>A tenant of its own per test (budgets are per tenant), onboarded by writes only, and a client user of it.</summary>
    private async Task<HttpClient> ClientOfNewTenantAsync(string id)
    {
        var admin = factory.ClientAs(TestUser.Admin);
        var directory = Guid.NewGuid().ToString();
        var created = await admin.PostAsJsonAsync("/api/tenants", new { id, displayName = id, serviceLines = new[] { "hr" }, timeZone = "UTC", directoryIds = new[] { directory } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.PostWithETagAsync(admin, $"/api/tenants/{id}/activate", created.Headers.ETag!.Tag, Api.Because)).StatusCode);
        return factory.ClientAs(new TestUser($"{id}-user", id, [Core.Common.Roles.ClientAdmin], directory));
    }

    private static async Task<HttpStatusCode[]> ReadAsync(HttpClient client, string tenant, int times)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < times; i++) statuses.Add((await client.GetAsync($"/api/tenants/{tenant}/work-items")).StatusCode);
        return [.. statuses];
    }

    [Fact]
    public async Task OverItsReadBudget_ATenantGets429WithRetryAfterAndAProblem()
    {
        var client = await ClientOfNewTenantAsync("flooder");
        await ReadAsync(client, "flooder", 3);

        var response = await client.GetAsync("/api/tenants/flooder/work-items");

        await Api.ProblemAsync(response, HttpStatusCode.TooManyRequests);
        Assert.True(response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), $"Retry-After: {response.Headers.RetryAfter}");
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("reads", problem.GetProperty("budget").GetString());
    }

    [Fact]
    public async Task OneTenantsFlood_LeavesAnotherTenantsBudgetWhole()
    {
        var noisy = await ClientOfNewTenantAsync("noisy");
        var quiet = await ClientOfNewTenantAsync("quiet");

        var flood = await ReadAsync(noisy, "noisy", 10);
        var calm = await ReadAsync(quiet, "quiet", 3);

        Assert.Equal(7, flood.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.All(calm, s => Assert.Equal(HttpStatusCode.OK, s));
    }

    [Fact]
    public async Task ProbingAnotherTenantsUrls_SpendsTheProbersBudget_NotTheVictims()
    {
        var prober = await ClientOfNewTenantAsync("prober");
        var victim = await ClientOfNewTenantAsync("victim");

        var probes = await ReadAsync(prober, "victim", 5);
        var own = await ReadAsync(victim, "victim", 3);

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], probes);
        Assert.All(own, s => Assert.Equal(HttpStatusCode.OK, s));
    }

    [Fact]
    public async Task SpentReadBudget_LeavesTheTenantsWriteBudget()
    {
        var client = await ClientOfNewTenantAsync("reader");
        await ReadAsync(client, "reader", 4);

        var submitted = await client.PostAsJsonAsync("/api/tenants/reader/work-items", new { serviceLine = "hr", type = "general", priority = "p3", title = "Still writing" });

        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
    }

    [Fact]
    public async Task TheAuditChainAndItsCheck_SpendTheExportBudget_NotTheReadBudget()
    {
        var client = await ClientOfNewTenantAsync("auditor");
        await ReadAsync(client, "auditor", 3);

        var verify = await client.GetAsync("/api/tenants/auditor/audit/verify");
        var exports = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++) exports.Add((await client.GetAsync("/api/tenants/auditor/audit.jsonl")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, verify.StatusCode);
        Assert.Equal(HttpStatusCode.OK, exports[0]);
        Assert.Contains(HttpStatusCode.TooManyRequests, exports);
    }

    [Fact]
    public async Task TenantOverride_IsHonoured()
    {
        var client = await ClientOfNewTenantAsync("roomy");

        var statuses = await ReadAsync(client, "roomy", 7);

        Assert.Equal(6, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task ProviderStaff_SpendTheirOwnBudgetEach()
    {
        var first = factory.ClientAs(new TestUser("staff-a", "Staff A", [Core.Common.Roles.Supervisor], TestUser.ProviderDirectory));
        var second = factory.ClientAs(new TestUser("staff-b", "Staff B", [Core.Common.Roles.Supervisor], TestUser.ProviderDirectory));
        for (var i = 0; i < 3; i++) await first.GetAsync("/api/tenants");

        var spent = await first.GetAsync("/api/tenants");
        var fresh = await second.GetAsync("/api/tenants");

        Assert.Equal(HttpStatusCode.TooManyRequests, spent.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
    }
}
