using BackOffice.Billing.Stripe;
using BackOffice.Billing.Tests.FakeStripe;
using BackOffice.Core.Finance.Issuing;

namespace BackOffice.Billing.Tests;

/// <summary>One tenant's issue against the fake server: its customer, a three-line request, its keys, and what must hold afterwards.</summary>
public sealed record StripeRun(FakeStripeServer Server, string TenantId, string CustomerId, IssueRequest Request)
{
    public enum Step { CreateInvoice, FirstItem, LastItem, Finalize, Send }

    public IdempotencyKeys Keys => new(TenantId, Request.Period);

    public static async Task<StripeRun> StartAsync(FakeStripeServer server, IInvoiceIssuer issuer)
    {
        var tenant = InvoiceIssuerContract.NewTenant();
        var customer = await issuer.EnsureCustomerAsync(new IssuerCustomer(tenant, $"Tenant {tenant}", null), default);
        return new StripeRun(server, tenant, customer, InvoiceIssuerContract.Request(tenant, "USD", "2026-11", 120m, 0.5m, 75.25m));
    }

    public string KeyOf(Step step) => step switch
    {
        Step.CreateInvoice => Keys.Invoice,
        Step.FirstItem => Keys.Item(Request.Lines[0].LineId),
        Step.LastItem => Keys.Item(Request.Lines[^1].LineId),
        Step.Finalize => Keys.Finalize,
        _ => Keys.Send,
    };

    /// <summary>The keys this tenant's writes may carry: nothing random, each derived from tenant, period and line.</summary>
    public IReadOnlySet<string> DerivedKeys => new HashSet<string>(
        [IdempotencyKeys.Customer(TenantId), Keys.Invoice, .. Request.Lines.Select(l => Keys.Item(l.LineId)), Keys.Finalize, Keys.Send]);

    /// <summary>Every POST made for this tenant, found by what it carries rather than by its key.</summary>
    public IReadOnlyList<RecordedRequest> Posts()
    {
        var invoices = Server.InvoicesOf(CustomerId).Select(i => i.Id).ToList();
        return Server.Requests.Where(r => r.Method == "POST" && (r.Form.GetValueOrDefault("customer") == CustomerId
            || r.Form.GetValueOrDefault("metadata[tenant_id]") == TenantId || invoices.Any(id => r.Path.Contains(id, StringComparison.Ordinal))))
            .ToList();
    }

    /// <summary>Exactly one open invoice, sent once, with one item per line at the line's amount; every POST with a derived key.</summary>
    public void AssertOneInvoice(IssuedInvoice issued)
    {
        var invoice = Assert.Single(Server.InvoicesOf(CustomerId));
        Assert.Equal((invoice.Id, IssuedStatus.Open), (issued.ExternalId, issued.Status));
        Assert.Equal("open", invoice.Status);
        Assert.Equal(1, invoice.TimesSent);
        Assert.Equal(Request.Lines.Count, invoice.Items.Count);
        foreach (var line in Request.Lines)
            Assert.Equal(line.AmountMinor, Assert.Single(invoice.Items, i => i.LineId == line.LineId.ToString("D")).Amount);
        Assert.All(Posts(), p => Assert.True(p.IdempotencyKey is { } key && DerivedKeys.Contains(key), $"{p.Path} carried '{p.IdempotencyKey}'."));
    }
}
