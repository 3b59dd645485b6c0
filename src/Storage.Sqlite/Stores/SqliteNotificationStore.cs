using System.Text.Json;
using System.Text.Json.Serialization;
using BackOffice.Core.Common;
using BackOffice.Core.Notifications;
using BackOffice.Storage.Sqlite.Rows;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Storage.Sqlite.Stores;

internal sealed class SqliteNotificationStore(SqliteDatabase db) : INotificationStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public Task AddAsync(IReadOnlyList<Notification> notifications, IReadOnlyList<OutgoingEmail> emails, CancellationToken ct) =>
        db.WriteAsync(null, async context =>
        {
            foreach (var n in notifications)
                await context.Database.ExecuteSqlAsync($"""
                    INSERT INTO notifications (id, recipient, tenant_id, kind, item_id, title, text, created_at, in_app, digest_pending, read_at)
                    VALUES ({n.Id.ToString("D")}, {n.Recipient}, {n.TenantId}, {n.Kind.ToText()}, {n.ItemId.ToString("D")}, {n.Title}, {n.Text},
                        {n.CreatedAt.ToTicks()}, {n.InApp}, {n.DigestPending}, {n.ReadAt.ToTicks()})
                    ON CONFLICT (id) DO NOTHING
                    """, ct);
            foreach (var e in emails) await SqliteEmailOutbox.InsertAsync(context, e, ct);
        }, ct);

    public async Task<int> CountUnreadAsync(string recipient, CancellationToken ct)
    {
        await using var context = db.Context();
        return await context.Database.SqlQuery<int>($"""
            SELECT COUNT(*) AS Value FROM notifications WHERE recipient = {recipient} AND in_app = 1 AND read_at IS NULL
            """).SingleAsync(ct);
    }

    public async Task<Page<Notification>> ListAsync(string recipient, int pageSize, string? cursor, CancellationToken ct)
    {
        var (after, afterId) = (long.MaxValue, "");
        if (Cursor.Decode(cursor) is { } key)
        {
            var parts = key.Split('|');
            if (parts.Length != 2 || !long.TryParse(parts[0], out after)) throw Cursor.Invalid();
            afterId = parts[1];
        }
        var first = cursor is null;
        await using var context = db.Context();
        var rows = await context.Database.SqlQuery<NotificationRow>($"""
            SELECT id AS Id, recipient AS Recipient, tenant_id AS TenantId, kind AS Kind, item_id AS ItemId, title AS Title, text AS Text,
                created_at AS CreatedAt, in_app AS InApp, digest_pending AS DigestPending, read_at AS ReadAt
            FROM notifications WHERE recipient = {recipient} AND in_app = 1
                AND ({first} OR created_at < {after} OR (created_at = {after} AND id < {afterId}))
            ORDER BY created_at DESC, id DESC LIMIT {pageSize + 1}
            """).ToListAsync(ct);
        var next = rows.Count > pageSize ? Cursor.Encode($"{rows[pageSize - 1].CreatedAt}|{rows[pageSize - 1].Id}") : null;
        return new Page<Notification>(rows.Take(pageSize).Select(r => r.ToNotification()).ToList(), next);
    }

    public Task<int> MarkReadAsync(string recipient, IReadOnlyList<Guid>? ids, DateTimeOffset at, CancellationToken ct)
    {
        var all = ids is null;
        var list = JsonSerializer.Serialize((ids ?? []).Select(i => i.ToString("D")));
        return db.WriteAsync(null, context => context.Database.ExecuteSqlAsync($"""
            UPDATE notifications SET read_at = {at.ToTicks()}
            WHERE recipient = {recipient} AND in_app = 1 AND read_at IS NULL AND ({all} OR id IN (SELECT value FROM json_each({list})))
            """, ct), ct);
    }

    public async Task<NotificationPreferences> FindPreferencesAsync(string recipient, CancellationToken ct)
    {
        await using var context = db.Context();
        var kinds = await context.Database.SqlQuery<string>($"SELECT kinds AS Value FROM notification_preferences WHERE recipient = {recipient}")
            .SingleOrDefaultAsync(ct);
        return kinds is null ? NotificationPreferences.Defaults(recipient)
            : new NotificationPreferences(recipient, JsonSerializer.Deserialize<List<KindPreference>>(kinds, Json) ?? []);
    }

    public Task SavePreferencesAsync(NotificationPreferences p, CancellationToken ct)
    {
        var kinds = JsonSerializer.Serialize(p.Kinds, Json);
        return db.WriteAsync(null, context => context.Database.ExecuteSqlAsync($"""
            INSERT INTO notification_preferences (recipient, kinds) VALUES ({p.Subject}, {kinds})
            ON CONFLICT (recipient) DO UPDATE SET kinds = excluded.kinds
            """, ct), ct);
    }

    public async Task<IReadOnlyList<string>> ListDigestRecipientsAsync(CancellationToken ct)
    {
        await using var context = db.Context();
        return await context.Database.SqlQuery<string>($"SELECT DISTINCT recipient AS Value FROM notifications WHERE digest_pending = 1")
            .ToListAsync(ct);
    }

    public async Task<IReadOnlyList<Notification>> ListDigestPendingAsync(string recipient, DateTimeOffset before, CancellationToken ct)
    {
        await using var context = db.Context();
        var rows = await context.Database.SqlQuery<NotificationRow>($"""
            SELECT id AS Id, recipient AS Recipient, tenant_id AS TenantId, kind AS Kind, item_id AS ItemId, title AS Title, text AS Text,
                created_at AS CreatedAt, in_app AS InApp, digest_pending AS DigestPending, read_at AS ReadAt
            FROM notifications WHERE recipient = {recipient} AND digest_pending = 1 AND created_at < {before.ToTicks()}
            ORDER BY created_at, id
            """).ToListAsync(ct);
        return rows.Select(r => r.ToNotification()).ToList();
    }

    public Task<bool> QueueDigestAsync(OutgoingEmail digest, IReadOnlyList<Guid> notificationIds, CancellationToken ct)
    {
        var list = JsonSerializer.Serialize(notificationIds.Select(i => i.ToString("D")));
        return db.WriteAsync(null, async context =>
        {
            if (await SqliteEmailOutbox.InsertAsync(context, digest, ct) == 0) return false;
            await context.Database.ExecuteSqlAsync($"""
                UPDATE notifications SET digest_pending = 0 WHERE digest_pending = 1 AND id IN (SELECT value FROM json_each({list}))
                """, ct);
            return true;
        }, ct);
    }

    private sealed record NotificationRow(string Id, string Recipient, string TenantId, string Kind, string ItemId, string Title, string Text,
        long CreatedAt, bool InApp, bool DigestPending, long? ReadAt)
    {
        public Notification ToNotification() => new(Guid.Parse(Id), Recipient, TenantId, EnumText.Parse<NotificationKind>(Kind), Guid.Parse(ItemId),
            Title, Text, Time.FromTicks(CreatedAt), InApp, DigestPending, Time.FromTicks(ReadAt));
    }

    public Task<int> PurgeAsync(DateTimeOffset readBefore, DateTimeOffset anyBefore, int max, CancellationToken ct) =>
        db.WriteAsync<int>(null, context => context.Database.ExecuteSqlAsync($"""
            DELETE FROM notifications WHERE rowid IN (
                SELECT rowid FROM notifications
                WHERE digest_pending = 0 AND created_at < {Math.Max(readBefore.ToTicks(), anyBefore.ToTicks())}
                    AND (created_at < {anyBefore.ToTicks()} OR (read_at IS NOT NULL AND created_at < {readBefore.ToTicks()}))
                LIMIT {max})
            """, ct), ct);
}
