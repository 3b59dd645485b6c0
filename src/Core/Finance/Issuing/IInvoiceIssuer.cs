namespace BackOffice.Core.Finance.Issuing;

/// <summary>The tenant as the payment provider knows it: one customer per tenant, the tenant id in its metadata.</summary>
public sealed record IssuerCustomer(string TenantId, string Name, string? Email);

/// <summary>One line of an invoice to issue: its own id (metadata and idempotency), words naming meter, period and quantity, and the amount.</summary>
/// <param name="AmountMinor">The line's amount in the currency's minor units; negative for a credit.</param>
public sealed record IssueLine(Guid LineId, string Description, decimal Quantity, long AmountMinor);

/// <summary>An invoice to issue for a tenant and period (the tenant's calendar month, "2026-11").</summary>
/// <param name="Resuming">
/// False only when the caller knows no earlier attempt was made (it has just moved the invoice to issuing): the issuer may then
/// skip looking for what an earlier attempt left. True, the safe default, after any failure or restart.
/// </param>
public sealed record IssueRequest(Guid InvoiceId, string TenantId, string Period, string Currency, DateOnly DueDate, IReadOnlyList<IssueLine> Lines,
    bool Resuming = true);

public enum IssuedStatus { Draft, Open, Paid, Void, Uncollectible }

/// <summary>What the issuer answered: its ids for the invoice, the number the customer sees, where to pay, and its status.</summary>
public sealed record IssuedInvoice(string ExternalId, string? Number, string? HostedUrl, IssuedStatus Status);

/// <summary>
/// Issues tenants' invoices: Stripe with a key set, the platform's own local issuer without one. Every call is idempotent:
/// what it creates is keyed by what it does (tenant, period, line), so a run retried after any failure creates nothing twice.
/// </summary>
public interface IInvoiceIssuer
{
    /// <summary>The provider's customer id for the tenant, created once (a second call for the tenant answers the same id).</summary>
    Task<string> EnsureCustomerAsync(IssuerCustomer customer, CancellationToken ct);

    /// <summary>
    /// Creates the invoice with one item per line, finalizes it and sends it; each step keyed so a retry after a failure at any
    /// point (a time-out after the write included) finishes the same invoice rather than starting another.
    /// </summary>
    Task<IssuedInvoice> IssueAsync(string customerId, IssueRequest request, CancellationToken ct);
}
