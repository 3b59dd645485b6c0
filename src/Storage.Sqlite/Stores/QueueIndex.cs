using BackOffice.Core.WorkItems;
using BackOffice.Storage.Sqlite.Rows;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Storage.Sqlite.Stores;

/// <summary>Keeps an item's entry in its queue's index in step with the item, inside the item's transaction.</summary>
internal static class QueueIndex
{
    public static Task SyncAsync(BackOfficeDbContext context, WorkItem item, CancellationToken ct)
    {
        var id = item.Id.ToString("D");
        if (!item.IsQueued)
            return context.ExecuteAsync($"DELETE FROM queue_entries WHERE item_id = {id}", ct);
        var (sortKey, band) = (item.QueueOrder, item.QueueBand);
        var lease = item.LeaseExpiresAt.ToTicks();
        return context.ExecuteAsync($"""
            INSERT INTO queue_entries (item_id, queue, tenant_id, sort_key, band, claimed_by, lease_expires_at, created_at)
            VALUES ({id}, {item.Queue}, {item.TenantId}, {sortKey}, {band}, {item.AssigneeSubject}, {lease}, {item.CreatedAt.ToTicks()})
            ON CONFLICT (item_id) DO UPDATE SET queue = excluded.queue, sort_key = excluded.sort_key, band = excluded.band,
                claimed_by = excluded.claimed_by, lease_expires_at = excluded.lease_expires_at;
            INSERT OR IGNORE INTO queue_tenants (queue, tenant_id, last_served) VALUES ({item.Queue}, {item.TenantId}, 0)
            """, ct);
    }
}
