using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using BackOffice.AuditVerify;
using BackOffice.TenantApi.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace BackOffice.TenantApi.Tests.Audit;

/// <summary>A tenant's audit trail through the API: what goes on it, who reads it, and how it is checked.</summary>
public sealed class AuditTrailTests : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private const string NationalId = "QZ918273X";
    private static readonly TestUser AcmeAdmin = new("acme-admin", "Ada Acme", [Core.Common.Roles.ClientAdmin], TestUser.AcmeDirectory);
    private readonly ApiFactory _factory;
    private readonly HttpClient _admin, _acme, _supervisor;

    public AuditTrailTests(ApiFactory factory) =>
        (_factory, _admin, _acme, _supervisor) =
            (factory, factory.ClientAs(TestUser.Admin), factory.ClientAs(AcmeAdmin), factory.ClientAs(TestUser.Supervisor));

    public async Task InitializeAsync()
    {
        await Api.OnboardActiveAsync(_admin, "acme", TestUser.AcmeDirectory, "hr", "billing");
        await Api.OnboardActiveAsync(_admin, "globex", TestUser.GlobexDirectory, "hr", "billing");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<List<JsonNode>> EntriesAsync(string tenant, HttpClient? reader = null)
    {
        var entries = new List<JsonNode>();
        for (string? cursor = null; ;)
        {
            var after = cursor is null ? "" : $"&cursor={cursor}";
            var page = await Api.GetJsonAsync(reader ?? _acme, $"/api/tenants/{tenant}/audit?pageSize=100{after}");
            entries.AddRange(page["items"]!.AsArray().Select(e => e!));
            if ((cursor = (string?)page["nextCursor"]) is null) return entries;
        }
    }

    private async Task<JsonObject> NewHireAsync()
    {
        var payload = new
        {
            fullName = "Vera Secret", email = "vera@acme.test", nationalId = NationalId, startDate = "2026-03-01", position = "Analyst",
            department = "Finance",
            pay = new { amount = 73519.27m, currency = "GBP", frequency = "annual" }, bankAccount = "GB55ZZZZ40506070809010",
        };
        var submitted = await _acme.PostAsJsonAsync("/api/tenants/acme/work-items",
            new { serviceLine = "hr", type = "new-hire", priority = "p2", title = "Hire Vera", payload });
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        return await Api.JsonAsync(submitted);
    }

    [Fact]
    public async Task ChangesAndProviderStaffsAccess_GoOnTheTenantsChain_WhichVerifies_WithoutSensitiveValues()
    {
        Assert.Equal(HttpStatusCode.OK, (await Api.PutAgentAsync(_supervisor, "hr-agent",
            new { name = "Harriet HR", lines = new[] { "hr" }, tenants = new[] { "acme" }, wipLimit = 10 })).StatusCode);
        var item = await NewHireAsync();
        var url = $"/api/tenants/acme/work-items/{item["id"]}";
        var assigned = await Api.PostWithETagAsync(_supervisor, $"{url}/assign", (string)item["eTag"]!, new { agent = "hr-agent" });
        var hrAgent = _factory.ClientAs(new TestUser("hr-agent", "Harriet HR", [Core.Common.Roles.Agent], TestUser.ProviderDirectory));
        var read = await Api.GetJsonAsync(hrAgent, url);
        await _acme.PutAsJsonAsync("/api/tenants/acme/webhook", new { url = "https://hooks.example.com/in" });
        await _acme.PostAsync("/api/tenants/acme/webhook/rotate-secret", null);
        await _supervisor.GetStringAsync("/api/tenants/acme/work-items.csv");
        await _acme.GetStringAsync("/api/tenants/acme/work-items.csv");
        var import = await _acme.PostAsync("/api/tenants/acme/imports/employees", new StringContent(
            "fullName,startDate,position,department,payAmount,payCurrency,payFrequency\nJo,2026-03-01,Clerk,Ops,30000,GBP,annual\n",
            Encoding.UTF8, "text/csv"));

        var entries = await EntriesAsync("acme");
        var check = await Api.GetJsonAsync(_acme, "/api/tenants/acme/audit/verify");

        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        Assert.Equal(NationalId, (string)read["payload"]!["nationalId"]!);
        Assert.Equal(HttpStatusCode.Accepted, import.StatusCode);
        string[] expected = ["tenant.status-changed", "agent.profile-changed", "work-item.submitted", "work-item.assigned", "sensitive.read",
            "webhook.created", "webhook.secret-rotated", "export", "import.started"];
        Assert.Equal(expected.Order(), entries.Select(e => (string)e["action"]!).Where(expected.Contains).Distinct().Order());
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(n => (long)n), entries.Select(e => (long)e["sequence"]!));
        var sensitive = entries.Single(e => (string)e["action"]! == "sensitive.read");
        Assert.Equal(("hr-agent", "provider", $"work-item/{item["id"]}"),
            ((string)sensitive["actor"]!["subject"]!, (string)sensitive["actor"]!["kind"]!, (string)sensitive["target"]!));
        Assert.Equal(["super"], entries.Where(e => (string)e["action"]! == "export").Select(e => (string)e["actor"]!["subject"]!));
        Assert.Equal("hr-agent", (string)entries.Single(e => (string)e["action"]! == "work-item.assigned")["detail"]!["assignee"]!);
        Assert.True((bool)check["ok"]!, (string?)check["reason"]);
        Assert.Equal(entries.Count, (int)check["entries"]!);
        Assert.DoesNotContain(NationalId, await _acme.GetStringAsync("/api/tenants/acme/audit.jsonl"));
        Assert.DoesNotContain("whsec_", await _acme.GetStringAsync("/api/tenants/acme/audit.jsonl"));
    }

    [Fact]
    public async Task SlaChangesAndReplays_GoOnTheChain_WithTheirVersions()
    {
        var item = await Api.SubmitAsync(_factory.ClientAs(TestUser.GlobexClient), "globex", "Hire Kim");
        await Api.ChangeSlaAsync(_admin, "globex", new
        {
            calendar = new
            {
                timeZone = "UTC",
                schedules = new[]
                {
                    new { effectiveFrom = "2026-01-01", days = new[] { "monday", "tuesday" }.ToDictionary(d => d, _ => new[] { "09:00-17:00" }) },
                },
            },
            policies = new[] { "hr", "billing" }.SelectMany(line => new[] { "p1", "p2", "p3", "p4" }
                .Select(p => new { serviceLine = line, priority = p, firstResponseMinutes = 60, resolutionMinutes = 480, mode = "business" })),
        });

        var replay = await Api.PostWithETagAsync(_supervisor, $"/api/tenants/globex/work-items/{item["id"]}/sla/replay", (string)item["eTag"]!,
            new { reason = "New calendar" });

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        var entries = await EntriesAsync("globex", _admin);
        var changed = entries.Single(e => (string)e["action"]! == "sla.settings-changed");
        var replayed = entries.Single(e => (string)e["action"]! == "sla.replayed");
        Assert.Equal(("admin", "1"), ((string)changed["actor"]!["subject"]!, (string)changed["detail"]!["version"]!));
        Assert.Equal(("super", $"work-item/{item["id"]}", "1"),
            ((string)replayed["actor"]!["subject"]!, (string)replayed["target"]!, (string)replayed["detail"]!["toVersion"]!));
        Assert.True((bool)(await Api.GetJsonAsync(_admin, "/api/tenants/globex/audit/verify"))["ok"]!);
    }

    [Fact]
    public async Task Export_IsVerifiedByTheAuditVerifyCommand_UpToTheServersLastHash_AndAnEditedLineFailsThere()
    {
        await NewHireAsync();
        var export = await _acme.GetAsync("/api/tenants/acme/audit.jsonl");
        var lines = await export.Content.ReadAsStringAsync();
        var lastHash = (string)(await Api.GetJsonAsync(_acme, "/api/tenants/acme/audit/verify"))["lastHash"]!;
        var edited = lines.Split('\n');
        edited[1] = edited[1].Replace("\"status\":\"active\"", "\"status\":\"suspended\"", StringComparison.Ordinal);

        var ok = AuditFile.Verify(new StringReader(lines), "acme", lastHash);
        var broken = AuditFile.Verify(new StringReader(string.Join('\n', edited)), "acme", lastHash);

        Assert.Equal("application/jsonl", export.Content.Headers.ContentType?.MediaType);
        Assert.True(ok.Ok, ok.Reason);
        Assert.Equal((false, 2L), (broken.Ok, broken.FirstBadSequence));
    }

    [Fact]
    [Trait("Storage", "Sqlite")] // reads the SQLite file itself; the Cosmos DB store's own contract suites cover it there
    public async Task AnEntryChangedInTheDatabase_FailsVerificationAtExactlyThatEntry()
    {
        await NewHireAsync();
        var target = (long)(await EntriesAsync("globex", _admin)).Count;
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(_factory.DataFolder, "backoffice.db")};Pooling=false"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"UPDATE audit_entries SET actor_subject = 'someone-else' WHERE tenant_id = 'globex' AND seq = {target}";
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        var check = await Api.GetJsonAsync(_admin, "/api/tenants/globex/audit/verify");

        Assert.False((bool)check["ok"]!);
        Assert.Equal(target, (long)check["firstBadSequence"]!);
        Assert.Equal(target - 1, (long)check["entries"]!);
    }

    [Fact]
    public async Task OnlyTheTenantsAdminsAndPlatformAdmins_ReadTheTrail_AnotherTenantGets404()
    {
        var globex = _factory.ClientAs(TestUser.GlobexClient);

        foreach (var path in new[] { "/audit", "/audit.jsonl", "/audit/verify" })
        {
            Assert.Equal(HttpStatusCode.OK, (await _acme.GetAsync($"/api/tenants/acme{path}")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await _admin.GetAsync($"/api/tenants/acme{path}")).StatusCode);
            await Api.ProblemAsync(await globex.GetAsync($"/api/tenants/acme{path}"), HttpStatusCode.NotFound);
            await Api.ProblemAsync(await _supervisor.GetAsync($"/api/tenants/acme{path}"), HttpStatusCode.Forbidden);
            await Api.ProblemAsync(await _factory.ClientAs(TestUser.Agent).GetAsync($"/api/tenants/acme{path}"), HttpStatusCode.Forbidden);
            await Api.ProblemAsync(await _factory.ClientAs(TestUser.AcmeClient).GetAsync($"/api/tenants/acme{path}"), HttpStatusCode.Forbidden);
        }
        Assert.All(await EntriesAsync("acme"), e => Assert.Equal("acme", (string)e["tenantId"]!));
    }
}
