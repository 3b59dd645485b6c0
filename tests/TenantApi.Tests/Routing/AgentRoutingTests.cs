using System.Net;
using System.Net.Http.Json;
using BackOffice.TenantApi.Tests.Infrastructure;

namespace BackOffice.TenantApi.Tests.Routing;

/// <summary>Supervisors set agents' skills and limits; claim-next honours them, whichever host calls it.</summary>
public sealed class AgentRoutingTests : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly ApiFactory _factory;
    private readonly HttpClient _supervisor;

    public AgentRoutingTests(ApiFactory factory) => (_factory, _supervisor) = (factory, factory.ClientAs(TestUser.Supervisor));

    public async Task InitializeAsync()
    {
        var admin = _factory.ClientAs(TestUser.Admin);
        await Api.OnboardActiveAsync(admin, "acme", TestUser.AcmeDirectory, "hr", "billing", "orders");
        await Api.OnboardActiveAsync(admin, "globex", TestUser.GlobexDirectory, "hr", "billing", "orders");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<HttpClient> AgentAsync(string subject, object profile)
    {
        Assert.Equal(HttpStatusCode.OK, (await Api.PutAgentAsync(_supervisor, subject, profile)).StatusCode);
        return _factory.ClientAs(new TestUser(subject, $"Agent {subject}", [Core.Common.Roles.Agent], TestUser.ProviderDirectory));
    }

    [Fact]
    public async Task AnAgent_ClaimsOnlyFromQueuesAndTenantsTheyAreSkilledFor()
    {
        var agent = await AgentAsync("globex-orders", new { name = "Gail", lines = new[] { "orders" }, tenants = new[] { "globex" }, wipLimit = 5 });
        await Api.SubmitAsync(_factory.ClientAs(TestUser.AcmeClient), "acme", "Acme order", "orders");
        var globexItem = await Api.SubmitAsync(_factory.ClientAs(TestUser.GlobexClient), "globex", "Globex order", "orders");

        var unskilled = await agent.PostAsync("/api/queues/hr/claims", null);
        var claimed = await Api.JsonAsync(await agent.PostAsync("/api/queues/orders/claims", null));
        var nothingElse = await agent.PostAsync("/api/queues/orders/claims", null);

        await Api.ProblemAsync(unskilled, HttpStatusCode.Forbidden);
        Assert.Equal((string)globexItem["id"]!, (string)claimed["id"]!);
        Assert.Equal(HttpStatusCode.NoContent, nothingElse.StatusCode);
    }

    [Fact]
    public async Task AnAgent_AtTheirWipLimit_Gets409_UntilTheyResolveOne()
    {
        var agent = await AgentAsync("busy-bee", new { name = "Bea", lines = new[] { "billing" }, wipLimit = 1 });
        var client = _factory.ClientAs(TestUser.AcmeClient);
        await Api.SubmitAsync(client, "acme", "Invoice 1", "billing");
        await Api.SubmitAsync(client, "acme", "Invoice 2", "billing");

        var first = await agent.PostAsync("/api/queues/billing/claims", null);
        var second = await agent.PostAsync("/api/queues/billing/claims", null);
        var item = await Api.JsonAsync(first);
        await Api.PostWithETagAsync(agent, $"/api/tenants/acme/work-items/{item["id"]}/resolve", first.Headers.ETag!.Tag, new { comment = "Sent" });
        var afterResolve = await agent.PostAsync("/api/queues/billing/claims", null);

        await Api.ProblemAsync(second, HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, afterResolve.StatusCode);
    }

    [Fact]
    public async Task Profiles_AreValidated_NamingTheFields_AndOnlySupervisorsSetThem()
    {
        var errors = await Api.ProblemAsync(await _supervisor.PutAsJsonAsync("/api/agents/x", new { name = "", lines = new[] { "payroll" }, tenants = new[] { "nobody" }, wipLimit = 0 }),
            HttpStatusCode.BadRequest);
        var byAgent = await _factory.ClientAs(TestUser.Agent).PutAsJsonAsync("/api/agents/agent-1", new { name = "Me", lines = new[] { "hr" }, wipLimit = 50 });
        var unset = await Api.GetJsonAsync(_supervisor, "/api/agents/someone-new");

        Assert.Equal(["lines", "name", "tenants", "wipLimit"], errors.Keys.Order());
        await Api.ProblemAsync(byAgent, HttpStatusCode.Forbidden);
        Assert.Equal((10000, 3), ((int)unset["wipLimit"]!, unset["lines"]!.AsArray().Count));
    }
}
