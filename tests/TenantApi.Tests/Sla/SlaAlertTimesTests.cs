using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BackOffice.TenantApi.Tests.Infrastructure;

namespace BackOffice.TenantApi.Tests.Sla;

/// <summary>What an alert says about its clock, for a tenant with its own queue, on a fake clock.</summary>
public sealed class SlaAlertTimesTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday10 = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private readonly FakeClockPlatform _platform = new(Monday10);
    private HttpClient _client = null!, _supervisor = null!;

    public async Task InitializeAsync()
    {
        var admin = _platform.ClientAs(TestUser.Admin);
        (_client, _supervisor) = (_platform.ClientAs(TestUser.AcmeClient), _platform.ClientAs(TestUser.Supervisor));
        await Api.OnboardActiveAsync(admin, "acme", TestUser.AcmeDirectory, "hr");
        var tenant = await admin.GetAsync("/api/tenants/acme");
        var dedicate = new HttpRequestMessage(HttpMethod.Put, "/api/tenants/acme/dedicated-queues") { Content = JsonContent.Create(new { lines = new[] { "hr" } }) };
        dedicate.Headers.TryAddWithoutValidation("If-Match", tenant.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(dedicate)).StatusCode);
        // Calendar time in Berlin: first response due in 100 minutes, warned at 80%.
        await Api.ChangeSlaAsync(admin, "acme", new
        {
            calendar = new
            {
                timeZone = "Europe/Berlin",
                schedules = new[] { new { effectiveFrom = "2026-01-01", days = new Dictionary<string, string[]> { ["monday"] = ["09:00-17:00"] } } },
            },
            policies = new[] { "p1", "p2", "p3", "p4" }.Select(p => new
            {
                serviceLine = "hr", priority = p, firstResponseMinutes = 100, resolutionMinutes = 6000, mode = "calendar", warningPercents = new[] { 80 },
            }).ToArray(),
        });
    }

    public async Task DisposeAsync() => await _platform.DisposeAsync();

    [Fact]
    public async Task AWarning_InADedicatedQueue_IsListedByThatQueue_WithItsThreshold_ItsDueTime_AndWhenItFired()
    {
        var item = await Api.SubmitAsync(_client, "acme", "Late to start");
        _platform.Clock.Advance(TimeSpan.FromMinutes(83));

        var alerts = await _platform.AdvanceUntilAsync(() => Api.GetJsonAsync(_supervisor, "/api/sla/alerts?queue=hr.acme"),
            a => a["items"]!.AsArray().Any(x => (string)x!["itemId"]! == (string)item["id"]!));
        var shared = await Api.GetJsonAsync(_supervisor, "/api/sla/alerts?queue=hr");
        var bad = await Api.ProblemAsync(await _supervisor.GetAsync("/api/sla/alerts?queue=hr.Not%20A%20Tenant"), HttpStatusCode.BadRequest);

        var warning = alerts["items"]!.AsArray().Single()!;
        Assert.Equal(("hr.acme", 80, "Europe/Berlin"), ((string)warning["queue"]!, (int)warning["percent"]!, (string)warning["timeZone"]!));
        Assert.Equal(Monday10.AddMinutes(80), (DateTimeOffset)warning["thresholdAt"]!);
        Assert.Equal(Monday10.AddMinutes(100), (DateTimeOffset)warning["dueAt"]!);
        Assert.True((DateTimeOffset)warning["firedAt"]! >= Monday10.AddMinutes(83));
        Assert.Equal(TimeSpan.FromHours(1), ((DateTimeOffset)warning["dueAt"]!).Offset);
        Assert.Empty(shared["items"]!.AsArray());
        Assert.Equal(["queue"], bad.Keys);
        var feed = await _client.GetStringAsync("/api/tenants/acme/activity");
        Assert.Contains($"due {Monday10.AddMinutes(100):u}", feed);
    }
}
