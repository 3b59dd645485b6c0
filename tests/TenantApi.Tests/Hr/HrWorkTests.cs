using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BackOffice.Core.WorkItems.ResolveWorkItem;
using BackOffice.TenantApi.Tests.Infrastructure;

namespace BackOffice.TenantApi.Tests.Hr;

/// <summary>HR work end to end: typed payloads in, employee records out, sensitive fields only for those who need them.</summary>
public sealed class HrWorkTests : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private static readonly TestUser AcmeAdmin = new("acme-admin", "Ada Acme", [Core.Common.Roles.ClientAdmin], TestUser.AcmeDirectory);
    private static readonly TestUser HrAgent = new("hr-agent", "Harriet HR", [Core.Common.Roles.Agent], TestUser.ProviderDirectory);
    private readonly ApiFactory _factory;
    private readonly HttpClient _admin, _user, _agent, _supervisor;

    public HrWorkTests(ApiFactory factory) => (_factory, _admin, _user, _agent, _supervisor) =
        (factory, factory.ClientAs(AcmeAdmin), factory.ClientAs(TestUser.AcmeClient), factory.ClientAs(HrAgent), factory.ClientAs(TestUser.Supervisor));

    public async Task InitializeAsync()
    {
        await Api.OnboardActiveAsync(_factory.ClientAs(TestUser.Admin), "acme", TestUser.AcmeDirectory, "hr");
        await Api.PutAgentAsync(_supervisor, "hr-agent", new { name = "Harriet HR", lines = new[] { "hr" }, wipLimit = 50 });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<JsonObject> SubmitAsync(string type, object payload)
    {
        var response = await _admin.PostAsJsonAsync("/api/tenants/acme/work-items", new { serviceLine = "hr", type, priority = "p2", title = type, payload });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await Api.JsonAsync(response);
    }

    /// <summary>The HR agent takes items until it has this one.</summary>
    private async Task<HttpResponseMessage> ClaimAsync(JsonObject item)
    {
        HttpResponseMessage claim;
        do claim = await _agent.PostAsync("/api/queues/hr/claims", null);
        while ((string)(await Api.JsonAsync(claim))["id"]! != (string)item["id"]!);
        return claim;
    }

    /// <summary>The HR agent takes items until it has this one, and resolves it.</summary>
    private async Task<HttpResponseMessage> WorkAsync(JsonObject item)
    {
        var claim = await ClaimAsync(item);
        return await Api.ResolveAsync(_agent, $"/api/tenants/acme/work-items/{item["id"]}", claim);
    }

    private static object Hire(string name) => new
    {
        fullName = name, email = "jane@acme.test", nationalId = "AB123456C", startDate = "2026-03-01", position = "Analyst", department = "Finance",
        pay = new { amount = 52000, currency = "GBP", frequency = "annual" }, bankAccount = "GB29NWBK60161331926819",
    };

    private async Task<string> HiredAsync(string name)
    {
        var resolved = await Api.JsonAsync(await WorkAsync(await SubmitAsync("new-hire", Hire(name))));
        return (string)resolved["history"]!.AsArray().Last()!["details"]!["employeeId"]!;
    }

    [Fact]
    public async Task ANewHire_CreatesTheEmployee_WithPayShownToTheClientAdminAndMaskedForItsUsersAndExports()
    {
        var id = await HiredAsync("Jane Doe");

        var forAdmin = await Api.GetJsonAsync(_admin, $"/api/tenants/acme/employees/{id}?asOf=2026-06-01");
        var forUser = await Api.GetJsonAsync(_user, $"/api/tenants/acme/employees/{id}?asOf=2026-06-01");
        var csv = await _user.GetStringAsync("/api/tenants/acme/employees.csv");

        Assert.Equal(("Jane Doe", "active", "Analyst", 52000m), ((string)forAdmin["fullName"]!, (string)forAdmin["status"]!, (string)forAdmin["position"]!, (decimal)forAdmin["pay"]!["amount"]!));
        Assert.Equal("AB123456C", (string)forAdmin["nationalId"]!);
        Assert.Null(forUser["pay"]);
        Assert.Equal(("••••456C", "••••6819", true), ((string)forUser["nationalId"]!, (string)forUser["bankAccount"]!, (bool)forUser["sensitiveMasked"]!));
        Assert.DoesNotContain("52000", csv);
        Assert.DoesNotContain("AB123456C", csv);
        Assert.Contains("Jane Doe", csv);
    }

    [Fact]
    public async Task AnHrSkilledAgent_SeesTheHiresPay_ASupervisorWithoutHrSkillsDoesNot()
    {
        var item = await SubmitAsync("new-hire", Hire("Sam Pay"));

        var agentView = await Api.GetJsonAsync(_agent, $"/api/tenants/acme/work-items/{item["id"]}");
        var supervisorView = await Api.GetJsonAsync(_supervisor, $"/api/tenants/acme/work-items/{item["id"]}");

        Assert.Equal(52000m, (decimal)agentView["payload"]!["pay"]!["amount"]!);
        Assert.Equal(("masked", "••••456C"), ((string)supervisorView["payload"]!["pay"]!, (string)supervisorView["payload"]!["nationalId"]!));
    }

    [Fact]
    public async Task Claiming_AHire_ShowsItsPayOnlyToAnHrSkilledAgent()
    {
        var forSkilled = await SubmitAsync("new-hire", Hire("Kim Claim"));
        var forOther = await SubmitAsync("new-hire", Hire("Lou Claim"));

        var skilled = await ClaimUntilAsync(_agent, forSkilled);
        var other = await ClaimUntilAsync(_factory.ClientAs(TestUser.OtherAgent), forOther);

        Assert.Equal(52000m, (decimal)skilled["payload"]!["pay"]!["amount"]!);
        Assert.Equal(("masked", "••••456C"), ((string)other["payload"]!["pay"]!, (string)other["payload"]!["nationalId"]!));
    }

    private static async Task<System.Text.Json.Nodes.JsonObject> ClaimUntilAsync(HttpClient agent, System.Text.Json.Nodes.JsonObject item)
    {
        System.Text.Json.Nodes.JsonObject claimed;
        do claimed = await Api.JsonAsync(await agent.PostAsync("/api/queues/hr/claims", null));
        while ((string)claimed["id"]! != (string)item["id"]!);
        return claimed;
    }

    [Fact]
    public async Task AChangeAndALeaver_KeepEffectiveDatedHistory_AndEndTheRecord()
    {
        var id = await HiredAsync("Ravi Patel");
        await WorkAsync(await SubmitAsync("employee-change", new { employeeId = id, effectiveDate = "2026-09-01", position = "Senior Analyst" }));
        await WorkAsync(await SubmitAsync("leaver", new { employeeId = id, lastDay = "2026-12-31", reason = "Relocating", finalPay = new[] { new { description = "Holiday pay", amount = 812.5, currency = "GBP" } } }));

        var august = await Api.GetJsonAsync(_admin, $"/api/tenants/acme/employees/{id}?asOf=2026-08-31");
        var october = await Api.GetJsonAsync(_admin, $"/api/tenants/acme/employees/{id}?asOf=2026-10-01");
        var january = await Api.GetJsonAsync(_admin, $"/api/tenants/acme/employees/{id}?asOf=2027-01-01");

        Assert.Equal(("Analyst", "Senior Analyst"), ((string)august["position"]!, (string)october["position"]!));
        Assert.Equal(("active", "left", "2026-12-31"), ((string)october["status"]!, (string)january["status"]!, (string)january["lastDay"]!));
    }

    [Fact]
    public async Task FutureAndBackDatedPayChanges_ShowAsOfTheTenantsToday_InReadsListsAndExports_WithWhatIsScheduled()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var hire = (JsonObject)JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Hire("Fay Future")))!;
        hire["startDate"] = today.AddDays(-100).ToString("yyyy-MM-dd");
        var hired = await Api.JsonAsync(await WorkAsync(await SubmitAsync("new-hire", hire)));
        var id = (string)hired["history"]!.AsArray().Last()!["details"]!["employeeId"]!;
        await WorkAsync(await SubmitAsync("payroll-change", new
        {
            employeeId = id, effectiveDate = $"{today.AddDays(30):yyyy-MM-dd}", pay = new { amount = 60000, currency = "GBP", frequency = "annual" },
            bankAccount = "GB11NEWB00000000000001",
        }));
        await WorkAsync(await SubmitAsync("payroll-change", new
        {
            employeeId = id, effectiveDate = $"{today.AddDays(10):yyyy-MM-dd}", pay = new { amount = 55000, currency = "GBP", frequency = "annual" },
        }));

        var now = await Api.GetJsonAsync(_admin, $"/api/tenants/acme/employees/{id}");
        var later = await Api.GetJsonAsync(_admin, $"/api/tenants/acme/employees/{id}?asOf={today.AddDays(45):yyyy-MM-dd}");
        var rows = (await Api.GetJsonAsync(_admin, "/api/tenants/acme/employees?pageSize=100"))["items"]!.AsArray();
        var row = rows.Single(e => (string)e!["id"]! == id)!;
        var forUser = await Api.GetJsonAsync(_user, $"/api/tenants/acme/employees/{id}");
        var csv = await _admin.GetStringAsync("/api/tenants/acme/employees.csv");

        Assert.Equal(("GB29NWBK60161331926819", 52000m), ((string)now["bankAccount"]!, (decimal)now["pay"]!["amount"]!));
        Assert.Equal(("GB29NWBK60161331926819", 52000m), ((string)row["bankAccount"]!, (decimal)row["pay"]!["amount"]!));
        Assert.Equal(("GB11NEWB00000000000001", 60000m), ((string)later["bankAccount"]!, (decimal)later["pay"]!["amount"]!));
        Assert.Equal(["pay", "pay", "bankAccount"], now["scheduled"]!.AsArray().Select(c => (string)c!["field"]!));
        Assert.Equal(["masked", "masked", "••••0001"], forUser["scheduled"]!.AsArray().Select(c => (string)c!["value"]!));
        Assert.DoesNotContain("GB11NEWB00000000000001", forUser.ToJsonString());
        Assert.Contains("GB29NWBK60161331926819", csv);
        Assert.DoesNotContain("GB11NEWB00000000000001", csv);
    }

    [Fact]
    public async Task BadPayloads_AreRefusedFieldByField_AndWorkOnAnUnknownEmployee_CannotBeResolved()
    {
        var bad = await _admin.PostAsJsonAsync("/api/tenants/acme/work-items", new
        {
            serviceLine = "hr", type = "leave-request", priority = "p3", title = "Leave", payload = new { employeeId = "x", type = "gardening", from = "2026-08-10", to = "2026-08-01" },
        });
        var unknownType = await _admin.PostAsJsonAsync("/api/tenants/acme/work-items", new { serviceLine = "hr", type = "tea-run", priority = "p3", title = "Tea" });
        var ghost = await SubmitAsync("leaver", new { employeeId = Guid.NewGuid(), lastDay = "2026-12-31", reason = "Unknown" });

        var errors = await Api.ProblemAsync(bad, HttpStatusCode.BadRequest);
        Assert.Equal(["payload.approver", "payload.employeeId", "payload.to", "payload.type"], errors.Keys.Order());
        Assert.Equal(["type"], (await Api.ProblemAsync(unknownType, HttpStatusCode.BadRequest)).Keys);
        await Api.ProblemAsync(await WorkAsync(ghost), HttpStatusCode.Conflict);
        Assert.Equal("in-progress", (string)(await Api.GetJsonAsync(_admin, $"/api/tenants/acme/work-items/{ghost["id"]}"))["status"]!);
    }

    [Fact]
    public async Task AnItem_ResolvesOnlyWhenEveryStepOfItsChecklistIsDone()
    {
        var item = await SubmitAsync("new-hire", Hire("Lee Steps"));
        var url = $"/api/tenants/acme/work-items/{item["id"]}";
        var claim = await ClaimAsync(item);

        var fields = ResolutionFields.Example("new-hire", DateOnly.FromDateTime(DateTime.UtcNow));
        var early = await Api.PostWithETagAsync(_agent, $"{url}/resolve", claim.Headers.ETag!.Tag, new { comment = "Done", fields });
        var unknown = await Api.PostWithETagAsync(_agent, $"{url}/checklist/party-thrown", claim.Headers.ETag!.Tag);
        var byOther = await Api.PostWithETagAsync(_factory.ClientAs(TestUser.OtherAgent), $"{url}/checklist/contract-sent", claim.Headers.ETag!.Tag);
        var resolved = await Api.ResolveAsync(_agent, url, claim);

        Assert.Equal(["right-to-work-checked", "contract-sent", "payroll-set-up", "equipment-ordered"], item["checklist"]!.AsArray().Select(s => (string)s!["name"]!));
        Assert.Contains("right-to-work-checked", (await Api.JsonAsync(early))["detail"]!.ToString());
        await Api.ProblemAsync(unknown, HttpStatusCode.NotFound);
        await Api.ProblemAsync(byOther, HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        Assert.All((await Api.JsonAsync(resolved))["checklist"]!.AsArray(), s => Assert.Equal("Harriet HR", (string)s!["doneBy"]!));
    }

    [Fact]
    public async Task ANewHire_ResolvedWithoutItsEmployeeNumber_IsRefusedBesideTheField_ThenWithIt_KeepsTheFieldsOnTheItem()
    {
        var item = await SubmitAsync("new-hire", Hire("Fay Fields"));
        var url = $"/api/tenants/acme/work-items/{item["id"]}";
        var claim = await ClaimAsync(item);
        var etag = claim.Headers.ETag!.Tag;
        foreach (var step in (await Api.JsonAsync(claim))["checklist"]!.AsArray())
            etag = (await Api.PostWithETagAsync(_agent, $"{url}/checklist/{step!["name"]}", etag)).Headers.ETag!.Tag;

        var missing = await Api.PostWithETagAsync(_agent, $"{url}/resolve", etag, new { comment = "Done", fields = new { payrollReference = "PR-7", shoeSize = "9" } });
        var unchanged = await Api.GetJsonAsync(_agent, url);
        var resolved = await Api.PostWithETagAsync(_agent, $"{url}/resolve", etag, new { comment = "Done", fields = new { employeeNumber = " E-1001 ", payrollReference = "PR-7" } });

        var errors = await Api.ProblemAsync(missing, HttpStatusCode.BadRequest);
        Assert.Equal(["fields.employeeNumber", "fields.shoeSize"], errors.Keys.Order());
        Assert.Equal(("in-progress", etag), ((string)unchanged["status"]!, (string)unchanged["eTag"]!));
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        var body = await Api.JsonAsync(resolved);
        Assert.Equal(("E-1001", "PR-7"), ((string)body["resolutionFields"]!["employeeNumber"]!, (string)body["resolutionFields"]!["payrollReference"]!));
        Assert.Equal("E-1001", (string)(await Api.GetJsonAsync(_admin, url))["resolutionFields"]!["employeeNumber"]!);
    }

    [Fact]
    public async Task WorkTypes_ListEachTypesChecklistAndResolutionFields()
    {
        var types = (await Api.JsonAsync(await _user.GetAsync("/api/work-types"), "")).AsArray();

        var hire = types.Single(t => (string)t!["type"]! == "new-hire")!;
        Assert.Equal("hr", (string)hire["line"]!);
        Assert.Contains("contract-sent", hire["steps"]!.AsArray().Select(s => (string)s!));
        var number = hire["resolutionFields"]!.AsArray().Single(f => (string)f!["name"]! == "employeeNumber")!;
        Assert.Equal(("text", true), ((string)number["kind"]!, (bool)number["required"]!));
        var condition = types.Single(t => (string)t!["type"]! == "return")!["resolutionFields"]!.AsArray().Single(f => (string)f!["name"]! == "goodsCondition")!;
        Assert.Equal(["as-new", "damaged", "unsellable"], condition["choices"]!.AsArray().Select(c => (string)c!));
    }

    [Fact]
    public async Task Untick_OfATickedStep_OpensItAgainUnderIfMatch()
    {
        var item = await SubmitAsync("new-hire", Hire("Uma Untick"));
        var url = $"/api/tenants/acme/work-items/{item["id"]}";
        var claim = await ClaimAsync(item);
        var ticked = await Api.PostWithETagAsync(_agent, $"{url}/checklist/contract-sent", claim.Headers.ETag!.Tag);

        var stale = await Untick(claim.Headers.ETag!.Tag);
        var unticked = await Untick(ticked.Headers.ETag!.Tag);

        await Api.ProblemAsync(stale, HttpStatusCode.PreconditionFailed);
        Assert.Equal(HttpStatusCode.OK, unticked.StatusCode);
        var body = await Api.JsonAsync(unticked);
        Assert.Null(body["checklist"]!.AsArray().Single(s => (string)s!["name"]! == "contract-sent")!["doneAt"]);

        Task<HttpResponseMessage> Untick(string etag)
        {
            var request = new HttpRequestMessage(HttpMethod.Delete, $"{url}/checklist/contract-sent");
            request.Headers.TryAddWithoutValidation("If-Match", etag);
            return _agent.SendAsync(request);
        }
    }
}
