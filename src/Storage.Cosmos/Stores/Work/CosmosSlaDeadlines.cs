using System.Text.Json;
using BackOffice.Core.Common;
using BackOffice.Core.Sla;
using BackOffice.Storage.Cosmos.Documents;
using Microsoft.Azure.Cosmos;

namespace BackOffice.Storage.Cosmos.Stores.Work;

/// <summary>
/// Fires the SLA deadlines kept on the work item documents (<see cref="WorkItemDocument.Deadlines"/>), found across
/// tenants by the range on <see cref="WorkItemDocument.NextDeadline"/>. A deadline's event joins the item's pending events
/// in the same conditional replace that removes the deadline, so of several monitors only one ever fires it; the others
/// meet 412, read the item again and find it gone.
/// </summary>
internal sealed class CosmosSlaDeadlines(CosmosDatabase db, TenantWriter writer) : ISlaDeadlines
{
    public async Task<int> FireDueAsync(DateTimeOffset now, int max, CancellationToken ct)
    {
        var fired = 0;
        while (fired < max)
        {
            var due = await db.QueryAsync<Due>(db.Data, new QueryDefinition(
                    $"SELECT TOP {max - fired} c.id, c.tenantId FROM c WHERE c.kind = @k AND c.nextDeadline <= @now ORDER BY c.nextDeadline")
                .WithParameter("@k", WorkItemDocument.KindName).WithParameter("@now", now.UtcTicks), null, "sla.due", ct, max - fired);
            if (due.Count == 0) break;
            foreach (var item in due)
                if (fired < max) fired += await FireAsync(item, now, max - fired, ct);
        }
        return fired;
    }

    /// <summary>Fires up to <paramref name="budget"/> of the item's due deadlines, earliest first; how many it fired.</summary>
    private async Task<int> FireAsync(Due due, DateTimeOffset now, int budget, CancellationToken ct)
    {
        var attempts = 0;
        while (true)
        {
            Contention.Count(ref attempts, "sla.fire");
            var (stored, _) = await db.ReadAsync<WorkItemDocument>(db.Data, due.Id, new PartitionKey(due.TenantId), "sla.read", ct);
            if (stored is null || stored.NextDeadline is not { } next || next > now.UtcTicks) return 0;
            var all = stored.Deadlines ?? [];
            var firing = all.Where(d => d.At <= now.UtcTicks).OrderBy(d => d.At).Take(budget).ToList();
            var left = all.Except(firing).OrderBy(d => d.At).ToList();
            var document = Copy(stored);
            (document.Deadlines, document.NextDeadline) = (left.Count == 0 ? null : left, left.Count == 0 ? null : left[0].At);
            document.TakeEvents(firing.Select(d => PendingEvent.Of(EventOf(stored, d, now))), null);
            try
            {
                await writer.SaveAsync(new DocumentWrite(document, stored), "sla.fire", ct);
                return firing.Count;
            }
            catch (ConcurrencyConflictException)
            {
                // Changed since it was read (another monitor, or the item's own write): read it again.
            }
        }
    }

    /// <summary>The crossing's event, with its clock's due time as the item holds it now and when this pass found it.</summary>
    private static Core.WorkItems.WorkItemEvent EventOf(WorkItemDocument document, WorkItemDocument.DeadlineEntry entry, DateTimeOffset now)
    {
        var (item, at) = (document.Item, new DateTimeOffset(entry.At, TimeSpan.Zero));
        var clockDue = (entry.Clock == SlaClockKind.FirstResponse ? item.Sla?.FirstResponseDue : item.Sla?.ResolutionDue) ?? at;
        return new SlaDeadline(entry.Clock, entry.Percent, at).EventFor(document.TenantId, item.Id, item.Title, clockDue, now);
    }

    private static WorkItemDocument Copy(WorkItemDocument document) =>
        JsonSerializer.Deserialize<WorkItemDocument>(JsonSerializer.SerializeToUtf8Bytes(document, CosmosDatabase.Json), CosmosDatabase.Json)!;

    private sealed record Due(string Id, string TenantId);
}
