using System.Globalization;
using BackOffice.Core.Finance.Issuing;
using global::Stripe;

namespace BackOffice.Billing.Stripe;

/// <summary>
/// Issues tenants' invoices through Stripe: a draft invoice (sent, not charged; no auto-advance, so Stripe never finalizes it
/// while items are still being added; pending items of the customer excluded), one invoice item per line attached to it, then
/// finalize and send. Each write carries an <see cref="IdempotencyKeys">idempotency key</see> derived from tenant, period and
/// line, and is retried with that key; a call repeated later first looks the invoice and its items up by their metadata, so it
/// finishes the same invoice even after Stripe has forgotten the keys.
/// </summary>
public sealed class StripeInvoiceIssuer(IStripeClient client, StripeOptions options, TimeProvider time) : IInvoiceIssuer
{
    private readonly StripeRetry _retry = new(options, time);
    private readonly CustomerService _customers = new(client);
    private readonly InvoiceService _invoices = new(client);
    private readonly InvoiceItemService _items = new(client);

    /// <summary>
    /// Creates the tenant's Stripe customer (metadata tenant_id) under the key "v1-customer-{tenantId}". Stripe's customer search is
    /// not consistent at once, so the key is what makes a second call answer the same customer, and only while Stripe keeps it
    /// (24 hours at least): callers store the returned id with the tenant and call this only for a tenant that has none.
    /// </summary>
    public Task<string> EnsureCustomerAsync(IssuerCustomer customer, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(customer.TenantId);
        var create = new CustomerCreateOptions
        {
            Name = customer.Name, Email = customer.Email, Metadata = new() { ["tenant_id"] = customer.TenantId },
        };
        return _retry.RunAsync(IdempotencyKeys.Customer(customer.TenantId), async (ro, t) => (await _customers.CreateAsync(create, ro, t)).Id, ct);
    }

    public async Task<IssuedInvoice> IssueAsync(string customerId, IssueRequest request, CancellationToken ct)
    {
        var currency = IssueRules.Check(request).Code.ToLowerInvariant();
        var keys = new IdempotencyKeys(request.TenantId, request.Period);
        // A first attempt needs no lookup: its creates are keyed, so a retry within Stripe's 24 hours answers what the first made.
        var invoice = request.Resuming ? await FindAsync(customerId, request, ct) : null;
        var existingLines = invoice is { Status: "draft" } ? await LineIdsAsync(invoice.Id, ct) : [];
        invoice ??= await _retry.RunAsync(keys.Invoice, (ro, t) => _invoices.CreateAsync(Draft(customerId, request, currency), ro, t), ct);
        if (invoice.Status == "draft")
        {
            var id = invoice.Id;
            foreach (var line in request.Lines.Where(l => !existingLines.Contains(l.LineId.ToString("D"))))
                await _retry.RunAsync(keys.Item(line.LineId), (ro, t) => _items.CreateAsync(Item(customerId, id, currency, line), ro, t), ct);
            invoice = await _retry.RunAsync(keys.Finalize, (ro, t) => _invoices.FinalizeInvoiceAsync(id, null, ro, t), ct);
        }
        if (invoice.Status == "open")
        {
            var id = invoice.Id;
            invoice = await _retry.RunAsync(keys.Send, (ro, t) => _invoices.SendInvoiceAsync(id, null, ro, t), ct);
        }
        return new IssuedInvoice(invoice.Id, invoice.Number, invoice.HostedInvoiceUrl, StripeStatuses.ToIssued(invoice.Status));
    }

    /// <summary>
    /// The invoice issued earlier for the tenant and period, if any. Lists are consistent at once, unlike search; a customer has
    /// about twelve invoices a year, so the list is read whole rather than filtered by a creation date a clock could get wrong.
    /// </summary>
    private Task<Invoice?> FindAsync(string customerId, IssueRequest request, CancellationToken ct)
    {
        var list = new InvoiceListOptions { Customer = customerId, Limit = 100 };
        return _retry.RunAsync<Invoice?>(null, async (ro, t) =>
        {
            await foreach (var invoice in _invoices.ListAutoPagingAsync(list, ro, t))
                if (Meta(invoice.Metadata, "tenant_id") == request.TenantId && Meta(invoice.Metadata, "period") == request.Period) return invoice;
            return null;
        }, ct);
    }

    private Task<HashSet<string>> LineIdsAsync(string invoiceId, CancellationToken ct) =>
        _retry.RunAsync(null, async (ro, t) =>
        {
            var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            await foreach (var item in _items.ListAutoPagingAsync(new InvoiceItemListOptions { Invoice = invoiceId, Limit = 100 }, ro, t))
                if (Meta(item.Metadata, "line_id") is { } lineId) ids.Add(lineId);
            return ids;
        }, ct);

    private static InvoiceCreateOptions Draft(string customerId, IssueRequest request, string currency) => new()
    {
        Customer = customerId, Currency = currency, CollectionMethod = "send_invoice", AutoAdvance = false, PendingInvoiceItemsBehavior = "exclude",
        // Noon UTC keeps the due day the same calendar day from UTC-12 to UTC+11.
        DueDate = request.DueDate.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc),
        Metadata = new() { ["invoice_id"] = request.InvoiceId.ToString("D"), ["tenant_id"] = request.TenantId, ["period"] = request.Period },
    };

    private static InvoiceItemCreateOptions Item(string customerId, string invoiceId, string currency, IssueLine line) => new()
    {
        Customer = customerId, Invoice = invoiceId, Amount = line.AmountMinor, Currency = currency, Description = line.Description,
        Metadata = new() { ["line_id"] = line.LineId.ToString("D"), ["quantity"] = line.Quantity.ToString(CultureInfo.InvariantCulture) },
    };

    private static string? Meta(Dictionary<string, string>? metadata, string key) => metadata?.GetValueOrDefault(key);
}
