using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using BackOffice.Core.Common;
using BackOffice.Core.Imports;
using BackOffice.TenantApi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.TenantApi.Tests.Imports;

/// <summary>CSV imports through the API and the import worker, in one host on a fake clock.</summary>
public sealed class ImportTests : IAsyncLifetime
{
    private const string EmployeeHeader = "fullName,email,nationalId,startDate,position,department,payAmount,payCurrency,payFrequency,bankAccount";
    private static readonly TestUser AcmeAdmin = new("acme-admin", "Ada Acme", [Core.Common.Roles.ClientAdmin], TestUser.AcmeDirectory);
    private readonly FakeClockPlatform _platform = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        await Api.OnboardActiveAsync(_platform.ClientAs(TestUser.Admin), "acme", TestUser.AcmeDirectory, "hr", "orders");
        _admin = _platform.ClientAs(AcmeAdmin);
    }

    public async Task DisposeAsync() => await _platform.DisposeAsync();

    private Task<HttpResponseMessage> PostAsync(string kind, string csv, HttpClient? client = null) =>
        (client ?? _admin).PostAsync($"/api/tenants/acme/imports/{kind}", new StringContent(csv, Encoding.UTF8, "text/csv"));

    private async Task<JsonObject> FinishedAsync(HttpResponseMessage started)
    {
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var url = started.Headers.Location!.ToString();
        return await _platform.AdvanceUntilAsync(() => Api.GetJsonAsync(_admin, url), j => (string)j["status"]! is "completed" or "failed");
    }

    private async Task<int> EmployeeCountAsync() =>
        (await Api.GetJsonAsync(_admin, "/api/tenants/acme/employees?pageSize=100"))["items"]!.AsArray().Count;

    [Fact]
    public async Task AnEmployeeFile_WithEveryRowGood_AddsEveryEmployee_ReportingItsProgress()
    {
        var rows = Enumerable.Range(1, 1200).Select(i => $"Person {i:D4},p{i}@acme.test,AB{i:D6}C,2026-0{1 + i % 9}-01,Analyst,\"Finance, EMEA\",{40000 + i},GBP,annual,GB{i:D20}");

        var job = await FinishedAsync(await PostAsync("employees", string.Join('\n', rows.Prepend(EmployeeHeader))));
        var page = await Api.GetJsonAsync(_admin, "/api/tenants/acme/employees?pageSize=1");

        Assert.Equal(("completed", 1200, 1200, 1200), ((string)job["status"]!, (int)job["totalRows"]!, (int)job["processedRows"]!, (int)job["created"]!));
        Assert.Equal(("Person 0001", "Finance, EMEA"), ((string)page["items"]![0]!["fullName"]!, (string)page["items"]![0]!["department"]!));
    }

    [Fact]
    public async Task AnEmployeeFile_WithBadRows_ImportsNothing_AndReportsEachBadRowAndColumn()
    {
        var before = await EmployeeCountAsync();
        var csv = string.Join('\n', EmployeeHeader,
            "Jane Doe,jane@acme.test,AB1C,2026-03-01,Analyst,Finance,52000,GBP,annual,GB1",
            "John Roe,john@acme.test,AB2C,03/01/2026,Analyst,Finance,52000,GBP,annual,GB2",
            "Kim Poe,kim@acme.test,AB3C,2026-03-01,Analyst,Finance,lots,GBP,monthly,GB3");

        var job = await FinishedAsync(await PostAsync("employees", csv));

        Assert.Equal("failed", (string)job["status"]!);
        Assert.Equal([(3, "startDate"), (4, "payAmount")], job["errors"]!.AsArray().Select(e => ((int)e!["row"]!, (string)e["column"]!)));
        Assert.Equal(before, await EmployeeCountAsync());
    }

    [Fact]
    public async Task AnOrderFile_BecomesOneOrderIntakeItemPerOrder_InTheOrdersQueue()
    {
        var csv = """
            orderRef,customer,shipToName,shipToLine1,shipToCity,shipToPostalCode,shipToCountry,sku,quantity
            PO-1,Ann,Ann,"1 High St, Flat 2",Leeds,LS1 1AA,GB,MUG-1,4
            PO-1,Ann,Ann,"1 High St, Flat 2",Leeds,LS1 1AA,GB,TEE-M,2
            PO-2,Bo,Bo,2 Low Rd,York,YO1 1AA,GB,LAMP,1
            """;

        var job = await FinishedAsync(await PostAsync("orders", csv));
        var items = (await Api.GetJsonAsync(_admin, "/api/tenants/acme/work-items?type=order-intake&pageSize=100"))["items"]!.AsArray();

        Assert.Equal(("completed", 2), ((string)job["status"]!, (int)job["created"]!));
        var first = items.Single(i => ((string)i!["title"]!).StartsWith("Order PO-1", StringComparison.Ordinal))!;
        Assert.Equal(("1 High St, Flat 2", 2), ((string)first["payload"]!["shipTo"]!["line1"]!, first["payload"]!["lines"]!.AsArray().Count));
    }

    [Fact]
    public async Task AFile_IsRefusedUpFront_WhenItsHeaderLacksColumns_OrItsKindIsUnknown_OrTheCallerMayNotImport()
    {
        var noPay = await PostAsync("employees", "fullName,startDate\nJane,2026-03-01");
        var kind = await PostAsync("payroll", EmployeeHeader);
        var user = await PostAsync("employees", EmployeeHeader, _platform.ClientAs(TestUser.AcmeClient));

        Assert.Contains("payAmount", (await Api.ProblemAsync(noPay, HttpStatusCode.BadRequest))["payAmount"][0]);
        Assert.Equal(["kind"], (await Api.ProblemAsync(kind, HttpStatusCode.BadRequest)).Keys);
        await Api.ProblemAsync(user, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AHeaderThatRepeatsOrMisspellsAColumn_IsRefusedAtOnce_OnRow1_NamingTheColumn()
    {
        var repeated = await PostAsync("employees", $"{EmployeeHeader},fullName\nJane,j@acme.test,AB1C,2026-03-01,Analyst,Ops,1,GBP,annual,GB1,J");
        var misspelt = await PostAsync("employees",
            "fullName,startDate,position,department,payAmount,payCurrency,payFrequency,bankAcount\nJ,2026-03-01,A,F,1,GBP,annual,GB1");

        var repeatedErrors = await Api.ProblemAsync(repeated, HttpStatusCode.BadRequest);
        var misspeltErrors = await Api.ProblemAsync(misspelt, HttpStatusCode.BadRequest);

        Assert.Equal(["fullName"], repeatedErrors.Keys);
        Assert.StartsWith("Row 1: 'fullName' appears more than once", repeatedErrors["fullName"][0], StringComparison.Ordinal);
        Assert.Equal(["bankAcount"], misspeltErrors.Keys);
    }

    [Fact]
    public async Task AnImport_ForAnUnknownTenant_ByACallerWhoMayNotImport_OrForASuspendedTenant_IsRefusedBeforeItsBodyIsRead()
    {
        var start = _platform.Services.GetRequiredService<StartImport>();
        var (unknown, user, suspended) = (new UnreadStream(), new UnreadStream(), new UnreadStream());
        var (admin, client) = (ActorOf(AcmeAdmin), ActorOf(TestUser.AcmeClient));

        await Assert.ThrowsAsync<NotFoundException>(() => start.StartAsync(admin, "nowhere", "employees", unknown, null, default));
        await Assert.ThrowsAsync<ForbiddenException>(() => start.StartAsync(client, "acme", "employees", user, null, default));
        var tenant = await _platform.ClientAs(TestUser.Admin).GetAsync("/api/tenants/acme");
        await Api.PostWithETagAsync(_platform.ClientAs(TestUser.Admin), "/api/tenants/acme/suspend", tenant.Headers.ETag!.Tag, Api.Because);
        await Assert.ThrowsAsync<ForbiddenException>(() => start.StartAsync(admin, "acme", "employees", suspended, null, default));

        Assert.Equal((false, false, false), (unknown.WasRead, user.WasRead, suspended.WasRead));
        var unknownOverHttp = await _admin.PostAsync("/api/tenants/nowhere/imports/employees", new ByteArrayContent(new byte[1024 * 1024]));
        await Api.ProblemAsync(unknownOverHttp, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ALargeFile_WithOneBadRowNearItsEnd_ImportsNothing_ThoughItIsStoredInManyBatches()
    {
        var before = await EmployeeCountAsync();
        var rows = Enumerable.Range(1, 3000)
            .Select(i => $"Person {i:D4},p{i}@acme.test,AB{i:D6}C,{(i == 2990 ? "someday" : "2026-03-01")},Analyst,Ops,{40000 + i},GBP,annual,GB{i}");

        var job = await FinishedAsync(await PostAsync("employees", string.Join('\n', rows.Prepend(EmployeeHeader))));

        Assert.Equal(("failed", 3000, 0), ((string)job["status"]!, (int)job["processedRows"]!, (int)job["created"]!));
        Assert.Equal([(2991, "startDate")], job["errors"]!.AsArray().Select(e => ((int)e!["row"]!, (string)e["column"]!)));
        Assert.Equal(before, await EmployeeCountAsync());
    }

    private static Actor ActorOf(TestUser user) => new(user.Subject, user.Name, user.Roles.ToHashSet(), user.DirectoryId);

    /// <summary>A request body that only records whether anybody read it.</summary>
    private sealed class UnreadStream() : MemoryStream(Encoding.UTF8.GetBytes(EmployeeHeader))
    {
        public bool WasRead { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            WasRead = true;
            return base.Read(buffer, offset, count);
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            WasRead = true;
            return base.ReadAsync(buffer, cancellationToken);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            WasRead = true;
            return base.ReadAsync(buffer, offset, count, cancellationToken);
        }
    }
}
