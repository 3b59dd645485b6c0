using System.Net;
using System.Net.Http.Json;
using BackOffice.TenantApi.Tests.Infrastructure;

namespace BackOffice.TenantApi.Tests.Tenants;

/// <summary>What the admins' screens need of the API: reasons and history on status changes, onboarding in one step, an SLA preview.</summary>
public sealed class TenantAdminApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly string[] Weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday"];
    private readonly HttpClient _admin = factory.ClientAs(TestUser.Admin);

    private static object Sla(int hrP2Resolution = 480) => new
    {
        calendar = new { schedules = new[] { new { effectiveFrom = "2026-01-01", days = Weekdays.ToDictionary(d => d, _ => new[] { "09:00-17:00" }) } } },
        policies = new[] { "p1", "p2", "p3", "p4" }.Select(p => new { serviceLine = "hr", priority = p, firstResponseMinutes = 60, resolutionMinutes = p == "p2" ? hrP2Resolution : 600 }),
    };

    [Fact]
    public async Task StatusChange_WithoutAReason_NamesTheReasonAndChangesNothing()
    {
        await Api.OnboardActiveAsync(_admin, "soylent", Guid.NewGuid().ToString());

        var errors = await Api.ProblemAsync(await Api.PostWithETagAsync(_admin, "/api/tenants/soylent/suspend", "\"2\"", new { reason = " " }), HttpStatusCode.BadRequest);
        var noBody = await Api.PostWithETagAsync(_admin, "/api/tenants/soylent/suspend", "\"2\"");

        Assert.Equal(["reason"], errors.Keys);
        await Api.ProblemAsync(noBody, HttpStatusCode.BadRequest);
        Assert.Equal("active", (string)(await Api.JsonAsync(await _admin.GetAsync("/api/tenants/soylent")))["status"]!);
    }

    [Fact]
    public async Task StatusHistory_ListsEachChangeWithWhoAndWhy_ForProviderStaffOnly()
    {
        var directory = Guid.NewGuid().ToString();
        await Api.OnboardActiveAsync(_admin, "tyrell", directory);
        await Api.PostWithETagAsync(_admin, "/api/tenants/tyrell/suspend", "\"2\"", new { reason = "Invoices unpaid since March" });

        var changes = await (await _admin.GetAsync("/api/tenants/tyrell/status-history")).Content.ReadAsStringAsync();
        var client = factory.ClientAs(new TestUser("t1", "Tia", ["Client.Admin"], directory));

        Assert.Contains("\"suspended\"", changes);
        Assert.Contains("Invoices unpaid since March", changes);
        await Api.ProblemAsync(await client.GetAsync("/api/tenants/tyrell/status-history"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Onboard_WithSlaAndDedicatedQueues_StartsUnderThem()
    {
        var created = await _admin.PostAsJsonAsync("/api/tenants", new
        {
            id = "wonka", displayName = "Wonka", serviceLines = new[] { "hr" }, timeZone = "Europe/London", directoryIds = new[] { Guid.NewGuid() },
            sla = Sla(), dedicatedLines = new[] { "hr" },
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("hr.wonka", (string)(await Api.JsonAsync(created))["dedicatedQueues"]![0]!);
        var sla = await Api.JsonAsync(await _admin.GetAsync("/api/tenants/wonka/sla"));
        Assert.Equal((1L, "Europe/London"), ((long)sla["version"]!, (string)sla["calendar"]!["timeZone"]!));
    }

    [Fact]
    public async Task Onboard_WithABadPolicyOrDedicatedLine_NamesTheFieldsAndCreatesNothing()
    {
        var response = await _admin.PostAsJsonAsync("/api/tenants", new
        {
            id = "gringotts", displayName = "Gringotts", serviceLines = new[] { "hr" }, timeZone = "Europe/London", directoryIds = new[] { Guid.NewGuid() },
            sla = Sla(hrP2Resolution: 30), dedicatedLines = new[] { "orders" },
        });

        var errors = await Api.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["dedicatedLines", "sla.policies[1].resolutionMinutes"], errors.Keys.Order());
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync("/api/tenants/gringotts")).StatusCode);
    }

    [Fact]
    public async Task SlaPreview_GivesTheSamplesDueTimes_AndAnswersOnlyAdmins()
    {
        var request = new { timeZone = "Europe/London", serviceLines = new[] { "hr" }, sla = Sla(), serviceLine = "hr", priority = "p2", submittedAt = "2026-12-01T16:00:00Z" };

        var preview = await Api.JsonAsync(await _admin.PostAsJsonAsync("/api/tenants/sla-preview", request));
        var bySupervisor = await factory.ClientAs(TestUser.Supervisor).PostAsJsonAsync("/api/tenants/sla-preview", request);

        Assert.Equal(new DateTimeOffset(2026, 12, 1, 17, 0, 0, TimeSpan.Zero), DateTimeOffset.Parse((string)preview["firstResponseDue"]!));
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 16, 0, 0, TimeSpan.Zero), DateTimeOffset.Parse((string)preview["resolutionDue"]!));
        await Api.ProblemAsync(bySupervisor, HttpStatusCode.Forbidden);
    }
}
