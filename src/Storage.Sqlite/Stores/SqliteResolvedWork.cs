using BackOffice.Core.WorkItems.CloseWorkItem;
using BackOffice.Storage.Sqlite.Rows;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Storage.Sqlite.Stores;

internal sealed class SqliteResolvedWork(SqliteDatabase db) : IResolvedWork
{
    public async Task<IReadOnlyList<ResolvedItem>> FindResolvedBeforeAsync(DateTimeOffset before, int max, CancellationToken ct)
    {
        var ticks = before.ToTicks();
        await using var context = db.Context();
        var rows = await context.Database.SqlQuery<ResolvedRow>($"""
            SELECT tenant_id AS TenantId, id AS Id FROM work_items
            WHERE status = 'resolved' AND updated_at <= {ticks}
            ORDER BY updated_at LIMIT {max}
            """).ToListAsync(ct);
        return rows.Select(r => new ResolvedItem(r.TenantId, Guid.Parse(r.Id))).ToList();
    }

    private sealed record ResolvedRow(string TenantId, string Id);
}
