using System.Net.Http.Json;
using BackOffice.TenantApi.Tests.Infrastructure;

namespace BackOffice.TenantApi.Tests.ClientViews;

/// <summary>What a tenant reads of its own work and records: filtered lists and CSV exports.</summary>
public sealed class ClientViewsTests : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly ApiFactory _factory;
    private readonly HttpClient _client, _agent;

    public ClientViewsTests(ApiFactory factory) => (_factory, _client, _agent) = (factory, factory.ClientAs(TestUser.AcmeClient), factory.ClientAs(TestUser.Agent));

    public Task InitializeAsync() => Api.OnboardActiveAsync(_factory.ClientAs(TestUser.Admin), "acme", TestUser.AcmeDirectory, "hr", "billing", "orders");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task TheWorkItemExport_FollowsTheFilters_AndDefusesFormulas()
    {
        await Api.SubmitAsync(_client, "acme", "=HYPERLINK(\"http://evil\")", "hr", "p1");
        await Api.SubmitAsync(_client, "acme", "Plain, with a comma", "hr", "p4");

        var p1 = (await _client.GetStringAsync("/api/tenants/acme/work-items.csv?priority=p1")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var all = await _client.GetStringAsync("/api/tenants/acme/work-items.csv?serviceLine=hr");

        Assert.StartsWith("id,createdAt,serviceLine,type,priority,title,status", p1[0]);
        Assert.All(p1.Skip(1), row => Assert.Contains(",p1,", row));
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil\"\")\"", all);
        Assert.Contains("\"Plain, with a comma\"", all);
    }

    [Fact]
    public async Task Invoices_FilterByStatus_AndExportWithTheirBalances()
    {
        var submitted = await _client.PostAsJsonAsync("/api/tenants/acme/work-items", new
        {
            serviceLine = "billing", type = "customer-invoice", priority = "p3", title = "Invoice Hooli",
            payload = new { customer = new { name = "Hooli" }, currency = "USD", dueDate = "2099-01-31", lines = new[] { new { description = "Setup", quantity = 1, unitPrice = 250.00, taxPercent = 0 } } },
        });
        var id = (string)(await Api.JsonAsync(submitted))["id"]!;
        HttpResponseMessage claim;
        do claim = await _agent.PostAsync("/api/queues/billing/claims", null);
        while ((string)(await Api.JsonAsync(claim))["id"]! != id);
        await Api.ResolveAsync(_agent, $"/api/tenants/acme/work-items/{id}", claim, "Issued");

        var open = (await Api.GetJsonAsync(_client, "/api/tenants/acme/invoices?status=open"))["items"]!.AsArray();
        var paid = (await Api.GetJsonAsync(_client, "/api/tenants/acme/invoices?status=paid"))["items"]!.AsArray();
        var csv = await _client.GetStringAsync("/api/tenants/acme/invoices.csv");

        Assert.Contains(open, i => (string)i!["customer"]! == "Hooli" && (decimal)i["balance"]! == 250.00m);
        Assert.DoesNotContain(paid, i => (string)i!["customer"]! == "Hooli");
        Assert.Contains(",USD,250.00,0.00,250.00,open,", csv);
    }
}
