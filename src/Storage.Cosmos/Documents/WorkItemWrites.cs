using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;
using BackOffice.Storage.Cosmos.Stores.Queues;
using Microsoft.Azure.Cosmos;

namespace BackOffice.Storage.Cosmos.Documents;

/// <summary>
/// The documents a work item's change writes: the item itself, conditional on the version the caller read (and on the
/// stored document's ETag), and the usage of a resolution among its events. Any store that saves a record together with
/// the item that changed it commits these in the same <see cref="TenantWriter.CommitAsync"/>. An item entering a queue
/// makes its tenant known to that queue first, so no queued item is ever missing from its tenants' turns.
/// </summary>
internal sealed class WorkItemWrites(CosmosDatabase db, IEnumerable<IResolutionUsage> usage, QueueTenants queueTenants)
{
    /// <param name="expectedVersion">0 for a new item.</param>
    public async Task<List<DocumentWrite>> PrepareAsync(TenantScope scope, WorkItem item, long expectedVersion, CancellationToken ct)
    {
        scope.EnsureOwns(item.TenantId, "work item");
        WorkItemDocument? stored = null;
        if (expectedVersion > 0)
        {
            (stored, _) = await db.ReadAsync<WorkItemDocument>(db.Data, item.Id.ToString("D"), new PartitionKey(item.TenantId), "work-item.read", ct);
            if (stored is null || stored.Version != expectedVersion) throw new ConcurrencyConflictException($"Work item {item.Id}");
        }
        if (item.IsQueued && stored is null or { QueueName: null }) await queueTenants.EnsureAsync(item.Queue, item.TenantId, ct);
        var writes = new List<DocumentWrite> { new(WorkItemDocument.From(item, stored), stored) };
        foreach (var meter in usage) writes.AddRange(await meter.WritesAsync(item.TenantId, item.PendingEvents, ct));
        return writes;
    }
}
