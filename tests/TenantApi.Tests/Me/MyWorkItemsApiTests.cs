using System.Net;
using BackOffice.TenantApi.Tests.Infrastructure;

namespace BackOffice.TenantApi.Tests.Me;

/// <summary>An agent's own items, read from the queues, against their work-in-progress limit; nobody else's, and never a client's.</summary>
public sealed class MyWorkItemsApiTests : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private const string Url = "/api/me/work-items";
    private readonly ApiFactory _factory;
    private readonly HttpClient _supervisor;

    public MyWorkItemsApiTests(ApiFactory factory) => (_factory, _supervisor) = (factory, factory.ClientAs(TestUser.Supervisor));

    public async Task InitializeAsync()
    {
        var admin = _factory.ClientAs(TestUser.Admin);
        await Api.OnboardActiveAsync(admin, "acme", TestUser.AcmeDirectory, "hr", "billing");
        await Api.OnboardActiveAsync(admin, "globex", TestUser.GlobexDirectory, "hr", "billing");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<HttpClient> AgentAsync(string subject, int wipLimit)
    {
        var profile = new { name = $"Agent {subject}", lines = new[] { "billing" }, wipLimit };
        Assert.Equal(HttpStatusCode.OK, (await Api.PutAgentAsync(_supervisor, subject, profile)).StatusCode);
        return _factory.ClientAs(new TestUser(subject, $"Agent {subject}", [Core.Common.Roles.Agent], TestUser.ProviderDirectory));
    }

    [Fact]
    public async Task MyWorkItems_AreTheItemsTheAgentHolds_WithTenantLeaseAndDue_AgainstTheirLimit_AndNoneOfAnotherAgents()
    {
        var (agent, other) = (await AgentAsync("mine-1", 3), await AgentAsync("mine-2", 3));
        var acme = await Api.SubmitAsync(_factory.ClientAs(TestUser.AcmeClient), "acme", "Acme invoice", "billing", "p2");
        var globex = await Api.SubmitAsync(_factory.ClientAs(TestUser.GlobexClient), "globex", "Globex invoice", "billing", "p2");
        var claims = new[] { await agent.PostAsync("/api/queues/billing/claims", null), await agent.PostAsync("/api/queues/billing/claims", null) };

        var mine = await Api.GetJsonAsync(agent, Url);
        var others = await Api.GetJsonAsync(other, Url);

        Assert.All(claims, c => Assert.Equal(HttpStatusCode.OK, c.StatusCode));
        Assert.Equal((2, 3, false), ((int)mine["heldCount"]!, (int)mine["wipLimit"]!, (bool)mine["atLimit"]!));
        var items = mine["items"]!.AsArray().ToDictionary(i => (string)i!["itemId"]!);
        Assert.Equal([(string)acme["id"]!, (string)globex["id"]!], items.Keys.Order());
        var held = items[(string)acme["id"]!]!;
        Assert.Equal(("acme", "Acme invoice", "general", "billing", "p2"),
            ((string)held["tenantId"]!, (string)held["title"]!, (string)held["type"]!, (string)held["line"]!, (string)held["priority"]!));
        Assert.True((DateTimeOffset)held["leaseExpiresAt"]! > DateTimeOffset.UtcNow);
        Assert.NotNull(held["resolutionDue"]);
        Assert.Equal(claims.Select(c => c.Headers.ETag!.Tag).Order(), items.Values.Select(i => (string)i!["eTag"]!).Order());
        Assert.Equal((0, 0), ((int)others["heldCount"]!, others["items"]!.AsArray().Count));
    }

    [Fact]
    public async Task MyWorkItems_AreRefusedToClientUsers_With403()
    {
        var asUser = await _factory.ClientAs(TestUser.AcmeClient).GetAsync(Url);
        var asAdmin = await _factory.ClientAs(TestUser.GlobexClient).GetAsync(Url);

        await Api.ProblemAsync(asUser, HttpStatusCode.Forbidden);
        await Api.ProblemAsync(asAdmin, HttpStatusCode.Forbidden);
    }
}
