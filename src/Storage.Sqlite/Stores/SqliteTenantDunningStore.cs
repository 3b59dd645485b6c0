using System.Text.Json;
using BackOffice.Core.Common;
using BackOffice.Core.Finance.Dunning;
using BackOffice.Core.Tenancy;
using BackOffice.Storage.Sqlite.Rows;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Storage.Sqlite.Stores;

/// <summary>Each tenant's dunning on SQLite: one row per tenant once finance or dunning changed it, saved under its version.</summary>
internal sealed class SqliteTenantDunningStore(SqliteDatabase db) : ITenantDunningStore
{
    private sealed record Row(string TenantId, string ReminderDays, int SuspendAfterDays, bool Paused, string? PausedReason, string? PausedBy,
        long? PausedAt, long? SuspendedByDunningAt, long Version)
    {
        public TenantDunning ToDunning() => new(TenantId, JsonSerializer.Deserialize<List<int>>(ReminderDays)!, SuspendAfterDays, Paused,
            PausedReason, PausedBy, Time.FromTicks(PausedAt), Time.FromTicks(SuspendedByDunningAt), Version);
    }

    public async Task<TenantDunning> GetAsync(TenantScope scope, CancellationToken ct)
    {
        await using var context = db.Context(scope);
        var row = await context.Database.SqlQuery<Row>($"""
            SELECT tenant_id AS TenantId, reminder_days AS ReminderDays, suspend_after_days AS SuspendAfterDays, paused AS Paused,
                paused_reason AS PausedReason, paused_by AS PausedBy, paused_at AS PausedAt, suspended_by_dunning_at AS SuspendedByDunningAt,
                version AS Version
            FROM tenant_dunning WHERE tenant_id = {scope.TenantId}
            """).SingleOrDefaultAsync(ct);
        return row?.ToDunning() ?? TenantDunning.Default(scope.TenantId);
    }

    public async Task<TenantDunning> SaveAsync(TenantScope scope, TenantDunning d, CancellationToken ct)
    {
        scope.EnsureOwns(d.TenantId, "dunning setting");
        var (days, version) = (JsonSerializer.Serialize(d.ReminderDays), d.Version + 1);
        // Version 0 inserts only when there is no row; a later version updates only the row still at it.
        var written = await db.WriteAsync(scope, context => context.Database.ExecuteSqlAsync($"""
            INSERT INTO tenant_dunning (tenant_id, reminder_days, suspend_after_days, paused, paused_reason, paused_by, paused_at,
                suspended_by_dunning_at, version)
            SELECT {d.TenantId}, {days}, {d.SuspendAfterDays}, {d.Paused}, {d.PausedReason}, {d.PausedBy}, {d.PausedAt.ToTicks()},
                {d.SuspendedByDunningAt.ToTicks()}, {version}
            WHERE {d.Version} = 0
            ON CONFLICT (tenant_id) DO NOTHING;
            UPDATE tenant_dunning SET reminder_days = {days}, suspend_after_days = {d.SuspendAfterDays}, paused = {d.Paused},
                paused_reason = {d.PausedReason}, paused_by = {d.PausedBy}, paused_at = {d.PausedAt.ToTicks()},
                suspended_by_dunning_at = {d.SuspendedByDunningAt.ToTicks()}, version = {version}
            WHERE tenant_id = {d.TenantId} AND version = {d.Version} AND {d.Version} > 0
            """, ct), ct);
        if (written != 1) throw new ConcurrencyConflictException($"The dunning of tenant '{d.TenantId}'");
        return d with { Version = version };
    }

    public async Task<IReadOnlyList<string>> SuspendedByDunningAsync(CancellationToken ct)
    {
        await using var context = db.Context();
        return await context.Database.SqlQuery<string>($"""
            SELECT tenant_id AS Value FROM tenant_dunning WHERE suspended_by_dunning_at IS NOT NULL ORDER BY tenant_id
            """).ToListAsync(ct);
    }
}
