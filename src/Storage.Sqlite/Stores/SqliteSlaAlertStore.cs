using BackOffice.Core.Common;
using BackOffice.Core.Sla;
using BackOffice.Core.Sla.Alerts;
using BackOffice.Core.Tenancy;
using BackOffice.Storage.Sqlite.Rows;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Storage.Sqlite.Stores;

internal sealed class SqliteSlaAlertStore(SqliteDatabase db) : ISlaAlertStore
{
    public Task AddAsync(TenantScope scope, SlaAlert a, CancellationToken ct)
    {
        scope.EnsureOwns(a.TenantId, "SLA alert");
        return db.WriteAsync(scope, context => context.Database.ExecuteSqlAsync($"""
            INSERT INTO sla_alerts (id, tenant_id, item_id, title, queue, clock, percent, threshold_at, due_at, fired_at, time_zone)
            VALUES ({a.Id.ToString("D")}, {a.TenantId}, {a.ItemId.ToString("D")}, {a.Title}, {a.Queue}, {a.Clock.ToText()}, {a.Percent},
                {a.ThresholdAt.ToTicks()}, {a.DueAt.ToTicks()}, {a.FiredAt.ToTicks()}, {a.TimeZone})
            ON CONFLICT (id) DO NOTHING
            """, ct), ct);
    }

    /// <summary>The one read that crosses tenants, and says so: the provider's supervisors watch every tenant's queues.</summary>
    public async Task<Page<SlaAlert>> ListAllAsync(SlaAlertFilter filter, int pageSize, string? cursor, CancellationToken ct)
    {
        await using var context = db.Context();
        return await PageAsync(context.SlaAlerts.IgnoreQueryFilters(), filter, pageSize, cursor, ct);
    }

    public async Task<Page<SlaAlert>> ListAsync(TenantScope scope, SlaAlertFilter filter, int pageSize, string? cursor, CancellationToken ct)
    {
        await using var context = db.Context(scope);
        return await PageAsync(context.SlaAlerts, filter, pageSize, cursor, ct);
    }

    public Task<SlaAlert?> AcknowledgeAsync(Guid id, string by, DateTimeOffset at, CancellationToken ct) =>
        db.WriteAsync<SlaAlert?>(null, async context =>
        {
            var key = id.ToString("D");
            await context.Database.ExecuteSqlAsync($"""
                UPDATE sla_alerts SET acknowledged_at = {at.ToTicks()}, acknowledged_by = {by} WHERE id = {key} AND acknowledged_at IS NULL
                """, ct);
            var row = await context.SlaAlerts.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(r => r.Id == key, ct);
            return row is null ? null : ToAlert(row);
        }, ct);

    private static async Task<Page<SlaAlert>> PageAsync(IQueryable<SlaAlertRow> query, SlaAlertFilter filter, int pageSize, string? cursor, CancellationToken ct)
    {
        query = query.AsNoTracking();
        if (filter.Queue is { } queue) query = query.Where(r => r.Queue == queue);
        if (filter.UnacknowledgedOnly) query = query.Where(r => r.AcknowledgedAt == null);
        if (filter.BreachesOnly) query = query.Where(r => r.Percent >= 100);
        if (Cursor.Decode(cursor) is { } key)
        {
            var parts = key.Split('|');
            if (parts.Length != 2 || !long.TryParse(parts[0], out var firedAt)) throw Cursor.Invalid();
            var id = parts[1];
            query = query.Where(r => r.FiredAt < firedAt || (r.FiredAt == firedAt && string.Compare(r.Id, id) < 0));
        }
        var rows = await query.OrderByDescending(r => r.FiredAt).ThenByDescending(r => r.Id).Take(pageSize + 1).ToListAsync(ct);
        var next = rows.Count > pageSize ? Cursor.Encode($"{rows[pageSize - 1].FiredAt}|{rows[pageSize - 1].Id}") : null;
        return new Page<SlaAlert>(rows.Take(pageSize).Select(ToAlert).ToList(), next);
    }

    private static SlaAlert ToAlert(SlaAlertRow r) => new(Guid.Parse(r.Id), r.TenantId, Guid.Parse(r.ItemId), r.Title, r.Queue,
        EnumText.Parse<SlaClockKind>(r.Clock), r.Percent, Time.FromTicks(r.ThresholdAt), Time.FromTicks(r.DueAt), Time.FromTicks(r.FiredAt),
        r.TimeZone,
        Time.FromTicks(r.AcknowledgedAt), r.AcknowledgedBy);
}
