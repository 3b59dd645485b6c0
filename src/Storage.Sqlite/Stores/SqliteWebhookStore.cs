using System.Text.Json;
using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;
using BackOffice.Core.Webhooks;
using BackOffice.Storage.Sqlite.Rows;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Storage.Sqlite.Stores;

internal sealed class SqliteWebhookStore(SqliteDatabase db) : IWebhookStore
{
    private static readonly string Pending = WebhookDeliveryStatus.Pending.ToText();

    public async Task<WebhookSubscription?> FindAsync(TenantScope scope, CancellationToken ct)
    {
        await using var context = db.Context(scope);
        return (await context.WebhookSubscriptions.AsNoTracking().SingleOrDefaultAsync(ct))?.ToSubscription();
    }

    public Task SaveAsync(TenantScope scope, WebhookSubscription s, CancellationToken ct, Core.Audit.AuditRecord? audit = null)
    {
        scope.EnsureOwns(s.TenantId, "webhook subscription");
        if (audit is not null) scope.EnsureOwns(audit.TenantId, "audit entry");
        return db.WriteAsync(scope, async context =>
        {
            await context.Database.ExecuteSqlAsync($"""
            INSERT INTO webhook_subscriptions (tenant_id, url, events, secret, created_at, updated_at)
            VALUES ({s.TenantId}, {s.Url.ToString()}, {JsonSerializer.Serialize(s.Events)}, {s.Secret}, {s.CreatedAt.ToTicks()}, {s.UpdatedAt.ToTicks()})
            ON CONFLICT (tenant_id) DO UPDATE SET url = excluded.url, events = excluded.events, secret = excluded.secret, updated_at = excluded.updated_at
            """, ct);
            if (audit is not null) await AuditChain.AppendAsync(context, [audit], ct);
        }, ct);
    }

    public Task<bool> RemoveAsync(TenantScope scope, CancellationToken ct, Core.Audit.AuditRecord? audit = null)
    {
        if (audit is not null) scope.EnsureOwns(audit.TenantId, "audit entry");
        return db.WriteAsync(scope, async context =>
        {
            var removed = await context.Database.ExecuteSqlAsync($"DELETE FROM webhook_subscriptions WHERE tenant_id = {scope.TenantId}", ct) > 0;
            if (removed && audit is not null) await AuditChain.AppendAsync(context, [audit], ct);
            return removed;
        }, ct);
    }

    public Task EnqueueAsync(TenantScope scope, WebhookDelivery d, CancellationToken ct)
    {
        scope.EnsureOwns(d.TenantId, "webhook delivery");
        return db.WriteAsync(scope, context => context.Database.ExecuteSqlAsync($"""
            INSERT INTO webhook_deliveries (tenant_id, id, event_type, url, payload, created_at, status, attempts, next_attempt_at)
            VALUES ({d.TenantId}, {d.Id.ToString("D")}, {d.EventType}, {d.Url.ToString()}, {d.Payload}, {d.CreatedAt.ToTicks()}, {d.Status.ToText()},
                {d.Attempts}, {d.NextAttemptAt.ToTicks()})
            ON CONFLICT (tenant_id, id) DO NOTHING
            """, ct), ct);
    }

    /// <summary>Leasing moves the next attempt to the lease's end, in the same statement that picks the rows.</summary>
    public Task<IReadOnlyList<WebhookDelivery>> LeaseDueAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int max, CancellationToken ct) =>
        db.WriteAsync<IReadOnlyList<WebhookDelivery>>(null, async context =>
        {
            var rows = await context.Database.SqlQuery<LeasedRow>($"""
                UPDATE webhook_deliveries SET next_attempt_at = {leaseUntil.ToTicks()}
                WHERE rowid IN (SELECT rowid FROM webhook_deliveries WHERE status = {Pending} AND next_attempt_at <= {now.ToTicks()}
                    ORDER BY next_attempt_at LIMIT {max})
                RETURNING tenant_id AS TenantId, id AS Id, event_type AS EventType, url AS Url, payload AS Payload, created_at AS CreatedAt,
                    status AS Status, attempts AS Attempts, next_attempt_at AS NextAttemptAt, last_status_code AS LastStatusCode,
                    last_error AS LastError, last_attempt_at AS LastAttemptAt
                """).ToListAsync(ct);
            return rows.Select(r => r.ToRow().ToDelivery()).OrderBy(d => d.CreatedAt).ToList();
        }, ct);

    public Task RecordAttemptAsync(WebhookDelivery d, CancellationToken ct) =>
        db.WriteAsync(null, context => context.Database.ExecuteSqlAsync($"""
            UPDATE webhook_deliveries SET url = {d.Url.ToString()}, status = {d.Status.ToText()}, attempts = {d.Attempts},
                next_attempt_at = {d.NextAttemptAt.ToTicks()}, last_status_code = {d.LastStatusCode}, last_error = {d.LastError},
                last_attempt_at = {d.LastAttemptAt.ToTicks()}
            WHERE tenant_id = {d.TenantId} AND id = {d.Id.ToString("D")}
            """, ct), ct);

    public async Task<WebhookDelivery?> FindDeliveryAsync(TenantScope scope, Guid id, CancellationToken ct)
    {
        await using var context = db.Context(scope);
        var key = id.ToString("D");
        return (await context.WebhookDeliveries.AsNoTracking().SingleOrDefaultAsync(r => r.Id == key, ct))?.ToDelivery();
    }

    public async Task<Page<WebhookDelivery>> ListDeliveriesAsync(TenantScope scope, WebhookDeliveryStatus? status, int pageSize, string? cursor, CancellationToken ct)
    {
        await using var context = db.Context(scope);
        var query = context.WebhookDeliveries.AsNoTracking();
        if (status is { } s) query = query.Where(r => r.Status == s.ToText());
        if (Cursor.Decode(cursor) is { } key)
        {
            var parts = key.Split('|');
            if (parts.Length != 2 || !long.TryParse(parts[0], out var createdAt)) throw Cursor.Invalid();
            var id = parts[1];
            query = query.Where(r => r.CreatedAt < createdAt || (r.CreatedAt == createdAt && string.Compare(r.Id, id) < 0));
        }
        var rows = await query.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Take(pageSize + 1).ToListAsync(ct);
        var next = rows.Count > pageSize ? Cursor.Encode($"{rows[pageSize - 1].CreatedAt}|{rows[pageSize - 1].Id}") : null;
        return new Page<WebhookDelivery>(rows.Take(pageSize).Select(r => r.ToDelivery()).ToList(), next);
    }

    private sealed record LeasedRow(string TenantId, string Id, string EventType, string Url, string Payload, long CreatedAt, string Status, int Attempts,
        long? NextAttemptAt, int? LastStatusCode, string? LastError, long? LastAttemptAt)
    {
        public WebhookDeliveryRow ToRow() => new()
        {
            TenantId = TenantId, Id = Id, EventType = EventType, Url = Url, Payload = Payload, CreatedAt = CreatedAt, Status = Status, Attempts = Attempts,
            NextAttemptAt = NextAttemptAt, LastStatusCode = LastStatusCode, LastError = LastError, LastAttemptAt = LastAttemptAt,
        };
    }
}
