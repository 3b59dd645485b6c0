using System.Net;
using System.Net.Http.Json;
using BackOffice.TenantApi.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BackOffice.TenantApi.Tests.Hr;

/// <summary>Pay, national ids and bank accounts never reach the logs, at any level, on the happy path or a refused one.</summary>
public sealed class SensitiveLogTests : IAsyncLifetime
{
    private const string NationalId = "QZ918273X", BankAccount = "GB55ZZZZ40506070809010";
    private const decimal Pay = 73519.27m;
    private readonly LoggedHost _host = new();

    public Task InitializeAsync() => Api.OnboardActiveAsync(_host.ClientAs(TestUser.Admin), "acme", TestUser.AcmeDirectory, "hr");

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task HiringPayingAndExporting_WithEveryLogLevelOn_WritesNoSensitiveValue()
    {
        var admin = _host.ClientAs(new TestUser("acme-admin", "Ann Admin", [Core.Common.Roles.ClientAdmin], TestUser.AcmeDirectory));
        var agent = _host.ClientAs(TestUser.Agent);
        var payload = new
        {
            fullName = "Vera Secret", email = "vera@acme.test", nationalId = NationalId, startDate = "2026-03-01", position = "Analyst", department = "Finance",
            pay = new { amount = Pay, currency = "GBP", frequency = "annual" }, bankAccount = BankAccount,
        };
        var submitted = await admin.PostAsJsonAsync("/api/tenants/acme/work-items", new { serviceLine = "hr", type = "new-hire", priority = "p2", title = "Hire Vera", payload });
        var badCurrency = await admin.PostAsJsonAsync("/api/tenants/acme/work-items", new
        {
            serviceLine = "hr", type = "new-hire", priority = "p2", title = "Hire Vera again", payload = payload with { pay = new { amount = Pay, currency = "QQQ", frequency = "annual" } },
        });
        var item = await Api.JsonAsync(submitted);
        var url = $"/api/tenants/acme/work-items/{item["id"]}";
        var claim = await agent.PostAsync("/api/queues/hr/claims", null);
        var resolved = await Api.JsonAsync(await Api.ResolveAsync(agent, url, claim));
        var employee = (string)resolved["history"]!.AsArray().Last()!["details"]!["employeeId"]!;
        var payroll = await admin.PostAsJsonAsync("/api/tenants/acme/work-items", new
        {
            serviceLine = "hr", type = "payroll-change", priority = "p2", title = "Raise", payload = new { employeeId = employee, effectiveDate = "2026-04-01", pay = new { amount = Pay + 1, currency = "GBP", frequency = "annual" } },
        });
        var csv = await admin.GetStringAsync("/api/tenants/acme/employees.csv");
        await admin.GetStringAsync($"/api/tenants/acme/employees/{employee}");

        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badCurrency.StatusCode);
        Assert.Equal(HttpStatusCode.Created, payroll.StatusCode);
        Assert.Contains(NationalId, csv);
        Assert.Contains(_host.Logs.Entries, e => e.StartsWith("Debug Microsoft.AspNetCore.Routing", StringComparison.Ordinal));
        Assert.Contains(_host.Logs.Entries, e => e.StartsWith("Information Microsoft.AspNetCore.Hosting.Diagnostics", StringComparison.Ordinal));
        foreach (var secret in new[] { NationalId, BankAccount, "73519", "73520" })
            Assert.DoesNotContain(_host.Logs.Entries, e => e.Contains(secret, StringComparison.Ordinal));
    }

    /// <summary>The API with every category at every level going to <see cref="Logs"/>, whatever the settings filter for other providers.</summary>
    private sealed class LoggedHost : HostFactory<ApiRole>
    {
        public LogCapture Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(Logs).AddFilter<LogCapture>(_ => true));
        }
    }
}
