using System.Net;
using System.Net.Http.Json;
using BackOffice.TenantApi.Tests.Infrastructure;

namespace BackOffice.TenantApi.Tests.Routing;

/// <summary>A tenant with a dedicated team: its new work goes to its own queue, which only that team takes from.</summary>
public sealed class DedicatedQueueTests : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly ApiFactory _factory;
    private readonly HttpClient _admin, _supervisor;

    public DedicatedQueueTests(ApiFactory factory) => (_factory, _admin, _supervisor) = (factory, factory.ClientAs(TestUser.Admin), factory.ClientAs(TestUser.Supervisor));

    public async Task InitializeAsync()
    {
        await Api.OnboardActiveAsync(_admin, "acme", TestUser.AcmeDirectory, "hr", "billing");
        var tenant = await _admin.GetAsync("/api/tenants/acme");
        var put = new HttpRequestMessage(HttpMethod.Put, "/api/tenants/acme/dedicated-queues") { Content = JsonContent.Create(new { lines = new[] { "hr" } }) };
        put.Headers.TryAddWithoutValidation("If-Match", tenant.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, (await _admin.SendAsync(put)).StatusCode);
        await Api.PutAgentAsync(_supervisor, "acme-team", new { name = "Tam Team", lines = new[] { "hr" }, tenants = new[] { "acme" }, wipLimit = 10 });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task NewWork_GoesToTheDedicatedQueue_WhichOnlyTheTenantsTeamTakesFrom()
    {
        var item = await Api.SubmitAsync(_factory.ClientAs(TestUser.AcmeClient), "acme", "For the dedicated team");
        var queues = await Api.JsonAsync(await _supervisor.GetAsync("/api/queues"), "queues");
        var general = _factory.ClientAs(TestUser.Agent);
        var team = _factory.ClientAs(new TestUser("acme-team", "Tam Team", [Core.Common.Roles.Agent], TestUser.ProviderDirectory));

        var fromShared = await general.PostAsync("/api/queues/hr/claims", null);
        var notOnTeam = await general.PostAsync("/api/queues/hr.acme/claims", null);
        var byTeam = await Api.JsonAsync(await team.PostAsync("/api/queues/hr.acme/claims", null));

        Assert.Equal("hr.acme", (string)item["queue"]!);
        Assert.Contains(queues.AsArray(), q => (string)q!["queue"]! == "hr.acme" && (int)q["waiting"]! >= 1);
        Assert.Equal(HttpStatusCode.NoContent, fromShared.StatusCode);
        await Api.ProblemAsync(notOnTeam, HttpStatusCode.Forbidden);
        Assert.Equal((string)item["id"]!, (string)byTeam["id"]!);
    }

    [Fact]
    public async Task DedicatedQueues_OnlyForSubscribedLines_AndOnlyByPlatformAdmins()
    {
        var tenant = await _admin.GetAsync("/api/tenants/acme");
        var put = new HttpRequestMessage(HttpMethod.Put, "/api/tenants/acme/dedicated-queues") { Content = JsonContent.Create(new { lines = new[] { "orders" } }) };
        put.Headers.TryAddWithoutValidation("If-Match", tenant.Headers.ETag!.Tag);
        var bySupervisor = new HttpRequestMessage(HttpMethod.Put, "/api/tenants/acme/dedicated-queues") { Content = JsonContent.Create(new { lines = new[] { "billing" } }) };
        bySupervisor.Headers.TryAddWithoutValidation("If-Match", tenant.Headers.ETag!.Tag);

        Assert.Equal(["lines"], (await Api.ProblemAsync(await _admin.SendAsync(put), HttpStatusCode.BadRequest)).Keys);
        await Api.ProblemAsync(await _supervisor.SendAsync(bySupervisor), HttpStatusCode.Forbidden);
    }
}
