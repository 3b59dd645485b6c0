using System.Net;
using System.Net.Http.Json;
using BackOffice.TenantApi.Tests.Infrastructure;

namespace BackOffice.TenantApi.Tests.Tenants;

public sealed class TenantsApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _admin = factory.ClientAs(TestUser.Admin);

    [Fact]
    public async Task Onboard_ThenGet_ReturnsTheTenantWithItsETag()
    {
        var created = await _admin.PostAsJsonAsync("/api/tenants", new
        {
            id = "initech", displayName = "Initech", serviceLines = new[] { "orders" }, timeZone = "Pacific/Auckland", directoryIds = new[] { Guid.NewGuid() },
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/tenants/initech", created.Headers.Location?.OriginalString);
        var fetched = await _admin.GetAsync("/api/tenants/initech");
        var body = await Api.JsonAsync(fetched);
        Assert.Equal(("Initech", "onboarding", "Pacific/Auckland"), ((string)body["displayName"]!, (string)body["status"]!, (string)body["timeZone"]!));
        Assert.Equal("\"1\"", fetched.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task StatusChanges_NeedTheCurrentETag()
    {
        await Api.OnboardActiveAsync(_admin, "hooli", Guid.NewGuid().ToString());

        await Api.ProblemAsync(await Api.PostWithETagAsync(_admin, "/api/tenants/hooli/suspend", "", Api.Because), HttpStatusCode.PreconditionRequired);
        await Api.ProblemAsync(await Api.PostWithETagAsync(_admin, "/api/tenants/hooli/suspend", "\"1\"", Api.Because), HttpStatusCode.PreconditionFailed);
        var suspended = await Api.PostWithETagAsync(_admin, "/api/tenants/hooli/suspend", "\"2\"", Api.Because);
        var reactivated = await Api.PostWithETagAsync(_admin, "/api/tenants/hooli/reactivate", suspended.Headers.ETag!.Tag, Api.Because);

        Assert.Equal("suspended", (string)(await Api.JsonAsync(suspended))["status"]!);
        Assert.Equal(("active", "\"4\""), ((string)(await Api.JsonAsync(reactivated))["status"]!, reactivated.Headers.ETag?.Tag));
    }

    [Fact]
    public async Task SuspendedTenant_ItsUsersCanReadButNotSubmit()
    {
        var directory = Guid.NewGuid().ToString();
        await Api.OnboardActiveAsync(_admin, "umbrella", directory);
        var client = factory.ClientAs(new TestUser("u1", "Una", ["Client.User"], directory));
        await Api.SubmitAsync(client, "umbrella");
        await Api.PostWithETagAsync(_admin, "/api/tenants/umbrella/suspend", "\"2\"", Api.Because);

        var list = await client.GetAsync("/api/tenants/umbrella/work-items");
        var submit = await client.PostAsJsonAsync("/api/tenants/umbrella/work-items", new { serviceLine = "hr", type = "leaver", priority = "p2", title = "Leaver" });

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        await Api.ProblemAsync(submit, HttpStatusCode.Forbidden);
        Assert.Single((await Api.JsonAsync(list))["items"]!.AsArray());
    }

    [Fact]
    public async Task OffboardedTenant_ItsUsersHaveNoAccess()
    {
        var directory = Guid.NewGuid().ToString();
        await Api.OnboardActiveAsync(_admin, "vandelay", directory);
        await Api.PostWithETagAsync(_admin, "/api/tenants/vandelay/offboard", "\"2\"", Api.Because);
        var client = factory.ClientAs(new TestUser("v1", "Vic", ["Client.Admin"], directory));

        await Api.ProblemAsync(await client.GetAsync("/api/tenants/vandelay"), HttpStatusCode.Forbidden);
        await Api.ProblemAsync(await client.GetAsync("/api/tenants/vandelay/work-items"), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await _admin.GetAsync("/api/tenants/vandelay")).StatusCode);
    }

    [Fact]
    public async Task Onboard_WithBadFields_NamesEachFieldAndStoresNothing()
    {
        var response = await _admin.PostAsJsonAsync("/api/tenants", new
        {
            id = "Bad Id!", displayName = new string('x', 201), serviceLines = new[] { "payroll" }, timeZone = "Mars/Olympus", directoryIds = new[] { "not-a-guid" },
        });

        var errors = await Api.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["directoryIds", "displayName", "id", "serviceLines", "timeZone"], errors.Keys.Order());
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync("/api/tenants/Bad%20Id!")).StatusCode);
    }

    [Fact]
    public async Task Onboard_WithATakenDirectory_Conflicts()
    {
        var directory = Guid.NewGuid().ToString();
        await Api.OnboardActiveAsync(_admin, "stark", directory);

        var again = await _admin.PostAsJsonAsync("/api/tenants", new { id = "stark-two", displayName = "Stark 2", serviceLines = new[] { "hr" }, timeZone = "UTC", directoryIds = new[] { directory } });

        await Api.ProblemAsync(again, HttpStatusCode.Conflict);
    }
}
