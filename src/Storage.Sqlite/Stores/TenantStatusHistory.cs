using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;
using BackOffice.Storage.Sqlite.Rows;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Storage.Sqlite.Stores;

/// <summary>A tenant's status history, one row per <see cref="TenantStatusChanged"/>, written inside the tenant's own write.</summary>
internal static class TenantStatusHistory
{
    public static List<TenantStatusChanged> Of(Tenant tenant) => tenant.PendingEvents.OfType<TenantStatusChanged>().ToList();

    public static async Task AppendAsync(BackOfficeDbContext context, IReadOnlyList<TenantStatusChanged> changes, CancellationToken ct)
    {
        foreach (var e in changes)
            await context.Database.ExecuteSqlAsync($"""
                INSERT OR IGNORE INTO tenant_status_history (tenant_id, event_id, at, status, actor_name, reason)
                VALUES ({e.TenantId}, {e.EventId.ToString("D")}, {e.OccurredAt.ToTicks()}, {e.Status.ToText()}, {e.ActorName}, {e.Reason})
                """, ct);
    }

    public static async Task<IReadOnlyList<TenantStatusChange>> ReadAsync(BackOfficeDbContext context, string tenantId, CancellationToken ct)
    {
        var rows = await context.Database.SqlQuery<Row>($"""
            SELECT at AS At, status AS Status, actor_name AS ActorName, reason AS Reason
            FROM tenant_status_history WHERE tenant_id = {tenantId} ORDER BY at, rowid
            """).ToListAsync(ct);
        return rows.Select(r => new TenantStatusChange(EnumText.Parse<TenantStatus>(r.Status), Time.FromTicks(r.At), r.ActorName, r.Reason)).ToList();
    }

    private sealed record Row(long At, string Status, string ActorName, string? Reason);
}
