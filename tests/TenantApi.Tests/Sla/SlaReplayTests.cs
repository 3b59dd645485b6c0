using System.Net;
using System.Text.Json.Nodes;
using BackOffice.TenantApi.Tests.Infrastructure;

namespace BackOffice.TenantApi.Tests.Sla;

/// <summary>Replaying an item's clocks after its tenant's calendar was corrected, on a fake clock.</summary>
public sealed class SlaReplayTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday10 = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private readonly FakeClockPlatform _platform = new(Monday10);
    private HttpClient _admin = null!, _client = null!, _supervisor = null!;

    public async Task InitializeAsync()
    {
        (_admin, _client, _supervisor) = (_platform.ClientAs(TestUser.Admin), _platform.ClientAs(TestUser.AcmeClient), _platform.ClientAs(TestUser.Supervisor));
        await Api.OnboardActiveAsync(_admin, "acme", TestUser.AcmeDirectory, "hr");
        await Api.ChangeSlaAsync(_admin, "acme", Sla());
    }

    public async Task DisposeAsync() => await _platform.DisposeAsync();

    /// <summary>Monday to Friday 09:00-17:00 UTC; every hr item has one working day (480 min) to be resolved.</summary>
    private static object Sla(params string[] holidays) => new
    {
        calendar = new
        {
            timeZone = "UTC",
            schedules = new[] { new { effectiveFrom = "2026-01-01", days = new[] { "monday", "tuesday", "wednesday", "thursday", "friday" }.ToDictionary(d => d, _ => new[] { "09:00-17:00" }) } },
            holidays = holidays.Select(d => new { date = d, name = "Late holiday" }).ToArray(),
        },
        policies = new[] { "p1", "p2", "p3", "p4" }.Select(p => new { serviceLine = "hr", priority = p, firstResponseMinutes = 60, resolutionMinutes = 480, mode = "business" }).ToArray(),
    };

    private async Task<JsonObject> ResolvedOnWednesdayAsync()
    {
        var item = await Api.SubmitAsync(_client, "acme", "Hire Jane");
        var agent = _platform.ClientAs(TestUser.Agent);
        _platform.Clock.Advance(new DateTimeOffset(2026, 11, 25, 9, 25, 0, TimeSpan.Zero) - _platform.Clock.GetUtcNow());
        var claim = await agent.PostAsync("/api/queues/hr/claims", null);
        _platform.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(HttpStatusCode.OK, (await Api.PostWithETagAsync(agent, $"/api/tenants/acme/work-items/{item["id"]}/resolve", claim.Headers.ETag!.Tag, new { comment = "Done" })).StatusCode);
        return await Api.GetJsonAsync(_client, $"/api/tenants/acme/work-items/{item["id"]}");
    }

    private async Task<JsonNode> ReportRowAsync() => (await Api.GetJsonAsync(_admin, "/api/tenants/acme/sla/report?period=2026-11"))["rows"]!.AsArray().Single()!;

    [Fact]
    public async Task Replay_AfterAHolidayEnteredLate_KeepsOldAndNewFigures_AndTheReportUsesTheNewOnes()
    {
        var item = await ResolvedOnWednesdayAsync();
        var before = await ReportRowAsync();
        await Api.ChangeSlaAsync(_admin, "acme", Sla("2026-11-24"));

        var replay = await Api.PostWithETagAsync(_supervisor, $"/api/tenants/acme/work-items/{item["id"]}/sla/replay", (string)item["eTag"]!, new { reason = "Tuesday was a holiday, entered late" });
        var replayed = await Api.JsonAsync(replay);
        var after = await ReportRowAsync();

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero), (DateTimeOffset)item["sla"]!["resolutionDue"]!);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero), (DateTimeOffset)replayed["sla"]!["resolutionDue"]!);
        var entry = replayed["history"]!.AsArray().Last()!;
        Assert.Equal(("sla-replayed", "Sue Supervisor"), ((string)entry["action"]!, (string)entry["actor"]!));
        Assert.Equal("Tuesday was a holiday, entered late", (string)entry["details"]!["reason"]!);
        Assert.Equal("2026-11-24T10:00:00.0000000+00:00 -> 2026-11-25T10:00:00.0000000+00:00", (string)entry["details"]!["resolutionDue"]!);
        Assert.Equal("1 -> 2", (string)entry["details"]!["slaVersion"]!);
        Assert.Equal((1, 0), ((int)before["breaches"]!, (int)before["withinTarget"]!));
        Assert.Equal((0, 1), ((int)after["breaches"]!, (int)after["withinTarget"]!));
        Assert.Equal(450, (double)after["resolutionMedian"]!);
    }

    [Fact]
    public async Task Replay_IsForSupervisorsAndAdmins_AndNamesBadFields()
    {
        var item = await Api.SubmitAsync(_client, "acme", "Hire Joe");
        var url = $"/api/tenants/acme/work-items/{item["id"]}/sla/replay";

        await Api.ProblemAsync(await Api.PostWithETagAsync(_client, url, "\"1\"", new { reason = "Mine" }), HttpStatusCode.Forbidden);
        var errors = await Api.ProblemAsync(await Api.PostWithETagAsync(_supervisor, url, "\"1\"", new { reason = " ", slaVersion = 99, discardPauses = new[] { DateTimeOffset.UnixEpoch } }),
            HttpStatusCode.BadRequest);
        await Api.ProblemAsync(await Api.PostWithETagAsync(_supervisor, url, "\"7\"", new { reason = "Stale" }), HttpStatusCode.PreconditionFailed);
        var unchanged = await Api.GetJsonAsync(_client, $"/api/tenants/acme/work-items/{item["id"]}");

        Assert.Equal(["discardPauses", "reason", "slaVersion"], errors.Keys.Order());
        Assert.Equal("\"1\"", (string)unchanged["eTag"]!);
    }

    [Fact]
    public async Task Replay_CanDiscardAWaitOnTheClientThatWasAMistake_CountingItsTimeAgain()
    {
        var agent = _platform.ClientAs(TestUser.Agent);
        var item = await Api.SubmitAsync(_client, "acme", "Asked by mistake");
        var url = $"/api/tenants/acme/work-items/{item["id"]}";
        var claim = await agent.PostAsync("/api/queues/hr/claims", null);
        var asked = await Api.PostWithETagAsync(agent, $"{url}/questions", claim.Headers.ETag!.Tag, new { question = "Which Jane?" });
        _platform.Clock.Advance(TimeSpan.FromMinutes(30));
        var answered = await Api.PostWithETagAsync(_client, $"{url}/answer", asked.Headers.ETag!.Tag, new { answer = "Never mind" });
        var paused = await Api.JsonAsync(answered);
        var askedAt = paused["history"]!.AsArray().Single(h => (string)h!["action"]! == "asked-client")!["at"]!.GetValue<DateTimeOffset>();

        var replay = await Api.PostWithETagAsync(_supervisor, $"{url}/sla/replay", answered.Headers.ETag!.Tag, new { reason = "The question was a mistake", discardPauses = new[] { askedAt } });
        var corrected = await Api.JsonAsync(replay);

        Assert.Equal((DateTimeOffset)item["sla"]!["resolutionDue"]! + TimeSpan.FromMinutes(30), (DateTimeOffset)paused["sla"]!["resolutionDue"]!);
        Assert.Equal((DateTimeOffset)item["sla"]!["resolutionDue"]!, (DateTimeOffset)corrected["sla"]!["resolutionDue"]!);
    }
}
