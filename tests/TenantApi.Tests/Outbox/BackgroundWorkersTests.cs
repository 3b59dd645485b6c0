using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BackOffice.TenantApi.Tests.Infrastructure;

namespace BackOffice.TenantApi.Tests.Outbox;

/// <summary>The hosted workers of the whole platform, run for real with short intervals.</summary>
public sealed class BackgroundWorkersTests : IAsyncLifetime
{
    private readonly HostFactory<AllRoles> _platform = new("Development", new Dictionary<string, string?>
    {
        ["Demo:Seed"] = "false",
        ["Queues:LeaseDuration"] = "00:00:01", ["Queues:SweepInterval"] = "00:00:00.100",
        ["SlaMonitor:Interval"] = "00:00:00.100", ["Outbox:PollInterval"] = "00:00:00.050",
    });

    public Task InitializeAsync() => Api.OnboardActiveAsync(_platform.ClientAs(TestUser.Admin), "acme", TestUser.AcmeDirectory, "hr");

    public async Task DisposeAsync() => await _platform.DisposeAsync();

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline) return value;
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task LeaseSweeper_ReturnsALapsedClaimToItsQueue()
    {
        var client = _platform.ClientAs(TestUser.AcmeClient);
        var item = await Api.SubmitAsync(client, "acme", "Claimed then forgotten");
        Assert.Equal(HttpStatusCode.OK, (await _platform.ClientAs(TestUser.Agent).PostAsync("/api/queues/hr/claims", null)).StatusCode);

        var url = $"/api/tenants/acme/work-items/{item["id"]}";
        var after = await EventuallyAsync(() => Api.GetJsonAsync(client, url), i => (string)i["status"]! == "new");

        Assert.Equal("new", (string)after["status"]!);
        Assert.Equal(["submitted", "claimed", "returned-to-queue"], after["history"]!.AsArray().Select(h => (string)h!["action"]!));
    }

    [Fact]
    public async Task SlaMonitor_FiresEachWarningOnce_AndTheFeedShowsThem()
    {
        var admin = _platform.ClientAs(TestUser.Admin);
        var current = await admin.GetAsync("/api/tenants/acme/sla");
        var put = new HttpRequestMessage(HttpMethod.Put, "/api/tenants/acme/sla")
        {
            Content = JsonContent.Create(new
            {
                calendar = new { timeZone = "UTC", schedules = new[] { new { effectiveFrom = "2026-01-01", days = new Dictionary<string, string[]> { ["monday"] = ["09:00-17:00"] } } } },
                policies = new[] { "p1", "p2", "p3", "p4" }.Select(p => new { serviceLine = "hr", priority = p, firstResponseMinutes = 1, resolutionMinutes = 600, mode = "calendar", warningPercents = new[] { 1, 2 } }).ToArray(),
            }),
        };
        put.Headers.TryAddWithoutValidation("If-Match", current.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(put)).StatusCode);
        var client = _platform.ClientAs(new TestUser("acme-admin", "Ada", ["Client.Admin"], TestUser.AcmeDirectory));
        await Api.SubmitAsync(client, "acme", "Watched closely");

        var feed = await EventuallyAsync(() => Api.GetJsonAsync(client, "/api/tenants/acme/activity?pageSize=100"),
            f => f["items"]!.AsArray().Count(e => ((string)e!["text"]!).StartsWith("SLA warning", StringComparison.Ordinal)) >= 2);
        await Task.Delay(500);
        var later = await Api.GetJsonAsync(client, "/api/tenants/acme/activity?pageSize=100");

        static int Warnings(JsonObject f) => f["items"]!.AsArray().Count(e => ((string)e!["text"]!).StartsWith("SLA warning: first response of \"Watched closely\"", StringComparison.Ordinal));
        Assert.Equal(2, Warnings(feed));
        Assert.Equal(2, Warnings(later));
    }
}
