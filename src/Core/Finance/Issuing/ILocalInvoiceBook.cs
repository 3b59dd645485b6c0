namespace BackOffice.Core.Finance.Issuing;

/// <summary>
/// An invoice of the platform's own issuer, as its book keeps it. <see cref="Key"/> (tenant and period) makes issuing idempotent;
/// <see cref="Sequence"/> is the invoice's place in its period, given by the book when it first stores the invoice.
/// </summary>
public sealed record LocalInvoice(string ExternalId, string Key, Guid InvoiceId, string CustomerId, string TenantId, string Period, string Currency,
    DateOnly DueDate, int Sequence, IssuedStatus Status, DateTimeOffset IssuedAt, DateTimeOffset StatusAt, IReadOnlyList<IssueLine> Lines)
{
    /// <summary>The number the tenant sees: "BO-2026-11-0001", sequential per period across all tenants.</summary>
    public string Number => $"BO-{Period}-{Sequence:0000}";

    public IssuedInvoice ToIssued() => new(ExternalId, Number, null, Status);
}

/// <summary>The local issuer's store: customers and invoices, each created once under its key.</summary>
public interface ILocalInvoiceBook
{
    /// <summary>Stores the tenant's customer under <paramref name="id"/> unless the tenant has one; answers the tenant's customer id.</summary>
    Task<string> EnsureCustomerAsync(IssuerCustomer customer, string id, DateTimeOffset at, CancellationToken ct);

    /// <summary>
    /// Stores <paramref name="invoice"/> with its lines and the next sequence number of its period (the given one is ignored), all
    /// in one write; when an invoice of the same key is already stored, answers that one unchanged and writes nothing.
    /// </summary>
    Task<LocalInvoice> CreateOrGetAsync(LocalInvoice invoice, CancellationToken ct);

    Task<LocalInvoice?> FindAsync(string externalId, CancellationToken ct);

    /// <summary>The customer's invoices, oldest period first.</summary>
    Task<IReadOnlyList<LocalInvoice>> ListByCustomerAsync(string customerId, CancellationToken ct);

    /// <summary>Sets the status when it is still <paramref name="from"/>; false when it was not (changed meanwhile) or is unknown.</summary>
    Task<bool> SetStatusAsync(string externalId, IssuedStatus from, IssuedStatus to, DateTimeOffset at, CancellationToken ct);
}
