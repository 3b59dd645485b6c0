using BackOffice.Core.Common;
using BackOffice.Core.WorkItems;
using BackOffice.Storage.Sqlite.Rows;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Storage.Sqlite.Stores;

/// <summary>
/// Keeps an item's SLA deadlines in the due-time index, in the item's transaction. Only deadlines still in the future
/// are replaced: one already past has been crossed and stays until the monitor fires it, so a later edit can neither
/// lose nor repeat a warning or a breach.
/// </summary>
internal static class DeadlineIndex
{
    public static async Task SyncAsync(BackOfficeDbContext context, WorkItem item, CancellationToken ct)
    {
        var (tenant, id, now) = (item.TenantId, item.Id.ToString("D"), item.UpdatedAt.ToTicks());
        await context.ExecuteAsync($"DELETE FROM sla_deadlines WHERE tenant_id = {tenant} AND item_id = {id} AND due_at > {now}", ct);
        foreach (var deadline in item.PendingDeadlines.Where(d => d.At.ToTicks() > now))
            await context.ExecuteAsync($"""
                INSERT OR IGNORE INTO sla_deadlines (tenant_id, item_id, clock, percent, due_at, title)
                VALUES ({tenant}, {id}, {deadline.Clock.ToText()}, {deadline.Percent}, {deadline.At.ToTicks()}, {item.Title})
                """, ct);
    }
}
