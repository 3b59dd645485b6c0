using BackOffice.Core.Common;
using BackOffice.Core.Queues;
using BackOffice.Core.WorkItems;
using BackOffice.Storage.Cosmos.Documents;
using Microsoft.Azure.Cosmos;

namespace BackOffice.Storage.Cosmos.Stores.Queues;

/// <summary>
/// The queues, read from the queue fields of the work item documents (queue name, band, order, assignee, lease) across
/// tenants. A claim is the item's own <see cref="WorkItem.Claim"/> written back on the ETag it was read with: of two
/// claimants of one item, the second meets 412 and takes the next candidate, so no entry is ever claimed twice.
/// </summary>
internal sealed class CosmosWorkQueue(CosmosDatabase db, TenantWriter writer, FairClaim fairClaim, QueueTenants queueTenants,
    QueueSnapshots snapshots, QueueBoards boards, HeldItems heldItems) : IWorkQueue
{
    private static readonly string New = WorkItemStatus.New.ToText();

    public async Task<WorkItem?> ClaimNextAsync(string queue, ClaimLease lease, CancellationToken ct)
    {
        if (lease.WipLimit is { } limit)
        {
            var held = await CountHeldAsync(lease.Agent.Subject, lease.Now, ct);
            if (held >= limit) throw new ConflictException($"You already hold {held} items, your limit; resolve or hand one back first.");
        }
        while (await fairClaim.NextAsync(queue, lease, ct) is { } pick)
            foreach (var candidate in pick.Candidates)
                if (await TryClaimAsync(candidate, lease, ct) is { } claimed)
                {
                    await queueTenants.MarkServedAsync(queue, claimed.TenantId, pick.Tenants, ct);
                    return claimed;
                }
        return null;
    }

    public Task<int> CountHeldAsync(string agent, DateTimeOffset now, CancellationToken ct) =>
        db.ScalarAsync<int>(db.Data, new QueryDefinition("SELECT VALUE COUNT(1) FROM c WHERE c.kind = @k AND c.assignee = @a AND c.leaseTicks > @now")
            .WithParameter("@k", WorkItemDocument.KindName).WithParameter("@a", agent).WithParameter("@now", now.UtcTicks), null, "queue.held-count", ct);

    public Task<IReadOnlyList<HeldItem>> HeldByAsync(string agent, DateTimeOffset now, int max, CancellationToken ct) =>
        heldItems.ReadAsync(agent, now, max, ct);

    public async Task<IReadOnlyList<LapsedClaim>> FindLapsedClaimsAsync(DateTimeOffset now, int max, CancellationToken ct)
    {
        if (max <= 0) return [];
        var lapsed = await db.QueryAsync<Entry>(db.Data, new QueryDefinition(
                $"SELECT TOP {max} c.id, c.tenantId, c.queueName FROM c WHERE c.kind = @k AND c.leaseTicks <= @now ORDER BY c.leaseTicks")
            .WithParameter("@k", WorkItemDocument.KindName).WithParameter("@now", now.UtcTicks), null, "queue.lapsed-claims", ct, max);
        return lapsed.Select(e => new LapsedClaim(e.QueueName, e.TenantId, Guid.Parse(e.Id))).ToList();
    }

    public Task<Core.Queues.ForecastBreaches.QueueSnapshot> SnapshotAsync(string queue, DateTimeOffset now, int maxOpen, int recent, CancellationToken ct) =>
        snapshots.ReadAsync(queue, now, maxOpen, recent, ct);

    public Task<Core.Queues.Supervise.QueueBoard> BoardAsync(string queue, DateTimeOffset now, CancellationToken ct) => boards.ReadAsync(queue, now, ct);

    /// <summary>One count per queue any tenant has entered; queues with nothing waiting are left out.</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountWaitingAsync(DateTimeOffset now, CancellationToken ct)
    {
        var counts = new Dictionary<string, int>();
        foreach (var queue in await queueTenants.QueuesAsync(ct))
        {
            var waiting = await db.ScalarAsync<int>(db.Data, new QueryDefinition(
                    "SELECT VALUE COUNT(1) FROM c WHERE c.kind = @k AND c.queueName = @q AND (c.status = @new OR c.leaseTicks <= @now)")
                .WithParameter("@k", WorkItemDocument.KindName).WithParameter("@q", queue).WithParameter("@new", New).WithParameter("@now", now.UtcTicks),
                null, "queue.waiting", ct);
            if (waiting > 0) counts[queue] = waiting;
        }
        return counts;
    }

    /// <summary>Claims the item as read; null when another write changed it since (the ETag no longer matches).</summary>
    private async Task<WorkItem?> TryClaimAsync(WorkItemDocument stored, ClaimLease lease, CancellationToken ct)
    {
        var item = stored.ToWorkItem();
        item.Claim(lease.Agent, lease.Now, lease.Until);
        try
        {
            await writer.SaveAsync(new DocumentWrite(WorkItemDocument.From(item, stored), stored), "queue.claim", ct);
        }
        catch (ConcurrencyConflictException)
        {
            return null;
        }
        item.ClearPendingEvents();
        return item;
    }

    private sealed record Entry(string Id, string TenantId, string QueueName);
}
