using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BackOffice.TenantApi.Tests.Infrastructure;

namespace BackOffice.TenantApi.Tests.Sla;

/// <summary>A client reads due times on its own clock: the zone its SLA is measured in.</summary>
public sealed class TenantZoneTests : IAsyncLifetime
{
    private readonly FakeClockPlatform _platform = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));

    public Task InitializeAsync() => Api.OnboardActiveAsync(_platform.ClientAs(TestUser.Admin), "acme", TestUser.AcmeDirectory, "hr");

    public async Task DisposeAsync() => await _platform.DisposeAsync();

    [Fact]
    public async Task AnItem_GivesItsDueTimesWithTheOffsetOfTheTenantsZone()
    {
        var client = _platform.ClientAs(TestUser.AcmeClient);
        var submitted = await Api.SubmitAsync(client, "acme", "Payroll question", priority: "p1");

        var raw = await client.GetStringAsync($"/api/tenants/acme/work-items/{submitted["id"]}");
        var sla = JsonNode.Parse(raw)!["sla"]!;

        // Submitted Monday 11:00 in Berlin; the default P1 gives one business hour to first response and four to resolution.
        Assert.Equal("Europe/Berlin", (string)sla["timeZone"]!);
        Assert.Contains("\"firstResponseDue\":\"2026-11-23T12:00:00+01:00\"", raw);
        Assert.Contains("\"resolutionDue\":\"2026-11-23T15:00:00+01:00\"", raw);
    }

    [Fact]
    public async Task TheSubmitAnswer_ListRows_TheClaimAndLaterChanges_GiveDueTimesInTheTenantsZoneToo()
    {
        var client = _platform.ClientAs(TestUser.AcmeClient);
        var created = await client.PostAsJsonAsync("/api/tenants/acme/work-items", new { serviceLine = "hr", type = "general", priority = "p1", title = "Payroll" });
        var list = JsonNode.Parse(await client.GetStringAsync("/api/tenants/acme/work-items"))!["items"]!.AsArray();
        var claim = await _platform.ClientAs(TestUser.Agent).PostAsync("/api/queues/hr/claims", null);

        foreach (var item in new[] { JsonNode.Parse(await created.Content.ReadAsStringAsync())!, list.Single()!, JsonNode.Parse(await claim.Content.ReadAsStringAsync())! })
        {
            var sla = item["sla"]!;
            Assert.Equal(("Europe/Berlin", "2026-11-23T12:00:00+01:00", "2026-11-23T15:00:00+01:00"),
                ((string)sla["timeZone"]!, (string)sla["firstResponseDue"]!, (string)sla["resolutionDue"]!));
        }
        Assert.Contains(",2026-11-23T15:00:00.0000000+01:00,", await client.GetStringAsync("/api/tenants/acme/work-items.csv"));
    }
}
