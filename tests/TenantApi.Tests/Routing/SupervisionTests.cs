using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BackOffice.Core.Common;
using BackOffice.Core.Queues.Supervise;
using BackOffice.Core.WorkItems;
using BackOffice.TenantApi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.TenantApi.Tests.Routing;

/// <summary>Supervisors' board, assignment, return to queue and bulk actions; each class owns its host and queues.</summary>
public sealed class SupervisionTests : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly ApiFactory _factory;
    private readonly HttpClient _supervisor, _client, _agent;

    public SupervisionTests(ApiFactory factory) =>
        (_factory, _supervisor, _client, _agent) = (factory, factory.ClientAs(TestUser.Supervisor), factory.ClientAs(TestUser.AcmeClient), factory.ClientAs(TestUser.Agent));

    public async Task InitializeAsync()
    {
        var admin = _factory.ClientAs(TestUser.Admin);
        await Api.OnboardActiveAsync(admin, "acme", TestUser.AcmeDirectory, "hr", "billing", "orders");
        await Api.OnboardActiveAsync(admin, "globex", TestUser.GlobexDirectory, "hr", "billing", "orders");
        await Api.PutAgentAsync(_supervisor, "sky", new { name = "Sky Agent", lines = new[] { "hr", "billing" }, wipLimit = 10 });
        await Api.PutAgentAsync(_supervisor, "olly", new { name = "Olly Orders", lines = new[] { "orders" }, wipLimit = 10 });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static string Url(JsonObject item) => $"/api/tenants/{item["tenantId"]}/work-items/{item["id"]}";

    [Fact]
    public async Task Assign_GivesTheItemToASkilledAgent_AndRefusesAnUnskilledOne()
    {
        var item = await Api.SubmitAsync(_client, "acme", "Hire Kim");

        var unskilled = await Api.PostWithETagAsync(_supervisor, $"{Url(item)}/assign", (string)item["eTag"]!, new { agent = "olly" });
        var assigned = await Api.PostWithETagAsync(_supervisor, $"{Url(item)}/assign", (string)item["eTag"]!, new { agent = "sky" });
        var byAgent = await Api.PostWithETagAsync(_agent, $"{Url(item)}/assign", assigned.Headers.ETag!.Tag, new { agent = "sky" });

        await Api.ProblemAsync(unskilled, HttpStatusCode.Conflict);
        var body = await Api.JsonAsync(assigned);
        Assert.Equal(("in-progress", "Sky Agent", "assigned"), ((string)body["status"]!, (string)body["assignee"]!, (string)body["history"]!.AsArray().Last()!["action"]!));
        await Api.ProblemAsync(byAgent, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Return_ByTheHoldingAgent_PutsTheItemBackForOthers_WithTheReasonInItsHistory()
    {
        var item = await Api.SubmitAsync(_client, "acme", "Invoice for Q3", "billing");
        var claim = await _agent.PostAsync("/api/queues/billing/claims", null);
        var claimed = await Api.JsonAsync(claim);
        while ((string)claimed["id"]! != (string)item["id"]!)
        {
            claim = await _agent.PostAsync("/api/queues/billing/claims", null);
            claimed = await Api.JsonAsync(claim);
        }

        var returned = await Api.PostWithETagAsync(_agent, $"{Url(item)}/return", claim.Headers.ETag!.Tag, new { reason = "Needs a payroll specialist" });
        var again = await Api.JsonAsync(await _factory.ClientAs(TestUser.OtherAgent).PostAsync("/api/queues/billing/claims", null));

        var entry = (await Api.JsonAsync(returned))["history"]!.AsArray().Last()!;
        Assert.Equal(("returned-to-queue", "Needs a payroll specialist"), ((string)entry["action"]!, (string)entry["details"]!["reason"]!));
        Assert.Equal((string)item["id"]!, (string)again["id"]!);
    }

    [Fact]
    public async Task Bulk_DoesEachItemOnItsOwn_AndSaysWhichFailed_WhileTheBoardCountsByTenant()
    {
        var acme = await Api.SubmitAsync(_client, "acme", "Order 1", "orders");
        var globex = await Api.SubmitAsync(_factory.ClientAs(TestUser.GlobexClient), "globex", "Order 2", "orders");
        var missing = Guid.NewGuid();

        var outcomes = (await Api.JsonAsync(await _supervisor.PostAsJsonAsync("/api/queues/bulk", new
        {
            action = "assign", agent = "olly",
            items = new[] { new { tenantId = "acme", itemId = (Guid)acme["id"]! }, new { tenantId = "globex", itemId = (Guid)globex["id"]! }, new { tenantId = "acme", itemId = missing } },
        }), "items")).AsArray();
        var board = await Api.GetJsonAsync(_supervisor, "/api/queues/orders/board");
        var invalid = await Api.ProblemAsync(await _supervisor.PostAsJsonAsync("/api/queues/bulk", new { action = "delete", items = Array.Empty<object>() }), HttpStatusCode.BadRequest);

        Assert.Equal([true, true, false], outcomes.Select(o => (bool)o!["done"]!));
        Assert.Contains("was not found", (string)outcomes[2]!["error"]!);
        Assert.Equal((0, 2), ((int)board["waiting"]!, (int)board["inProgress"]!));
        Assert.Equal(["acme", "globex"], board["byTenant"]!.AsArray().Select(t => (string)t!["tenantId"]!));
        Assert.Equal(2, (int)board["byAge"]!["underOneHour"]!);
        Assert.Equal(["action", "items"], invalid.Keys.Order());
    }

    [Fact]
    public async Task TheClient_CancelsWorkNotYetTaken_ButAnItemBeingWorked_OnlyASupervisorCancels()
    {
        var globex = _factory.ClientAs(TestUser.GlobexClient);
        var waiting = await Api.SubmitAsync(globex, "globex", "Not needed after all", "hr");
        var held = await Api.SubmitAsync(globex, "globex", "Being worked", "billing");
        var claim = await _agent.PostAsync("/api/queues/billing/claims", null);
        while ((string)(await Api.JsonAsync(claim))["id"]! != (string)held["id"]!) claim = await _agent.PostAsync("/api/queues/billing/claims", null);

        var cancelled = await Api.PostWithETagAsync(globex, $"{Url(waiting)}/cancel", (string)waiting["eTag"]!, new { reason = "Hired elsewhere" });
        var refused = await Api.PostWithETagAsync(globex, $"{Url(held)}/cancel", claim.Headers.ETag!.Tag, new { reason = "Stop" });
        var bySupervisor = await Api.PostWithETagAsync(_supervisor, $"{Url(held)}/cancel", claim.Headers.ETag!.Tag, new { reason = "Client withdrew it" });

        Assert.Equal("cancelled", (string)(await Api.JsonAsync(cancelled))["status"]!);
        await Api.ProblemAsync(refused, HttpStatusCode.Conflict);
        Assert.Equal("cancelled", (string)(await Api.JsonAsync(bySupervisor))["status"]!);
        Assert.Equal(0, (int)(await Api.GetJsonAsync(_supervisor, "/api/queues/hr/board"))["byTenant"]!.AsArray()
            .Where(t => (string)t!["tenantId"]! == "globex").Sum(t => (int)t!["waiting"]!));
    }

    [Fact]
    public async Task AssignAsShown_AfterAnEditLeftTheItemWaiting_Assigns_ButAfterAClaimMeanwhile_NamesWhoHoldsIt()
    {
        using var services = _factory.Services.CreateScope();
        var supervise = services.ServiceProvider.GetRequiredService<SuperviseQueue>();
        var sue = new Actor(TestUser.Supervisor.Subject, TestUser.Supervisor.Name, new HashSet<string> { Roles.Supervisor }, TestUser.ProviderDirectory);
        var edited = await Api.SubmitAsync(_client, "acme", "Shown, then edited");
        static long Shown(JsonObject item) => long.Parse(((string)item["eTag"]!).Trim('"'));
        Assert.Equal(HttpStatusCode.OK, (await Api.PatchAsync(_client, Url(edited), (string)edited["eTag"]!, new { priority = "p1" })).StatusCode);
        var claimed = await Api.SubmitAsync(_factory.ClientAs(TestUser.GlobexClient), "globex", "Shown, then claimed", "billing");
        while ((string)(await Api.JsonAsync(await _agent.PostAsync("/api/queues/billing/claims", null)))["id"]! != (string)claimed["id"]!) { }

        var assigned = await supervise.AssignAsShownAsync(sue, "acme", Guid.Parse((string)edited["id"]!), new AssignRequest("sky"), Shown(edited), null, default);
        var refused = await Assert.ThrowsAsync<ConflictException>(() =>
            supervise.AssignAsShownAsync(sue, "globex", Guid.Parse((string)claimed["id"]!), new AssignRequest("sky"), Shown(claimed), null, default));

        Assert.Equal(("Sky Agent", Priority.P1), (assigned.AssigneeName, assigned.Priority));
        Assert.Contains("now held by Alex Agent", refused.Message);
        Assert.Equal("Alex Agent", (string)(await Api.GetJsonAsync(_supervisor, Url(claimed)))["assignee"]!);
    }
}
