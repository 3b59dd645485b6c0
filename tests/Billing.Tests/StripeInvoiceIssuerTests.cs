using BackOffice.Billing.Stripe;
using BackOffice.Billing.Tests.FakeStripe;
using BackOffice.Core.Finance.Issuing;

namespace BackOffice.Billing.Tests;

/// <summary>The issuer contract against the Stripe adapter, talking to the Stripe-shaped server over HTTP on 127.0.0.1.</summary>
public sealed class StripeInvoiceIssuerTests(FakeStripeFixture fake) : InvoiceIssuerContract, IClassFixture<FakeStripeFixture>
{
    protected override IInvoiceIssuer Issuer { get; } = FakeStripeFixture.Issuer(fake.Options(retries: 3));

    protected override Task<IReadOnlyList<HeldInvoice>> HeldAsync(string customerId) =>
        Task.FromResult<IReadOnlyList<HeldInvoice>>(fake.Server.InvoicesOf(customerId)
            .Select(i => new HeldInvoice(i.Id, i.Currency, StripeStatuses.ToIssued(i.Status),
                i.Items.Select(item => (Guid.Parse(item.LineId!), item.Amount)).ToList()))
            .ToList());

    protected override Task<int> CustomerCountAsync(string tenantId) => Task.FromResult(fake.Server.CustomersOf(tenantId).Count);

    [Fact]
    public async Task Issue_SendsTheInvoiceOnce_WithTheDueDateCurrencyAndMetadataStripeNeeds()
    {
        var (customer, request) = await CustomerWithRequestAsync("KWD", 1.5m);

        var issued = await Issuer.IssueAsync(customer, request, default);
        await Issuer.IssueAsync(customer, request, default);

        var invoice = Assert.Single(fake.Server.InvoicesOf(customer));
        Assert.Equal(1, invoice.TimesSent);
        Assert.Equal("kwd", invoice.Currency);
        Assert.Equal(request.InvoiceId.ToString("D"), invoice.Metadata["invoice_id"]);
        Assert.Equal((request.TenantId, "2026-11"), (invoice.Metadata["tenant_id"], invoice.Metadata["period"]));
        Assert.StartsWith("https://invoice.stripe.com/", issued.HostedUrl);
        var create = fake.Server.Requests.Single(r => r is { Method: "POST", Path: "/v1/invoices", Replayed: false }
            && r.Form["customer"] == customer);
        var due = DateTimeOffset.FromUnixTimeSeconds(long.Parse(create.Form["due_date"]));
        Assert.Equal(request.DueDate, DateOnly.FromDateTime(due.UtcDateTime));
    }
}
