using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BackOffice.TenantApi.Tests.Infrastructure;

namespace BackOffice.TenantApi.Tests.Billing;

/// <summary>Billing work end to end: invoices and payments in, a customer's ledger that reconciles out.</summary>
public sealed class BillingWorkTests : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly ApiFactory _factory;
    private readonly HttpClient _client, _agent;

    public BillingWorkTests(ApiFactory factory) => (_factory, _client, _agent) = (factory, factory.ClientAs(TestUser.AcmeClient), factory.ClientAs(TestUser.Agent));

    public Task InitializeAsync() => Api.OnboardActiveAsync(_factory.ClientAs(TestUser.Admin), "acme", TestUser.AcmeDirectory, "billing");

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<HttpResponseMessage> SubmitAsync(string type, object payload) =>
        await _client.PostAsJsonAsync("/api/tenants/acme/work-items", new { serviceLine = "billing", type, priority = "p3", title = type, payload });

    private async Task<HttpResponseMessage> WorkAsync(HttpResponseMessage submitted)
    {
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var id = (string)(await Api.JsonAsync(submitted))["id"]!;
        HttpResponseMessage claim;
        do claim = await _agent.PostAsync("/api/queues/billing/claims", null);
        while ((string)(await Api.JsonAsync(claim))["id"]! != id);
        return await Api.ResolveAsync(_agent, $"/api/tenants/acme/work-items/{id}", claim);
    }

    private static string Outcome(JsonObject resolved, string key) => (string)resolved["history"]!.AsArray().Last()!["details"]![key]!;

    [Fact]
    public async Task AnInvoiceThenPayments_KeepTheLedgerReconciled_WithOverpaymentKeptAsCredit()
    {
        var invoiced = await Api.JsonAsync(await WorkAsync(await SubmitAsync("customer-invoice", new
        {
            customer = new { name = "Initech" }, currency = "EUR", dueDate = "2026-12-31", total = 1210.00,
            lines = new[] { new { description = "Consulting", quantity = 10, unitPrice = 100.00, taxPercent = 21 } },
        })));
        var (customer, invoice) = (Outcome(invoiced, "customerId"), Outcome(invoiced, "invoiceId"));
        await WorkAsync(await SubmitAsync("payment-received", new
        {
            customerId = customer, amount = 1000.00, currency = "EUR", receivedOn = "2026-11-20", reference = "SEPA-1", allocations = new[] { new { invoiceId = invoice, amount = 1000.00 } },
        }));
        var overpaid = await WorkAsync(await SubmitAsync("payment-received", new
        {
            customerId = customer, amount = 300.00, currency = "EUR", receivedOn = "2026-11-21", reference = "SEPA-2", allocations = new[] { new { invoiceId = invoice, amount = 210.00 } },
        }));

        var account = await Api.GetJsonAsync(_client, $"/api/tenants/acme/customers/{customer}");
        var line = account["invoices"]!.AsArray().Single()!;
        Assert.Equal(HttpStatusCode.OK, overpaid.StatusCode);
        Assert.Equal((1210.00m, 1210.00m, 0m, "paid"), ((decimal)line["total"]!, (decimal)line["paid"]!, (decimal)line["balance"]!, (string)line["status"]!));
        Assert.Equal((90.00m, 0m), ((decimal)account["credit"]!["EUR"]!, (decimal)account["outstanding"]!["EUR"]!));
    }

    [Fact]
    public async Task Invoices_ForDifferentCustomers_TakeUniqueConsecutiveNumbersOfTheTenantsMonthlySeries()
    {
        foreach (var name in new[] { "Umbrella", "Cyberdyne", "Tyrell", "Soylent", "Wonka" })
        {
            await WorkAsync(await SubmitAsync("customer-invoice", new
            {
                customer = new { name }, currency = "EUR", dueDate = "2027-01-31",
                lines = new[] { new { description = "Audit", quantity = 1, unitPrice = 100.00, taxPercent = 0 } },
            }));
        }

        var invoices = (await Api.GetJsonAsync(_client, "/api/tenants/acme/invoices?pageSize=100"))["items"]!.AsArray();
        var numbers = invoices.Select(i => (string)i!["number"]!).ToList();

        Assert.True(numbers.Count >= 5);
        Assert.All(numbers, n => Assert.Matches(@"^INV-\d{6}-\d{4}$", n));
        Assert.All(numbers.GroupBy(n => n[..10]), series =>
            Assert.Equal(Enumerable.Range(1, series.Count()).Select(n => $"{series.Key}-{n:D4}"), series.Order(StringComparer.Ordinal)));
    }

    [Fact]
    public async Task APaymentBeyondTheBalance_CannotBeResolved_AndTheLedgerIsUnchanged()
    {
        var invoiced = await Api.JsonAsync(await WorkAsync(await SubmitAsync("customer-invoice", new
        {
            customer = new { name = "Globochem" }, currency = "GBP", dueDate = "2026-12-31", lines = new[] { new { description = "Audit", quantity = 1, unitPrice = 500.00, taxPercent = 0 } },
        })));
        var (customer, invoice) = (Outcome(invoiced, "customerId"), Outcome(invoiced, "invoiceId"));

        var refused = await WorkAsync(await SubmitAsync("payment-received", new
        {
            customerId = customer, amount = 800.00, currency = "GBP", receivedOn = "2026-11-20", reference = "BACS-9", allocations = new[] { new { invoiceId = invoice, amount = 800.00 } },
        }));
        var account = await Api.GetJsonAsync(_client, $"/api/tenants/acme/customers/{customer}");

        await Api.ProblemAsync(refused, HttpStatusCode.Conflict);
        Assert.Equal(500.00m, (decimal)account["outstanding"]!["GBP"]!);
        Assert.Empty(account["payments"]!.AsArray());
    }

    [Fact]
    public async Task BadBillingPayloads_AreRefusedFieldByField()
    {
        var invoice = await SubmitAsync("customer-invoice", new
        {
            customer = new { name = "Initrode" }, currency = "eur", dueDate = "2026-12-31", total = 99.99,
            lines = new[] { new { description = "Thing", quantity = 0, unitPrice = 10.005, taxPercent = 120 } },
        });
        var payment = await SubmitAsync("payment-received", new
        {
            customerId = Guid.NewGuid(), amount = 10.00, currency = "EUR", receivedOn = "2026-11-20", reference = "X", allocations = new[] { new { invoiceId = Guid.NewGuid(), amount = 20.00 } },
        });

        Assert.Equal(["payload.currency", "payload.lines[0].quantity", "payload.lines[0].taxPercent", "payload.lines[0].unitPrice"], (await Api.ProblemAsync(invoice, HttpStatusCode.BadRequest)).Keys.Order());
        Assert.Equal(["payload.allocations"], (await Api.ProblemAsync(payment, HttpStatusCode.BadRequest)).Keys);
    }

    [Fact]
    public async Task AVendorBill_IsApprovedAndPaidOnResolution_AndItsDuplicateIsRefused()
    {
        var paid = await Api.JsonAsync(await WorkAsync(await SubmitAsync("vendor-bill", new { vendorName = "Acme Paper", number = "AP-1001", amount = 320.50, currency = "EUR", dueDate = "2026-12-15" })));
        var vendor = Outcome(paid, "vendorId");
        var duplicate = await WorkAsync(await SubmitAsync("vendor-bill", new { vendorId = vendor, number = "ap-1001", amount = 320.50, currency = "EUR", dueDate = "2026-12-15" }));
        var bad = await SubmitAsync("vendor-bill", new { number = "X", amount = 0, currency = "EUR", dueDate = "2026-12-15" });

        var account = await Api.GetJsonAsync(_client, $"/api/tenants/acme/vendors/{vendor}");
        Assert.Equal((320.50m, "Alex Agent"), ((decimal)account["paid"]!["EUR"]!, (string)account["bills"]![0]!["approvedBy"]!));
        await Api.ProblemAsync(duplicate, HttpStatusCode.Conflict);
        Assert.Single(account["bills"]!.AsArray());
        Assert.Equal(["payload.amount", "payload.vendorId"], (await Api.ProblemAsync(bad, HttpStatusCode.BadRequest)).Keys.Order());
    }
    [Fact]
    public async Task AVendorBill_SubmittedTwiceByName_TypedDifferently_IsPaidOnce()
    {
        var paid = await Api.JsonAsync(await WorkAsync(await SubmitAsync("vendor-bill", Bill("Contoso Supplies", "CS-77", 99.00m))));
        var again = await WorkAsync(await SubmitAsync("vendor-bill", Bill("  CONTOSO   supplies ", "cs-77", 99.00m)));
        var other = await Api.JsonAsync(await WorkAsync(await SubmitAsync("vendor-bill", Bill("contoso-supplies", "CS-78", 5.00m))));

        await Api.ProblemAsync(again, HttpStatusCode.Conflict);
        var vendors = (await Api.GetJsonAsync(_client, "/api/tenants/acme/vendors?pageSize=100"))["items"]!.AsArray();
        Assert.Single(vendors, v => ((string)v!["name"]!).Contains("ontoso", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(Outcome(paid, "vendorId"), Outcome(other, "vendorId"));
        Assert.Equal(104.00m, (decimal)(await Api.GetJsonAsync(_client, $"/api/tenants/acme/vendors/{Outcome(paid, "vendorId")}"))["paid"]!["EUR"]!);
    }

    private static object Bill(string vendorName, string number, decimal amount) =>
        new { vendorName, number, amount, currency = "EUR", dueDate = "2026-12-15" };
}
