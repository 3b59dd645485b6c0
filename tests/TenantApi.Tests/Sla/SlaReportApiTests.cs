using System.Net;
using BackOffice.TenantApi.Tests.Infrastructure;

namespace BackOffice.TenantApi.Tests.Sla;

public sealed class SlaReportApiTests : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly ApiFactory _factory;
    private readonly HttpClient _admin;
    private static readonly string Month = DateTime.UtcNow.ToString("yyyy-MM");

    public SlaReportApiTests(ApiFactory factory) => (_factory, _admin) = (factory, factory.ClientAs(TestUser.Admin));

    public Task InitializeAsync() => Api.OnboardActiveAsync(_admin, "acme", TestUser.AcmeDirectory, "hr");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Report_CountsThisMonthsItems_AndTheCsvSaysTheSame()
    {
        await Api.SubmitAsync(_factory.ClientAs(TestUser.AcmeClient), "acme", "Counted", priority: "p2");
        var clientAdmin = _factory.ClientAs(new TestUser("acme-admin", "Ada", ["Client.Admin"], TestUser.AcmeDirectory));

        var report = await Api.GetJsonAsync(clientAdmin, $"/api/tenants/acme/sla/report?period={Month}");
        var csv = await _admin.GetAsync($"/api/tenants/acme/sla/report.csv?period={Month}");
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        var row = report["rows"]!.AsArray().Single(r => (string)r!["serviceLine"]! == "hr" && (string)r["priority"]! == "p2")!;
        Assert.True((int)row["items"]! >= 1);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("service_line,priority,items,", lines[0]);
        Assert.Contains(lines.Skip(1), l => l.StartsWith($"hr,p2,{(int)row["items"]!},", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Report_NeedsAMonth_AndIsNotForClientUsers()
    {
        Assert.Contains("period", (await Api.ProblemAsync(await _admin.GetAsync("/api/tenants/acme/sla/report?period=last-week"), HttpStatusCode.BadRequest)).Keys);
        await Api.ProblemAsync(await _factory.ClientAs(TestUser.AcmeClient).GetAsync($"/api/tenants/acme/sla/report?period={Month}"), HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("9999-12")]
    [InlineData("0001-01")]
    [InlineData("1999-12")]
    public async Task Report_ForAMonthOutOfRange_IsRefusedNamingThePeriod(string period)
    {
        var json = await Api.ProblemAsync(await _admin.GetAsync($"/api/tenants/acme/sla/report?period={period}"), HttpStatusCode.BadRequest);
        var csv = await Api.ProblemAsync(await _admin.GetAsync($"/api/tenants/acme/sla/report.csv?period={period}"), HttpStatusCode.BadRequest);

        Assert.Equal(["period"], json.Keys);
        Assert.Equal(["period"], csv.Keys);
    }
}
