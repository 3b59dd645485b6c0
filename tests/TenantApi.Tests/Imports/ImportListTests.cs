using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using BackOffice.TenantApi.Tests.Infrastructure;

namespace BackOffice.TenantApi.Tests.Imports;

/// <summary>A tenant's list of its recent imports, with the worker running them, in one host on a fake clock.</summary>
public sealed class ImportListTests : IAsyncLifetime
{
    private const string Url = "/api/tenants/acme/imports";
    private const string EmployeeHeader = "fullName,email,nationalId,startDate,position,department,payAmount,payCurrency,payFrequency,bankAccount";
    private static readonly TestUser AcmeAdmin = new("acme-admin", "Ada Acme", [Core.Common.Roles.ClientAdmin], TestUser.AcmeDirectory);
    private readonly FakeClockPlatform _platform = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        var admin = _platform.ClientAs(TestUser.Admin);
        await Api.OnboardActiveAsync(admin, "acme", TestUser.AcmeDirectory, "hr");
        await Api.OnboardActiveAsync(admin, "globex", TestUser.GlobexDirectory, "hr");
        _admin = _platform.ClientAs(AcmeAdmin);
    }

    public async Task DisposeAsync() => await _platform.DisposeAsync();

    private async Task<JsonObject> ImportAsync(string row)
    {
        var started = await _admin.PostAsync($"{Url}/employees", new StringContent($"{EmployeeHeader}\n{row}", Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var url = started.Headers.Location!.ToString();
        return await _platform.AdvanceUntilAsync(() => Api.GetJsonAsync(_admin, url), j => (string)j["status"]! is "completed" or "failed");
    }

    [Fact]
    public async Task TheImportsList_ShowsTheTenantsImports_NewestFirst_ToItsAdmins_AndNothingToAnotherTenantOrAPlainUser()
    {
        var good = await ImportAsync("Jane Doe,jane@acme.test,AB1C,2026-03-01,Analyst,Finance,52000,GBP,annual,GB1");
        var bad = await ImportAsync("John Roe,john@acme.test,AB2C,03/01/2026,Analyst,Finance,52000,GBP,annual,GB2");
        var globexAdmin = _platform.ClientAs(TestUser.GlobexClient);

        var list = await Api.JsonAsync(await _admin.GetAsync(Url), "imports");
        var byGlobex = await globexAdmin.GetAsync(Url);
        var globexOwn = await Api.JsonAsync(await globexAdmin.GetAsync("/api/tenants/globex/imports"), "imports");
        var byPlainUser = await _platform.ClientAs(TestUser.AcmeClient).GetAsync(Url);

        Assert.Equal([(string)bad["id"]!, (string)good["id"]!], list.AsArray().Select(j => (string)j!["id"]!));
        Assert.Equal(("failed", "employees", "startDate"), ((string)list[0]!["status"]!, (string)list[0]!["kind"]!, (string)list[0]!["errors"]![0]!["column"]!));
        Assert.Equal(("completed", 1), ((string)list[1]!["status"]!, (int)list[1]!["created"]!));
        await Api.ProblemAsync(byGlobex, HttpStatusCode.NotFound);
        Assert.Empty(globexOwn.AsArray());
        await Api.ProblemAsync(byPlainUser, HttpStatusCode.Forbidden);
    }
}
