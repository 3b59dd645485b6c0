using System.Net;
using System.Text.Json.Nodes;
using BackOffice.TenantApi.Tests.Infrastructure;

namespace BackOffice.TenantApi.Tests.Queues;

/// <summary>The forecast over a real queue: its backlog, the agent on shift and the pace of their recent work; on a fake clock.</summary>
public sealed class BreachForecastApiTests : IAsyncLifetime
{
    private readonly FakeClockPlatform _platform = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
    private HttpClient _client = null!, _agent = null!, _supervisor = null!;

    public async Task InitializeAsync()
    {
        var admin = _platform.ClientAs(TestUser.Admin);
        (_client, _agent, _supervisor) = (_platform.ClientAs(TestUser.AcmeClient), _platform.ClientAs(TestUser.Agent), _platform.ClientAs(TestUser.Supervisor));
        await Api.OnboardActiveAsync(admin, "acme", TestUser.AcmeDirectory, "hr");
        await Api.ChangeSlaAsync(admin, "acme", new
        {
            calendar = new { timeZone = "UTC", schedules = new[] { new { effectiveFrom = "2026-01-01", days = new Dictionary<string, string[]> { ["monday"] = ["09:00-17:00"] } } } },
            policies = new[] { "p1", "p2", "p3", "p4" }.Select(p => new { serviceLine = "hr", priority = p, firstResponseMinutes = 30, resolutionMinutes = 600, mode = "calendar" }).ToArray(),
        });
    }

    public async Task DisposeAsync() => await _platform.DisposeAsync();

    private Task<JsonObject> ForecastAsync(string query = "") => Api.GetJsonAsync(_supervisor, $"/api/queues/hr/forecast?hours=2{query}");

    [Fact]
    public async Task OneAgentWorkingTwentyMinutesAnItem_LeavesTheThirdAndFourthItemsLateForFirstResponse()
    {
        var done = await Api.SubmitAsync(_client, "acme", "Done earlier");
        var claim = await _agent.PostAsync("/api/queues/hr/claims", null);
        _platform.Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.OK, (await Api.PostWithETagAsync(_agent, $"/api/tenants/acme/work-items/{done["id"]}/resolve", claim.Headers.ETag!.Tag, new { comment = "Done" })).StatusCode);
        var items = new List<string>();
        for (var i = 1; i <= 4; i++) items.Add((string)(await Api.SubmitAsync(_client, "acme", $"Hire {i}"))["id"]!);

        var forecast = await ForecastAsync();
        var whatIf = await ForecastAsync("&agents=2");

        Assert.Equal((1, 20.0, 4), ((int)forecast["agents"]!, (double)forecast["handlingMinutes"]!, (int)forecast["backlog"]!));
        Assert.Equal([(items[2], "first-response"), (items[3], "first-response")],
            forecast["atRisk"]!.AsArray().Select(r => ((string)r!["itemId"]!, (string)r["clock"]!)));
        Assert.Empty(whatIf["atRisk"]!.AsArray());
    }

    [Fact]
    public async Task WorkResolvedInSeconds_IsPlannedAtTheFloor_AndBreachedItemsAreCountedAndListedApart()
    {
        var quick = await Api.SubmitAsync(_client, "acme", "Demo work");
        var claim = await _agent.PostAsync("/api/queues/hr/claims", null);
        _platform.Clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(HttpStatusCode.OK, (await Api.ResolveAsync(_agent, $"/api/tenants/acme/work-items/{quick["id"]}", claim)).StatusCode);
        var late = new[] { await Api.SubmitAsync(_client, "acme", "Late 1"), await Api.SubmitAsync(_client, "acme", "Late 2") };
        _platform.Clock.Advance(TimeSpan.FromMinutes(31));
        var onTime = await Api.SubmitAsync(_client, "acme", "On time");

        var forecast = await ForecastAsync();

        Assert.Equal((5.0, 3, 2), ((double)forecast["handlingMinutes"]!, (int)forecast["backlog"]!, (int)forecast["alreadyBreached"]!));
        Assert.Equal(late.Select(i => ((string)i["id"]!, "first-response")),
            forecast["breached"]!.AsArray().Select(r => ((string)r!["itemId"]!, (string)r["clock"]!)));
        Assert.DoesNotContain(forecast["atRisk"]!.AsArray(), r => (string)r!["itemId"]! == (string)onTime["id"]!);
        var general = forecast["handling"]!.AsArray().Single()!;
        Assert.Equal(("general", 5.0, 1), ((string)general["type"]!, (double)general["minutes"]!, (int)general["resolutions"]!));
    }

    [Fact]
    public async Task Forecast_IsForSupervisors_AndNamesBadParameters()
    {
        await Api.ProblemAsync(await _agent.GetAsync("/api/queues/hr/forecast"), HttpStatusCode.Forbidden);
        var errors = await Api.ProblemAsync(await _supervisor.GetAsync("/api/queues/nope/forecast?hours=0&agents=-1"), HttpStatusCode.BadRequest);

        Assert.Equal(["agents", "hours", "queue"], errors.Keys.Order());
    }
}
