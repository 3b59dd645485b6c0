using System.Net;
using System.Text.Json.Nodes;
using BackOffice.TenantApi.Tests.Infrastructure;

namespace BackOffice.TenantApi.Tests.Sla;

/// <summary>The monitor, the outbox and the escalation run for real in one host, on a fake clock.</summary>
public sealed class SlaEscalationTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday10 = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private readonly FakeClockPlatform _platform = new(Monday10);
    private HttpClient _client = null!, _supervisor = null!, _agent = null!;

    public async Task InitializeAsync()
    {
        var admin = _platform.ClientAs(TestUser.Admin);
        (_client, _supervisor, _agent) = (_platform.ClientAs(TestUser.AcmeClient), _platform.ClientAs(TestUser.Supervisor), _platform.ClientAs(TestUser.Agent));
        await Api.OnboardActiveAsync(admin, "acme", TestUser.AcmeDirectory, "hr");
        // P1: due in 5 h, warned only late; P3: first response due in 10 min (warned at 5), resolved within 100 h; P4: first response
        // due in 60 min (warned at 30), so the warning is acknowledged long before the breach, however slowly the workers run.
        await Api.ChangeSlaAsync(admin, "acme", new
        {
            calendar = new { timeZone = "UTC", schedules = new[] { new { effectiveFrom = "2026-01-01", days = new Dictionary<string, string[]> { ["monday"] = ["09:00-17:00"] } } } },
            policies = new[] { ("p1", 300, 300, 90), ("p2", 300, 300, 90), ("p3", 10, 6000, 50), ("p4", 60, 6000, 50) }.Select(p => new
            {
                serviceLine = "hr", priority = p.Item1, firstResponseMinutes = p.Item2, resolutionMinutes = p.Item3, mode = "calendar", warningPercents = new[] { p.Item4 },
            }).ToArray(),
        });
    }

    public async Task DisposeAsync() => await _platform.DisposeAsync();

    private Task<JsonObject> AlertsAsync(string query = "") => Api.GetJsonAsync(_supervisor, $"/api/sla/alerts?pageSize=100{query}");

    private static IEnumerable<JsonNode> For(JsonObject page, JsonObject item) => page["items"]!.AsArray().Where(a => (string)a!["itemId"]! == (string)item["id"]!)!;

    [Fact]
    public async Task WarningAndBreach_AlertSupervisorsOnce_RaiseTheItem_AndTheBreachIsTheTenants()
    {
        var urgent = await Api.SubmitAsync(_client, "acme", "Urgent, due soonest", priority: "p1");
        var slow = await Api.SubmitAsync(_client, "acme", "Slow to start", priority: "p3");
        _platform.Clock.Advance(TimeSpan.FromMinutes(11));

        var alerts = await _platform.AdvanceUntilAsync(() => AlertsAsync(), a => For(a, slow).Count() >= 2);
        for (var i = 0; i < 5; i++) _platform.Clock.Advance(TimeSpan.FromMinutes(1));
        await Task.Delay(200);
        var later = await AlertsAsync();
        var breaches = await Api.GetJsonAsync(_client, "/api/tenants/acme/sla/breaches");
        var item = await Api.GetJsonAsync(_client, $"/api/tenants/acme/work-items/{slow["id"]}");
        var first = await Api.JsonAsync(await _agent.PostAsync("/api/queues/hr/claims", null));

        Assert.Equal([(50, false), (100, true)], For(alerts, slow).Select(a => ((int)a["percent"]!, (bool)a["breach"]!)).OrderBy(a => a.Item1));
        Assert.Equal(2, For(later, slow).Count());
        Assert.Empty(For(later, urgent));
        Assert.Equal("first-response", (string)breaches["items"]!.AsArray().Single()!["clock"]!);
        Assert.Equal(2, item["history"]!.AsArray().Count(h => (string)h!["action"]! == "raised-in-queue"));
        Assert.Equal((string)slow["id"]!, (string)first["id"]!);
    }

    [Fact]
    public async Task Acknowledge_TakesTheAlertOffTheUnacknowledgedList_AndOnlySupervisorsMayAcknowledge()
    {
        var slow = await Api.SubmitAsync(_client, "acme", "Needs a look", priority: "p4");
        _platform.Clock.Advance(TimeSpan.FromMinutes(31));
        var alerts = await _platform.AdvanceUntilAsync(() => AlertsAsync("&unacknowledged=true"), a => For(a, slow).Any());
        var alertId = (string)For(alerts, slow).Single()["id"]!;

        var byAgent = await _agent.PostAsync($"/api/sla/alerts/{alertId}/acknowledge", null);
        var acknowledged = await Api.JsonAsync(await _supervisor.PostAsync($"/api/sla/alerts/{alertId}/acknowledge", null));
        var unknown = await _supervisor.PostAsync($"/api/sla/alerts/{Guid.NewGuid()}/acknowledge", null);
        var open = await AlertsAsync("&unacknowledged=true");

        await Api.ProblemAsync(byAgent, HttpStatusCode.Forbidden);
        Assert.Equal("Sue Supervisor", (string)acknowledged["acknowledgedBy"]!);
        await Api.ProblemAsync(unknown, HttpStatusCode.NotFound);
        Assert.Empty(For(open, slow));
    }
}
