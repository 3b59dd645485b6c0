using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.WorkItems;

/// <param name="Text">Items whose title or description contains this text, ignoring case; no text filter when null.</param>
public sealed record WorkItemFilter(WorkItemStatus? Status = null, ServiceLine? ServiceLine = null, Priority? Priority = null, string? Type = null, string? Text = null);

/// <summary>
/// A tenant's work items. Every call is bound to one tenant's scope (one partition); writes keep the item's
/// queue index and write its pending events to the outbox in the same transaction. A write that resolves an item also
/// records the resolution's usage (<see cref="Finance.Metering.ResolutionUsage"/>) in that transaction, in the tenant's first
/// open period from the one it happened in, and only once per resolution event.
/// </summary>
public interface IWorkItemStore
{
    Task<WorkItem?> FindAsync(TenantScope scope, Guid id, CancellationToken ct);

    /// <summary>Newest first, keyset-paged by id.</summary>
    Task<Page<WorkItem>> ListAsync(TenantScope scope, WorkItemFilter filter, int pageSize, string? cursor, CancellationToken ct);

    Task AddAsync(TenantScope scope, WorkItem item, CancellationToken ct);

    /// <summary>Saves a change if the stored version is <paramref name="expectedVersion"/>; else <see cref="ConcurrencyConflictException"/>.</summary>
    Task UpdateAsync(TenantScope scope, WorkItem item, long expectedVersion, CancellationToken ct);

    /// <summary>How many of the tenant's items are in each status (statuses with none are left out), counted, not read.</summary>
    Task<IReadOnlyDictionary<WorkItemStatus, int>> CountByStatusAsync(TenantScope scope, CancellationToken ct);

    /// <summary>Open items (new, in progress, waiting on the client) that have SLA clocks, soonest resolution due first; at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<WorkItem>> ListOpenByDueAsync(TenantScope scope, int max, CancellationToken ct);
}
