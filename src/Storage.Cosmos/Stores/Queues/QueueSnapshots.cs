using BackOffice.Core.Common;
using BackOffice.Core.Queues.ForecastBreaches;
using BackOffice.Core.WorkItems;
using BackOffice.Storage.Cosmos.Documents;
using Microsoft.Azure.Cosmos;

namespace BackOffice.Storage.Cosmos.Stores.Queues;

/// <summary>Reads a queue across tenants for the breach forecast: its entries in claim order, and its latest resolutions.</summary>
internal sealed class QueueSnapshots(CosmosDatabase db)
{
    private static readonly string Resolved = WorkItemStatus.Resolved.ToText();

    public async Task<QueueSnapshot> ReadAsync(string queue, DateTimeOffset now, int maxOpen, int recent, CancellationToken ct)
    {
        var open = maxOpen <= 0 ? [] : await db.QueryAsync<WorkItemDocument>(db.Data, new QueryDefinition(
                $"SELECT TOP {maxOpen} * FROM c WHERE c.kind = @k AND c.queueName = @q ORDER BY c[\"order\"]")
            .WithParameter("@k", WorkItemDocument.KindName).WithParameter("@q", queue), null, "queue.snapshot", ct, maxOpen);
        // Resolved items have left the queue's index; the item's own queue says where it was worked.
        var resolved = recent <= 0 ? [] : await db.QueryAsync<WorkItemDocument>(db.Data, new QueryDefinition(
                $"SELECT TOP {recent} * FROM c WHERE c.kind = @k AND c.item.queue = @q AND c.status = @s ORDER BY c.updatedTicks DESC")
            .WithParameter("@k", WorkItemDocument.KindName).WithParameter("@q", queue).WithParameter("@s", Resolved), null, "queue.snapshot-resolved", ct, recent);
        return new QueueSnapshot(open.Select(d => ToItem(d, now.UtcTicks)).ToList(), resolved.Select(ToResolution).OfType<RecentResolution>().ToList());
    }

    private static OpenQueueItem ToItem(WorkItemDocument document, long now)
    {
        var (item, live) = (document.Item, document.LeaseTicks > now);
        return new OpenQueueItem(item.TenantId, item.Id, item.Title, item.Priority, item.FirstRespondedAt is null ? item.Sla?.FirstResponseDue : null,
            item.Sla?.ResolutionDue, live ? document.Assignee : null, live ? item.History.LastOrDefault(h => h.Action == WorkItemActions.Claimed)?.At : null,
            item.Type, item.Sla?.TimeZone);
    }

    /// <summary>The last claim before the resolution, and who resolved it; null for an item resolved without a claim.</summary>
    private static RecentResolution? ToResolution(WorkItemDocument document)
    {
        var changes = document.Item.History.ToList();
        var resolvedAt = changes.FindLastIndex(h => h.Action == WorkItemActions.Resolved);
        var claimed = resolvedAt < 0 ? -1 : changes.FindLastIndex(resolvedAt, h => h.Action == WorkItemActions.Claimed);
        return claimed < 0 ? null : new RecentResolution(changes[resolvedAt].ActorSubject, changes[claimed].At, changes[resolvedAt].At, document.Type);
    }
}
