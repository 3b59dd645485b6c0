using System.Net;
using System.Net.Http.Json;
using BackOffice.TenantApi.Tests.Infrastructure;

namespace BackOffice.TenantApi.Tests.WorkItems;

public sealed class WorkItemsApiTests : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly ApiFactory _factory;
    private readonly HttpClient _client;
    private readonly HttpClient _agent;

    public WorkItemsApiTests(ApiFactory factory)
    {
        _factory = factory;
        _client = factory.ClientAs(TestUser.AcmeClient);
        _agent = factory.ClientAs(TestUser.Agent);
    }

    public Task InitializeAsync() => Api.OnboardActiveAsync(_factory.ClientAs(TestUser.Admin), "acme", TestUser.AcmeDirectory, "hr", "billing", "orders");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Submit_ThenGet_ShowsTheItemAndWhoSubmittedIt()
    {
        var created = await Api.SubmitAsync(_client, "acme", "Hire Bob", "orders", "p1");

        var item = await Api.GetJsonAsync(_client, $"/api/tenants/acme/work-items/{created["id"]}");

        Assert.Equal(("Hire Bob", "new", "p1", "orders"), ((string)item["title"]!, (string)item["status"]!, (string)item["priority"]!, (string)item["queue"]!));
        var history = Assert.Single(item["history"]!.AsArray());
        Assert.Equal(("Ann Acme", "submitted"), ((string)history!["actor"]!, (string)history["action"]!));
    }

    [Fact]
    public async Task List_FiltersByPriorityAndPagesWithACursor()
    {
        var mine = new List<string>();
        for (var i = 0; i < 5; i++) mine.Add((string)(await Api.SubmitAsync(_client, "acme", $"Paged {i}", "billing", "p2"))["id"]!);

        var first = await Api.GetJsonAsync(_client, "/api/tenants/acme/work-items?priority=p2&pageSize=3");
        var second = await Api.GetJsonAsync(_client, $"/api/tenants/acme/work-items?priority=p2&pageSize=3&cursor={first["nextCursor"]}");

        var ids = first["items"]!.AsArray().Concat(second["items"]!.AsArray()).Select(i => (string)i!["id"]!).ToList();
        Assert.Equal(Enumerable.Reverse(mine), ids);
        Assert.Null(second["nextCursor"]);
    }

    [Fact]
    public async Task Edit_WithAStaleETag_Fails412AndChangesNothing()
    {
        var item = await Api.SubmitAsync(_client, "acme", "Edit me");
        var url = $"/api/tenants/acme/work-items/{item["id"]}";
        var edited = await Api.PatchAsync(_client, url, "\"1\"", new { priority = "p1" });

        var stale = await Api.PatchAsync(_client, url, "\"1\"", new { title = "Lost update" });
        var missing = await Api.PatchAsync(_client, url, null, new { title = "No precondition" });

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal("\"2\"", edited.Headers.ETag?.Tag);
        await Api.ProblemAsync(stale, HttpStatusCode.PreconditionFailed);
        await Api.ProblemAsync(missing, HttpStatusCode.PreconditionRequired);
        var stored = await Api.GetJsonAsync(_client, url);
        Assert.Equal(("Edit me", "p1", 2), ((string)stored["title"]!, (string)stored["priority"]!, stored["history"]!.AsArray().Count));
    }

    [Fact]
    public async Task ClaimAndResolve_TheAgentHoldingTheClaimResolvesIt()
    {
        var queue = $"orders";
        while ((await _agent.PostAsync($"/api/queues/{queue}/claims", null)).StatusCode == HttpStatusCode.OK) { }
        var item = await Api.SubmitAsync(_client, "acme", "Ship order 42", queue);

        var claim = await _agent.PostAsync($"/api/queues/{queue}/claims", null);
        var claimed = await Api.JsonAsync(claim);
        var url = $"/api/tenants/acme/work-items/{item["id"]}/resolve";
        var byOther = await Api.PostWithETagAsync(_factory.ClientAs(TestUser.OtherAgent), url, claim.Headers.ETag!.Tag, new { comment = "Not mine" });
        var resolved = await Api.PostWithETagAsync(_agent, url, claim.Headers.ETag!.Tag, new { comment = "Shipped with DHL" });
        var empty = await _agent.PostAsync($"/api/queues/{queue}/claims", null);

        Assert.Equal((string)item["id"]!, (string)claimed["id"]!);
        Assert.Equal(("in-progress", "Alex Agent"), ((string)claimed["status"]!, (string)claimed["assignee"]!));
        await Api.ProblemAsync(byOther, HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, empty.StatusCode);
        var stored = await Api.GetJsonAsync(_client, $"/api/tenants/acme/work-items/{item["id"]}");
        Assert.Equal(("resolved", "Shipped with DHL"), ((string)stored["status"]!, (string)stored["resolution"]!));
        Assert.Equal(["submitted", "claimed", "resolved"], stored["history"]!.AsArray().Select(h => (string)h!["action"]!));
    }

    [Fact]
    public async Task Claim_OfAnUnknownQueue_Is404()
    {
        await Api.ProblemAsync(await _agent.PostAsync("/api/queues/payroll/claims", null), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Submit_ForALineTheTenantDoesNotBuy_IsAFieldError()
    {
        await Api.OnboardActiveAsync(_factory.ClientAs(TestUser.Admin), "soylent", Guid.NewGuid().ToString(), "hr");
        var response = await _factory.ClientAs(TestUser.Supervisor).PostAsJsonAsync("/api/tenants/soylent/work-items", new { serviceLine = "orders", type = "order-intake", priority = "p2", title = "Order" });

        Assert.Contains("serviceLine", (await Api.ProblemAsync(response, HttpStatusCode.BadRequest)).Keys);
    }
}
