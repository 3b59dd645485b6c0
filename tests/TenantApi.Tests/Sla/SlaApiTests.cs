using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BackOffice.TenantApi.Tests.Infrastructure;

namespace BackOffice.TenantApi.Tests.Sla;

public sealed class SlaApiTests : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly ApiFactory _factory;
    private readonly HttpClient _admin;

    public SlaApiTests(ApiFactory factory)
    {
        _factory = factory;
        _admin = factory.ClientAs(TestUser.Admin);
    }

    public Task InitializeAsync() => Api.OnboardActiveAsync(_admin, "acme", TestUser.AcmeDirectory, "hr", "orders");

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Calendar-time targets (no calendar needed to check them): resolution in 60, 120, 240 or 480 minutes by priority.</summary>
    private static object CalendarTimeSla(string timeZone = "Europe/Berlin") => new
    {
        calendar = new
        {
            timeZone,
            schedules = new[] { new { effectiveFrom = "2026-01-01", days = new Dictionary<string, string[]> { ["monday"] = ["08:00-12:00", "13:00-17:30"] } } },
            holidays = new[] { new { date = "2026-12-25", name = "Christmas", closed = (string?)null } },
        },
        policies = new[] { "hr", "orders" }.SelectMany(line => new[] { ("p1", 60), ("p2", 120), ("p3", 240), ("p4", 480) }.Select(p => new
        {
            serviceLine = line, priority = p.Item1, firstResponseMinutes = p.Item2 / 4, resolutionMinutes = p.Item2, mode = "calendar",
            warningPercents = new[] { 50, 80 }, creditPercent = 5,
        })).ToArray(),
    };

    private async Task<string> CurrentETagAsync() => (await _admin.GetAsync("/api/tenants/acme/sla")).Headers.ETag!.Tag;

    private async Task<HttpResponseMessage> PutAsync(object body, string? etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, "/api/tenants/acme/sla") { Content = JsonContent.Create(body) };
        if (etag is not null) request.Headers.TryAddWithoutValidation("If-Match", etag);
        return await _admin.SendAsync(request);
    }

    [Fact]
    public async Task Get_BeforeAnyChange_IsThePlatformDefaultInTheTenantsZone()
    {
        var sla = await Api.GetJsonAsync(_admin, "/api/tenants/acme/sla");

        Assert.Equal("Europe/Berlin", (string)sla["calendar"]!["timeZone"]!);
        Assert.Equal(8, sla["policies"]!.AsArray().Count);
        Assert.Contains(sla["policies"]!.AsArray(), p => (string)p!["priority"]! == "p1" && (int)p["resolutionMinutes"]! == 240);
    }

    [Fact]
    public async Task Get_ClientAdminsReadTheirOwn_ClientUsersMayNot()
    {
        var admin = new TestUser("acme-admin", "Ada Acme", ["Client.Admin"], TestUser.AcmeDirectory);

        Assert.Equal(HttpStatusCode.OK, (await _factory.ClientAs(admin).GetAsync("/api/tenants/acme/sla")).StatusCode);
        await Api.ProblemAsync(await _factory.ClientAs(TestUser.AcmeClient).GetAsync("/api/tenants/acme/sla"), HttpStatusCode.Forbidden);
        await Api.ProblemAsync(await _factory.ClientAs(admin).PutAsJsonAsync("/api/tenants/acme/sla", CalendarTimeSla()), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Put_WithBadFields_NamesEachOneAndChangesNothing()
    {
        var etag = await CurrentETagAsync();
        var body = new
        {
            calendar = new { timeZone = "Mars/Olympus", schedules = new[] { new { effectiveFrom = "2026-13-01", days = new Dictionary<string, string[]> { ["monday"] = ["17:00-09:00"] } } } },
            policies = new[] { new { serviceLine = "hr", priority = "p1", firstResponseMinutes = 60, resolutionMinutes = 30, mode = "lunar" } },
        };

        var errors = await Api.ProblemAsync(await PutAsync(body, etag), HttpStatusCode.BadRequest);

        Assert.Superset(new HashSet<string> { "calendar.schedules[0].effectiveFrom", "calendar.schedules[0].days.monday", "policies[0].resolutionMinutes", "policies[0].mode", "policies" }, errors.Keys.ToHashSet());
        Assert.Equal(etag, await CurrentETagAsync());
    }

    [Fact]
    public async Task Put_SettingsThatCouldNotGiveDueTimes_AreRefusedByField_AndWorkCanStillBeSubmitted()
    {
        var etag = await CurrentETagAsync();
        static object With(object calendar, int resolutionMinutes = 480) => new
        {
            calendar,
            policies = new[] { "hr", "orders" }.SelectMany(line => new[] { "p1", "p2", "p3", "p4" }.Select(p => new
            {
                serviceLine = line, priority = p, firstResponseMinutes = 60, resolutionMinutes, mode = "business",
            })).ToArray(),
        };
        static object Calendar(string effectiveFrom, string hours) =>
            new { timeZone = "Europe/Berlin", schedules = new[] { new { effectiveFrom, days = new Dictionary<string, string[]> { ["monday"] = [hours] } } } };

        var oneMinute = await Api.ProblemAsync(await PutAsync(With(Calendar("2026-01-01", "09:00-09:01"), 60), etag), HttpStatusCode.BadRequest);
        var endOfTime = await Api.ProblemAsync(await PutAsync(With(Calendar("9999-12-31", "09:00-17:00")), etag), HttpStatusCode.BadRequest);
        var longest = await Api.ProblemAsync(await PutAsync(With(Calendar("2026-01-01", "09:00-17:00"), int.MaxValue), etag), HttpStatusCode.BadRequest);
        var submitted = await Api.SubmitAsync(_factory.ClientAs(TestUser.AcmeClient), "acme", "Still accepted", priority: "p4");

        Assert.Equal(["calendar.schedules[0].days"], oneMinute.Keys);
        Assert.Equal(["calendar.schedules", "calendar.schedules[0].effectiveFrom"], endOfTime.Keys.Order());
        Assert.Equal(8, longest.Keys.Count(k => k.EndsWith(".resolutionMinutes", StringComparison.Ordinal)));
        Assert.Equal(etag, await CurrentETagAsync());
        Assert.NotNull(submitted["sla"]!["resolutionDue"]);
    }

    [Fact]
    public async Task Put_NeedsTheCurrentVersionAndMakesANewOne()
    {
        var etag = await CurrentETagAsync();

        await Api.ProblemAsync(await PutAsync(CalendarTimeSla(), null), HttpStatusCode.PreconditionRequired);
        var changed = await PutAsync(CalendarTimeSla(), etag);
        var stale = await PutAsync(CalendarTimeSla(), etag);

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(ETagAfter(etag), changed.Headers.ETag?.Tag);
        await Api.ProblemAsync(stale, HttpStatusCode.PreconditionFailed);
        var holidays = (await Api.GetJsonAsync(_admin, "/api/tenants/acme/sla"))["calendar"]!["holidays"]!.AsArray();
        Assert.Equal("2026-12-25", (string)holidays.Single()!["date"]!);
    }

    [Fact]
    public async Task Items_KeepTheVersionTheyWereSubmittedUnder_AndAPriorityChangeReschedules()
    {
        var client = _factory.ClientAs(TestUser.AcmeClient);
        var versionBefore = (long)(await Api.GetJsonAsync(_admin, "/api/tenants/acme/sla"))["version"]!;
        var before = await Api.SubmitAsync(client, "acme", "Before the change");
        await PutAsync(CalendarTimeSla(), await CurrentETagAsync());
        var after = await Api.SubmitAsync(client, "acme", "After the change", priority: "p3");
        var version = (long)(await Api.GetJsonAsync(_admin, "/api/tenants/acme/sla"))["version"]!;

        var edited = await Api.JsonAsync(await Api.PatchAsync(client, $"/api/tenants/acme/work-items/{after["id"]}", "\"1\"", new { priority = "p1" }));

        Assert.Equal(versionBefore, (long)before["sla"]!["slaVersion"]!);
        Assert.Equal((versionBefore + 1, versionBefore + 1), (version, (long)after["sla"]!["slaVersion"]!));
        var created = (DateTimeOffset)after["createdAt"]!;
        Assert.Equal(created.AddMinutes(240), (DateTimeOffset)after["sla"]!["resolutionDue"]!);
        Assert.Equal(created.AddMinutes(60), (DateTimeOffset)edited["sla"]!["resolutionDue"]!);
        Assert.Equal(created.AddMinutes(15), (DateTimeOffset)edited["sla"]!["firstResponseDue"]!);
    }

    [Fact]
    public async Task Claims_TakeTheEarliestDueFirst_NotTheOldest()
    {
        var agent = _factory.ClientAs(TestUser.Agent);
        while ((await agent.PostAsync("/api/queues/orders/claims", null)).StatusCode == HttpStatusCode.OK) { }
        var client = _factory.ClientAs(TestUser.AcmeClient);
        var older = await Api.SubmitAsync(client, "acme", "Older, low priority", "orders", "p4");
        var urgent = await Api.SubmitAsync(client, "acme", "Newer, urgent", "orders", "p1");

        var first = await Api.JsonAsync(await agent.PostAsync("/api/queues/orders/claims", null));
        var second = await Api.JsonAsync(await agent.PostAsync("/api/queues/orders/claims", null));

        Assert.Equal(((string)urgent["id"]!, (string)older["id"]!), ((string)first["id"]!, (string)second["id"]!));
    }

    private static string ETagAfter(string etag) => $"\"{long.Parse(etag.Trim('"')) + 1}\"";
}
