using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;

namespace BackOffice.Core.Finance.Metering;

public enum UsageKind { Work, Adjustment }

/// <summary>
/// One billable fact, never edited or deleted. <see cref="Period"/> is where it is billed: the period it happened in, or,
/// when that was already invoiced, the first open one after it (then <see cref="Late"/>, with <see cref="OccurredAt"/> kept).
/// Work entries name the event that caused them (<see cref="SourceEventId"/>, unique) and the item; adjustments name who and why.
/// </summary>
/// <param name="Priority">The item's priority, so SLA credits can be set against the charges of the work they concern.</param>
public sealed record UsageEntry(Guid Id, string TenantId, Meter Meter, decimal Quantity, DateTimeOffset OccurredAt, BillingPeriod Period, bool Late,
    UsageKind Kind, Guid? ItemId, Priority? Priority, Guid? SourceEventId, string? AdjustedBy, string? Reason, DateTimeOffset RecordedAt)
{
    /// <summary>A quantity has at most this many decimals (a ten-thousandth of a unit); ledgers keep and sum it exactly to that.</summary>
    public const int QuantityDecimals = 4;
}

/// <summary>A fact to record; the ledger decides its period (see <see cref="UsageEntry"/>).</summary>
/// <param name="HappenedIn">The tenant's period at <see cref="OccurredAt"/>, in its zone.</param>
public sealed record NewUsage(Guid Id, Meter Meter, decimal Quantity, DateTimeOffset OccurredAt, BillingPeriod HappenedIn, UsageKind Kind,
    Guid? ItemId, Priority? Priority, Guid? SourceEventId, string? AdjustedBy, string? Reason, DateTimeOffset RecordedAt);

/// <summary>One meter's units in a period, split by priority and by whether they came late.</summary>
public sealed record MeterTotal(Meter Meter, Priority? Priority, bool Late, decimal Quantity);

public sealed record UsageFilter(BillingPeriod Period, Meter? Meter = null, Guid? ItemId = null);

/// <summary>The usage ledger: append-only, one entry per source event, periods closed by billing runs.</summary>
public interface IUsageLedger
{
    /// <summary>
    /// Appends the entry in the first open period from its own; answers null (and writes nothing) when an entry of the same
    /// source event (or of the same id) is already there, so an event recorded twice (retries, two workers, a restart) leaves one.
    /// The entry is the scope's tenant's; its quantity has at most <see cref="UsageEntry.QuantityDecimals"/> decimals.
    /// </summary>
    Task<UsageEntry?> RecordAsync(TenantScope scope, NewUsage usage, CancellationToken ct);

    /// <summary>Whether the tenant's ledger holds the entry of <paramref name="sourceEventId"/>: a read, so a handler can skip the write.</summary>
    Task<bool> HasSourceAsync(TenantScope scope, Guid sourceEventId, CancellationToken ct);

    /// <summary>The tenant's units per meter, priority and lateness in <paramref name="period"/>.</summary>
    Task<IReadOnlyList<MeterTotal>> TotalsAsync(TenantScope scope, BillingPeriod period, CancellationToken ct);

    /// <summary>The entries of a period, oldest first, filtered to a meter or an item.</summary>
    Task<Page<UsageEntry>> ListAsync(TenantScope scope, UsageFilter filter, int pageSize, string? cursor, CancellationToken ct);

    /// <summary>Closes the tenant's period: from now on its usage goes to the next open period. False when it was closed already.</summary>
    Task<bool> ClosePeriodAsync(TenantScope scope, BillingPeriod period, Guid runId, DateTimeOffset at, CancellationToken ct);

    /// <summary>Opens a period again that a run closed but did not invoice (its tenant was left out), so a later run bills it.</summary>
    Task ReopenPeriodAsync(TenantScope scope, BillingPeriod period, Guid runId, CancellationToken ct);

    Task<bool> IsClosedAsync(TenantScope scope, BillingPeriod period, CancellationToken ct);

    /// <summary>The run that closed the tenant's period, or null while it is open.</summary>
    Task<Guid?> ClosedByAsync(TenantScope scope, BillingPeriod period, CancellationToken ct);

    /// <summary>
    /// For a billing run, across every tenant (so no scope): the units per tenant, meter, priority and lateness billed in
    /// <paramref name="period"/> (each tenant's own month of that name), grouped by tenant, one tenant's totals after another.
    /// Streamed as read, never loaded whole, however many tenants there are.
    /// </summary>
    IAsyncEnumerable<(string TenantId, MeterTotal Total)> TotalsForAllAsync(BillingPeriod period, CancellationToken ct);
}
