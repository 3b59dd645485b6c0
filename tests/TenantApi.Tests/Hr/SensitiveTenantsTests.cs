using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BackOffice.TenantApi.Tests.Infrastructure;

namespace BackOffice.TenantApi.Tests.Hr;

/// <summary>An HR-skilled agent sees sensitive values only of the tenants his profile serves: least privilege.</summary>
public sealed class SensitiveTenantsTests : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private static readonly TestUser AcmeAdmin = new("acme-admin", "Ada Acme", [Core.Common.Roles.ClientAdmin], TestUser.AcmeDirectory);
    private static readonly TestUser EveryTenant = new("hr-all", "Hal HR", [Core.Common.Roles.Agent], TestUser.ProviderDirectory);
    private static readonly TestUser GlobexOnly = new("hr-globex", "Gil HR", [Core.Common.Roles.Agent], TestUser.ProviderDirectory);
    private static readonly TestUser NoTenant = new("hr-none", "Nat HR", [Core.Common.Roles.Agent], TestUser.ProviderDirectory);
    private readonly ApiFactory _factory;

    public SensitiveTenantsTests(ApiFactory factory) => _factory = factory;

    public async Task InitializeAsync()
    {
        var admin = _factory.ClientAs(TestUser.Admin);
        await Api.OnboardActiveAsync(admin, "acme", TestUser.AcmeDirectory, "hr");
        await Api.OnboardActiveAsync(admin, "globex", TestUser.GlobexDirectory, "hr");
        var supervisor = _factory.ClientAs(TestUser.Supervisor);
        await Api.PutAgentAsync(supervisor, "hr-all", new { name = "Hal HR", lines = new[] { "hr" }, wipLimit = 50 });
        await Api.PutAgentAsync(supervisor, "hr-globex", new { name = "Gil HR", lines = new[] { "hr" }, tenants = new[] { "globex" }, wipLimit = 50 });
        await Api.PutAgentAsync(supervisor, "hr-none", new { name = "Nat HR", lines = new[] { "hr" }, tenants = Array.Empty<string>(), wipLimit = 50 });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<JsonObject> HireAsync(TestUser client, string tenant, string nationalId)
    {
        var response = await _factory.ClientAs(client).PostAsJsonAsync($"/api/tenants/{tenant}/work-items", new
        {
            serviceLine = "hr", type = "new-hire", priority = "p2", title = "Hire",
            payload = new
            {
                fullName = "Jane Doe", email = "jane@example.test", nationalId, startDate = "2026-03-01", position = "Analyst", department = "Finance",
                pay = new { amount = 52000, currency = "GBP", frequency = "annual" }, bankAccount = "GB29NWBK60161331926819",
            },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await Api.JsonAsync(response);
    }

    [Fact]
    public async Task AnHrAgent_SeesSensitiveValues_OnlyOfTheTenantsHisProfileServes_InItemsEmployeesAndExports()
    {
        var acmeItem = await HireAsync(AcmeAdmin, "acme", "AC111111A");
        var globexItem = await HireAsync(TestUser.GlobexClient, "globex", "GX222222B");
        var all = _factory.ClientAs(EveryTenant);
        HttpResponseMessage claim;
        while ((string)(await Api.JsonAsync(claim = await all.PostAsync("/api/queues/hr/claims", null)))["id"]! != (string)acmeItem["id"]!) { }
        var resolved = await Api.JsonAsync(await Api.ResolveAsync(all, $"/api/tenants/acme/work-items/{acmeItem["id"]}", claim));
        var employee = $"/api/tenants/acme/employees/{resolved["history"]!.AsArray().Last()!["details"]!["employeeId"]}";
        var globexOnly = _factory.ClientAs(GlobexOnly);
        var none = _factory.ClientAs(NoTenant);

        var otherTenantsItem = await Api.GetJsonAsync(globexOnly, $"/api/tenants/acme/work-items/{acmeItem["id"]}");
        var otherTenantsEmployee = await Api.GetJsonAsync(globexOnly, employee);
        var otherTenantsCsv = await globexOnly.GetStringAsync("/api/tenants/acme/employees.csv");
        var ownTenantsItem = await Api.GetJsonAsync(globexOnly, $"/api/tenants/globex/work-items/{globexItem["id"]}");
        var noTenantsItem = await Api.GetJsonAsync(none, $"/api/tenants/globex/work-items/{globexItem["id"]}");
        var everyTenantsEmployee = await Api.GetJsonAsync(all, employee);

        Assert.Equal("••••111A", (string)otherTenantsItem["payload"]!["nationalId"]!);
        Assert.Equal((true, null, "••••111A"), ((bool)otherTenantsEmployee["sensitiveMasked"]!, otherTenantsEmployee["pay"], (string)otherTenantsEmployee["nationalId"]!));
        Assert.DoesNotContain("AC111111A", otherTenantsCsv);
        Assert.DoesNotContain("52000", otherTenantsCsv);
        Assert.Equal("GX222222B", (string)ownTenantsItem["payload"]!["nationalId"]!);
        Assert.Equal("••••222B", (string)noTenantsItem["payload"]!["nationalId"]!);
        Assert.Equal(("AC111111A", false), ((string)everyTenantsEmployee["nationalId"]!, (bool)everyTenantsEmployee["sensitiveMasked"]!));
    }
}
