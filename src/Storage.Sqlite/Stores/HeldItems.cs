using BackOffice.Core.Common;
using BackOffice.Core.Queues;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;
using BackOffice.Storage.Sqlite.Rows;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Storage.Sqlite.Stores;

/// <summary>An agent's live claims across tenants, found through the claimant index (ix_queue_entries_claimant), not by scanning items.</summary>
internal static class HeldItems
{
    public static async Task<IReadOnlyList<HeldItem>> ReadAsync(BackOfficeDbContext context, string agent, long now, int max, CancellationToken ct)
    {
        var rows = await context.Database.SqlQuery<HeldRow>($"""
            SELECT q.tenant_id AS TenantId, t.display_name AS TenantName, t.time_zone AS TimeZone, q.item_id AS ItemId, w.title AS Title,
                w.type AS Type, w.service_line AS Line, q.queue AS Queue, w.priority AS Priority, q.lease_expires_at AS LeaseExpiresAt,
                w.resolution_due AS ResolutionDue, w.version AS Version
            FROM queue_entries q JOIN work_items w ON w.tenant_id = q.tenant_id AND w.id = q.item_id JOIN tenants t ON t.id = q.tenant_id
            WHERE q.claimed_by = {agent} AND q.lease_expires_at > {now}
            ORDER BY w.resolution_due IS NULL, w.resolution_due, q.lease_expires_at LIMIT {max}
            """).ToListAsync(ct);
        return rows.Select(r => new HeldItem(r.TenantId, r.TenantName, r.TimeZone, Guid.Parse(r.ItemId), r.Title, r.Type, EnumText.Parse<ServiceLine>(r.Line),
            r.Queue, EnumText.Parse<Priority>(r.Priority), Time.FromTicks(r.LeaseExpiresAt), Time.FromTicks(r.ResolutionDue), r.Version)).ToList();
    }

    private sealed record HeldRow(string TenantId, string TenantName, string TimeZone, string ItemId, string Title, string Type, string Line, string Queue,
        string Priority, long LeaseExpiresAt, long? ResolutionDue, long Version);
}
