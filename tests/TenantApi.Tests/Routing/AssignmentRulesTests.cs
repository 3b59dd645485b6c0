using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BackOffice.TenantApi.Tests.Infrastructure;

namespace BackOffice.TenantApi.Tests.Routing;

/// <summary>A supervisor assigns work only to an agent who could have claimed it: same profile, skill, team and WIP rules.</summary>
public sealed class AssignmentRulesTests : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly ApiFactory _factory;
    private readonly HttpClient _admin, _supervisor;

    public AssignmentRulesTests(ApiFactory factory) => (_factory, _admin, _supervisor) = (factory, factory.ClientAs(TestUser.Admin), factory.ClientAs(TestUser.Supervisor));

    public async Task InitializeAsync()
    {
        await Api.OnboardActiveAsync(_admin, "acme", TestUser.AcmeDirectory, "hr", "billing");
        var tenant = await _admin.GetAsync("/api/tenants/acme");
        var put = new HttpRequestMessage(HttpMethod.Put, "/api/tenants/acme/dedicated-queues") { Content = JsonContent.Create(new { lines = new[] { "hr" } }) };
        put.Headers.TryAddWithoutValidation("If-Match", tenant.Headers.ETag!.Tag);
        await _admin.SendAsync(put);
        await Api.PutAgentAsync(_supervisor, "roamer", new { name = "Rory Roamer", lines = new[] { "hr", "billing" }, wipLimit = 10 });
        await Api.PutAgentAsync(_supervisor, "acme-team", new { name = "Tam Team", lines = new[] { "hr" }, tenants = new[] { "acme" }, wipLimit = 1 });
        await Api.PutAgentAsync(_supervisor, "globex-hand", new { name = "Gay Globex", lines = new[] { "billing" }, tenants = new[] { "globex" }, wipLimit = 10 });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(HttpResponseMessage Response, string? Detail)> AssignAsync(JsonObject item, string agent)
    {
        var response = await Api.PostWithETagAsync(_supervisor, $"/api/tenants/acme/work-items/{item["id"]}/assign", (string)item["eTag"]!, new { agent });
        var body = await Api.JsonAsync(response);
        return (response, (string?)body["detail"]);
    }

    [Theory]
    [InlineData("hr", "roamer")]
    [InlineData("billing", "globex-hand")]
    [InlineData("billing", "acme-team")]
    [InlineData("billing", "fin-finance")]
    [InlineData("billing", "nora-northwind")]
    [InlineData("billing", "nobody-at-all")]
    public async Task Assign_ToSomeoneWhoCouldNotClaimTheItem_Conflicts_NamingTheAgent_AndTheItemStaysInItsQueue(string line, string agent)
    {
        var item = await Api.SubmitAsync(_factory.ClientAs(TestUser.AcmeClient), "acme", $"For {agent}", line);

        var (response, detail) = await AssignAsync(item, agent);

        await Api.ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Contains(agent, detail);
        var stored = await Api.GetJsonAsync(_supervisor, $"/api/tenants/acme/work-items/{item["id"]}");
        Assert.Equal(("new", null), ((string)stored["status"]!, (string?)stored["assignee"]));
    }

    [Fact]
    public async Task Assign_ToAnAgentAtTheirWipLimit_Conflicts_AndBulkAssignSaysWhy()
    {
        var client = _factory.ClientAs(TestUser.AcmeClient);
        var first = await Api.SubmitAsync(client, "acme", "First for the team");
        var second = await Api.SubmitAsync(client, "acme", "Second for the team");

        var (assigned, _) = await AssignAsync(first, "acme-team");
        var (overLimit, detail) = await AssignAsync(second, "acme-team");
        var bulk = (await Api.JsonAsync(await _supervisor.PostAsJsonAsync("/api/queues/bulk", new
        {
            action = "assign", agent = "acme-team", items = new[] { new { tenantId = "acme", itemId = (Guid)second["id"]! } },
        }), "items")).AsArray();

        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        await Api.ProblemAsync(overLimit, HttpStatusCode.Conflict);
        Assert.Contains("acme-team", detail);
        Assert.False((bool)bulk[0]!["done"]!);
        Assert.Contains("acme-team", (string)bulk[0]!["error"]!);
    }
}
