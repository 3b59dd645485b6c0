using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.Finance.Runs;

/// <summary>Which invoices a provider list shows: a run's, a tenant's, those in some statuses, those due before a date.</summary>
public sealed record InvoiceFilter(Guid? RunId = null, string? TenantId = null, IReadOnlyList<InvoiceStatus>? Statuses = null, DateOnly? DueBefore = null);

/// <summary>A run's invoices by status: how many and their totals per currency.</summary>
public sealed record RunTally(InvoiceStatus Status, string Currency, int Invoices, decimal Total);

/// <summary>
/// Tenants' invoices. Reads and writes of one invoice take the tenant's scope; the provider's lists across tenants (a run's
/// drafts, the dunning queue, an incoming payment event) take none and are only reached from provider-only use cases.
/// </summary>
public interface ITenantInvoiceStore
{
    /// <summary>Adds a draft; false (and nothing written) when the run already has an invoice for the tenant: a resumed draft.</summary>
    Task<bool> AddDraftAsync(TenantScope scope, TenantInvoice invoice, CancellationToken ct);

    Task<TenantInvoice?> FindAsync(TenantScope scope, Guid invoiceId, CancellationToken ct);

    /// <summary>The invoice the issuer knows by <paramref name="externalId"/>, whichever tenant's it is.</summary>
    Task<TenantInvoice?> FindByExternalIdAsync(string externalId, CancellationToken ct);

    /// <summary>The tenant's invoices, newest period first; only those issued to it (<see cref="TenantInvoice.SentStatuses"/>) when <paramref name="issuedOnly"/>.</summary>
    Task<Page<TenantInvoice>> ListForTenantAsync(TenantScope scope, bool issuedOnly, int pageSize, string? cursor, CancellationToken ct);

    /// <summary>Invoices across tenants, by tenant id then period (newest first), matching <paramref name="filter"/>.</summary>
    Task<Page<TenantInvoice>> ListAsync(InvoiceFilter filter, int pageSize, string? cursor, CancellationToken ct);

    Task<IReadOnlyList<RunTally>> TallyAsync(Guid runId, CancellationToken ct);

    /// <summary>
    /// Saves the invoice and its pending events in one write if its stored version is still <paramref name="expectedVersion"/>;
    /// else <see cref="ConcurrencyConflictException"/>.
    /// </summary>
    Task SaveAsync(TenantScope scope, TenantInvoice invoice, long expectedVersion, CancellationToken ct);
}

/// <summary>The issuer's payment events already handled, each id once, so a replayed webhook changes nothing.</summary>
public interface IPaymentEventLog
{
    /// <summary>Records the event; false when it was recorded before.</summary>
    Task<bool> RecordAsync(Issuing.PaymentEvent e, string outcome, DateTimeOffset receivedAt, CancellationToken ct);

    Task<bool> SeenAsync(string eventId, CancellationToken ct);
}
