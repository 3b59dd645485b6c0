using System.Net;
using System.Net.Http.Json;
using BackOffice.TenantApi.Tests.Infrastructure;

namespace BackOffice.TenantApi.Tests.WorkItems;

public sealed class WaitOnClientTests : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly ApiFactory _factory;
    private readonly HttpClient _admin;

    public WaitOnClientTests(ApiFactory factory) => (_factory, _admin) = (factory, factory.ClientAs(TestUser.Admin));

    public async Task InitializeAsync()
    {
        await Api.OnboardActiveAsync(_admin, "acme", TestUser.AcmeDirectory, "billing");
        var current = await _admin.GetAsync("/api/tenants/acme/sla");
        if ((long)(await Api.JsonAsync(current))["version"]! > 0) return;
        var request = new HttpRequestMessage(HttpMethod.Put, "/api/tenants/acme/sla")
        {
            Content = JsonContent.Create(new
            {
                calendar = new { timeZone = "UTC", schedules = new[] { new { effectiveFrom = "2026-01-01", days = new Dictionary<string, string[]> { ["monday"] = ["09:00-17:00"] } } } },
                policies = new[] { "p1", "p2", "p3", "p4" }.Select(p => new { serviceLine = "billing", priority = p, firstResponseMinutes = 600, resolutionMinutes = 6000, mode = "calendar" }).ToArray(),
            }),
        };
        request.Headers.TryAddWithoutValidation("If-Match", current.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, (await _admin.SendAsync(request)).StatusCode);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AskAndAnswer_PausesTheClockAndPutsTheItemBackInItsQueue()
    {
        var agent = _factory.ClientAs(TestUser.Agent);
        var client = _factory.ClientAs(TestUser.AcmeClient);
        while ((await agent.PostAsync("/api/queues/billing/claims", null)).StatusCode == HttpStatusCode.OK) { }
        var submitted = await Api.SubmitAsync(client, "acme", "Invoice for March", "billing");
        var claim = await agent.PostAsync("/api/queues/billing/claims", null);
        var url = $"/api/tenants/acme/work-items/{submitted["id"]}";

        var asked = await Api.PostWithETagAsync(agent, $"{url}/questions", claim.Headers.ETag!.Tag, new { question = "Which PO number?" });
        var whileWaiting = await agent.PostAsync("/api/queues/billing/claims", null);
        var pausedView = (await Api.GetJsonAsync(client, url))["sla"]!["resolution"]!;
        await Task.Delay(50);
        var pausedLater = (await Api.GetJsonAsync(client, url))["sla"]!["resolution"]!;
        var answered = await Api.PostWithETagAsync(client, $"{url}/answer", asked.Headers.ETag!.Tag, new { answer = "PO-1234" });
        var item = await Api.GetJsonAsync(client, url);
        var reclaimed = await Api.JsonAsync(await agent.PostAsync("/api/queues/billing/claims", null));

        Assert.Equal("waiting-on-client", (string)(await Api.JsonAsync(asked))["status"]!);
        Assert.Equal(HttpStatusCode.NoContent, whileWaiting.StatusCode);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal((string)submitted["id"]!, (string)reclaimed["id"]!);
        var history = item["history"]!.AsArray();
        var pause = (DateTimeOffset)history.Single(h => (string)h!["action"]! == "client-answered")!["at"]! - (DateTimeOffset)history.Single(h => (string)h!["action"]! == "asked-client")!["at"]!;
        Assert.True(pause > TimeSpan.Zero);
        Assert.Equal((DateTimeOffset)submitted["sla"]!["resolutionDue"]! + pause, (DateTimeOffset)item["sla"]!["resolutionDue"]!);
        Assert.Null(item["sla"]!["pausedAt"]);
        Assert.Equal(("paused", (double)pausedView["remainingMinutes"]!), ((string)pausedLater["state"]!, (double)pausedLater["remainingMinutes"]!));
        Assert.Equal("running", (string)item["sla"]!["resolution"]!["state"]!);
        Assert.Equal(6000, (double)item["sla"]!["resolution"]!["targetMinutes"]!);
    }

    [Fact]
    public async Task Ask_OnAnItemNotClaimed_Conflicts_AndAnswer_WhenNotAsked_Conflicts()
    {
        var client = _factory.ClientAs(TestUser.AcmeClient);
        var submitted = await Api.SubmitAsync(client, "acme", "Unclaimed", "billing");
        var url = $"/api/tenants/acme/work-items/{submitted["id"]}";

        await Api.ProblemAsync(await Api.PostWithETagAsync(_factory.ClientAs(TestUser.Agent), $"{url}/questions", "\"1\"", new { question = "?" }), HttpStatusCode.Conflict);
        await Api.ProblemAsync(await Api.PostWithETagAsync(client, $"{url}/answer", "\"1\"", new { answer = "!" }), HttpStatusCode.Conflict);
        await Api.ProblemAsync(await Api.PostWithETagAsync(client, $"{url}/questions", "\"1\"", new { question = "?" }), HttpStatusCode.Forbidden);
    }
}
