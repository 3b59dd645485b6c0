using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;
using Microsoft.Azure.Cosmos;

namespace BackOffice.Storage.Cosmos.Documents;

/// <summary>
/// The documents a work item's change writes: the item itself, conditional on the version the caller read (and on the
/// stored document's ETag), and the usage of a resolution among its events. Any store that saves a record together with
/// the item that changed it commits these in the same <see cref="TenantWriter.CommitAsync"/>.
/// </summary>
internal sealed class WorkItemWrites(CosmosDatabase db, IEnumerable<IResolutionUsage> usage)
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
        var writes = new List<DocumentWrite> { new(WorkItemDocument.From(item, stored), stored) };
        foreach (var meter in usage) writes.AddRange(await meter.WritesAsync(item.TenantId, item.PendingEvents, ct));
        return writes;
    }
}
