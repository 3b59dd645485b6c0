using BackOffice.Core.Activity;
using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;
using BackOffice.Storage.Sqlite.Rows;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Storage.Sqlite.Stores;

internal sealed class SqliteActivityStore(SqliteDatabase db) : IActivityStore
{
    public Task AppendAsync(TenantScope scope, ActivityEntry entry, CancellationToken ct)
    {
        scope.EnsureOwns(entry.TenantId, "activity entry");
        return db.WriteAsync(scope, context => context.Database.ExecuteSqlAsync($"""
            INSERT INTO activity_entries (tenant_id, event_id, at, actor_name, item_id, text)
            VALUES ({entry.TenantId}, {entry.EventId.ToString("D")}, {entry.At.ToTicks()}, {entry.ActorName}, {entry.ItemId?.ToString("D")}, {entry.Text})
            ON CONFLICT (tenant_id, event_id) DO NOTHING
            """, ct), ct);
    }

    public async Task<Page<ActivityEntry>> ListAsync(TenantScope scope, int pageSize, string? cursor, CancellationToken ct)
    {
        var (beforeAt, beforeId) = ParseCursor(Cursor.Decode(cursor));
        await using var context = db.Context(scope);
        var query = context.Activity.AsNoTracking();
        if (beforeId is not null)
            query = query.Where(r => r.At < beforeAt || (r.At == beforeAt && string.Compare(r.EventId, beforeId) < 0));
        var rows = await query.OrderByDescending(r => r.At).ThenByDescending(r => r.EventId).Take(pageSize + 1).ToListAsync(ct);
        var next = rows.Count > pageSize ? Cursor.Encode($"{rows[pageSize - 1].At}|{rows[pageSize - 1].EventId}") : null;
        return new Page<ActivityEntry>(rows.Take(pageSize).Select(ToEntry).ToList(), next);
    }

    private static (long, string?) ParseCursor(string? key)
    {
        if (key is null) return (0, null);
        var parts = key.Split('|');
        return parts.Length == 2 && long.TryParse(parts[0], out var at) ? (at, parts[1]) : throw Cursor.Invalid();
    }

    private static ActivityEntry ToEntry(ActivityRow r) =>
        new(r.TenantId, Guid.Parse(r.EventId), Time.FromTicks(r.At), r.ActorName, r.ItemId is null ? null : Guid.Parse(r.ItemId), r.Text);
}
