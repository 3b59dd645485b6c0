using BackOffice.Core.Events;
using BackOffice.Storage.Sqlite.Rows;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Storage.Sqlite.Stores;

internal sealed class SqliteOutbox(SqliteDatabase db) : IOutbox
{
    public Task<IReadOnlyList<OutboxMessage>> LeaseDueAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken ct) =>
        db.WriteAsync<IReadOnlyList<OutboxMessage>>(null, async context =>
        {
            var at = now.ToTicks();
            var until = (now + lease).ToTicks();
            var rows = await context.Outbox.FromSql($"""
                UPDATE outbox_messages SET leased_until = {until}
                WHERE id IN (SELECT id FROM outbox_messages
                             WHERE due_at IS NOT NULL AND due_at <= {at} AND (leased_until IS NULL OR leased_until <= {at})
                             ORDER BY due_at LIMIT {max})
                RETURNING *
                """).AsNoTracking().ToListAsync(ct);
            return rows.OrderBy(r => r.OccurredAt).ThenBy(r => r.Id, StringComparer.Ordinal).Select(r => r.ToMessage()).ToList();
        }, ct);

    public Task MarkDeliveredAsync(Guid id, DateTimeOffset at, CancellationToken ct) =>
        db.WriteAsync(null, context => context.Database.ExecuteSqlAsync($"""
            UPDATE outbox_messages SET delivered_at = {at.ToTicks()}, due_at = NULL, leased_until = NULL WHERE id = {id.ToString("D")}
            """, ct), ct);

    public Task MarkFailedAsync(Guid id, string error, DateTimeOffset? retryAt, CancellationToken ct) =>
        db.WriteAsync(null, context => context.Database.ExecuteSqlAsync($"""
            UPDATE outbox_messages SET attempts = attempts + 1, last_error = {error}, due_at = {retryAt.ToTicks()}, leased_until = NULL
            WHERE id = {id.ToString("D")}
            """, ct), ct);

    public Task<int> PurgeDeliveredAsync(DateTimeOffset before, int max, CancellationToken ct) =>
        db.WriteAsync(null, context => context.Database.ExecuteSqlAsync($"""
            DELETE FROM outbox_messages WHERE id IN (
                SELECT id FROM outbox_messages WHERE delivered_at IS NOT NULL AND delivered_at <= {before.ToTicks()} ORDER BY delivered_at LIMIT {max})
            """, ct), ct);

    public async Task<int> CountUndeliveredAsync(CancellationToken ct)
    {
        await using var context = db.Context();
        return await context.Outbox.CountAsync(r => r.DeliveredAt == null, ct);
    }
}
