using BackOffice.Core.Common;
using BackOffice.Core.Notifications;
using Microsoft.Azure.Cosmos;

namespace BackOffice.Storage.Cosmos.Stores.Events;

/// <summary>
/// People's notifications (<see cref="NotificationDocument"/>), their settings and their digests, in the platform container.
/// A notification or e-mail is created under its own derived id, so handing a batch over again adds nothing; a change to
/// one (read, taken into a digest) is a patch on the ETag it was read with, so two changes never count one twice.
/// </summary>
internal sealed class CosmosNotificationStore(CosmosDatabase db) : INotificationStore
{
    private const string Kind = NotificationDocument.KindName;

    public async Task AddAsync(IReadOnlyList<Notification> notifications, IReadOnlyList<OutgoingEmail> emails, CancellationToken ct)
    {
        foreach (var document in notifications.Select(NotificationDocument.From))
            await db.TryCreateAsync(db.Platform, document, new PartitionKey(document.Id), "notification.add", ct);
        foreach (var email in emails) await CosmosEmailOutbox.TryQueueAsync(db, email, ct);
    }

    public async Task<int> CountUnreadAsync(string recipient, CancellationToken ct) =>
        await db.ScalarAsync<int>(db.Platform, Query("SELECT VALUE COUNT(1) FROM c WHERE c.kind = @k AND c.recipient = @r AND c.inApp = true AND c.unread = true",
            recipient), null, "notification.count", ct);

    public async Task<Page<Notification>> ListAsync(string recipient, int pageSize, string? cursor, CancellationToken ct)
    {
        var after = Cursor.Decode(cursor)?.Split('|');
        if (after is not null && (after.Length != 2 || !long.TryParse(after[0], out _) || !Guid.TryParse(after[1], out _))) throw Cursor.Invalid();
        var filter = after is null ? "" : " AND (c.createdTicks < @at OR (c.createdTicks = @at AND c.id < @id))";
        var query = Query($"SELECT TOP {pageSize + 1} * FROM c WHERE c.kind = @k AND c.recipient = @r AND c.inApp = true{filter}"
            + " ORDER BY c.createdTicks DESC, c.id DESC", recipient);
        if (after is not null) query = query.WithParameter("@at", long.Parse(after[0])).WithParameter("@id", NotificationDocument.IdOf(Guid.Parse(after[1])));
        var documents = await db.QueryAsync<NotificationDocument>(db.Platform, query, null, "notification.list", ct, pageSize + 1);
        var next = documents.Count > pageSize ? Cursor.Encode($"{documents[pageSize - 1].CreatedTicks}|{documents[pageSize - 1].Note.Id:D}") : null;
        return new Page<Notification>(documents.Take(pageSize).Select(d => d.Note).ToList(), next);
    }

    public async Task<int> MarkReadAsync(string recipient, IReadOnlyList<Guid>? ids, DateTimeOffset at, CancellationToken ct)
    {
        var unread = ids is null
            ? await db.QueryAsync<NotificationDocument>(db.Platform, Query("SELECT * FROM c WHERE c.kind = @k AND c.recipient = @r AND c.inApp = true AND c.unread = true",
                recipient), null, "notification.unread", ct)
            : [.. (await Task.WhenAll(ids.Distinct().Select(id => ReadAsync(NotificationDocument.IdOf(id), ct)))).OfType<NotificationDocument>()];
        var marked = 0;
        foreach (var document in unread)
            if (await ChangeAsync(document, d => d.Recipient == recipient && d.InApp && d.Unread,
                    [PatchOperation.Set("/unread", false), PatchOperation.Set("/note/readAt", at)], "notification.read", ct))
                marked++;
        return marked;
    }

    public async Task<NotificationPreferences> FindPreferencesAsync(string recipient, CancellationToken ct)
    {
        var id = PreferencesDocument.IdOf(recipient);
        var (document, _) = await db.ReadAsync<PreferencesDocument>(db.Platform, id, new PartitionKey(id), "notification.preferences.read", ct);
        return document is null ? NotificationPreferences.Defaults(recipient) : new NotificationPreferences(recipient, document.Kinds);
    }

    public async Task SavePreferencesAsync(NotificationPreferences preferences, CancellationToken ct)
    {
        var document = new PreferencesDocument { Id = PreferencesDocument.IdOf(preferences.Subject), Subject = preferences.Subject, Kinds = [.. preferences.Kinds] };
        await db.UpsertAsync(db.Platform, document, new PartitionKey(document.Id), "notification.preferences.save", ct);
    }

    public async Task<IReadOnlyList<string>> ListDigestRecipientsAsync(CancellationToken ct)
    {
        var recipients = await db.QueryAsync<string>(db.Platform, new QueryDefinition(
            "SELECT VALUE c.recipient FROM c WHERE c.kind = @k AND c.digestPending = true").WithParameter("@k", Kind), null, "notification.digest.recipients", ct);
        return recipients.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    public async Task<IReadOnlyList<Notification>> ListDigestPendingAsync(string recipient, DateTimeOffset before, CancellationToken ct)
    {
        var documents = await db.QueryAsync<NotificationDocument>(db.Platform, Query(
                "SELECT * FROM c WHERE c.kind = @k AND c.recipient = @r AND c.digestPending = true AND c.createdTicks < @before ORDER BY c.createdTicks, c.id",
                recipient).WithParameter("@before", before.UtcTicks), null, "notification.digest.pending", ct);
        return documents.Select(d => d.Note).ToList();
    }

    public async Task<bool> QueueDigestAsync(OutgoingEmail digest, IReadOnlyList<Guid> notificationIds, CancellationToken ct)
    {
        if (!await CosmosEmailOutbox.TryQueueAsync(db, digest, ct)) return false;
        foreach (var id in notificationIds.Distinct())
            if (await ReadAsync(NotificationDocument.IdOf(id), ct) is { } document)
                await ChangeAsync(document, d => d.DigestPending,
                    [PatchOperation.Set("/digestPending", false), PatchOperation.Set("/note/digestPending", false)], "notification.digest.taken", ct);
        return true;
    }

    public async Task<int> PurgeAsync(DateTimeOffset readBefore, DateTimeOffset anyBefore, int max, CancellationToken ct)
    {
        var (read, any) = (readBefore.UtcTicks, anyBefore.UtcTicks);
        var old = await db.QueryAsync<NotificationDocument>(db.Platform, new QueryDefinition(
                $"SELECT TOP {max} * FROM c WHERE c.kind = @k AND c.digestPending = false AND c.createdTicks < @latest"
                + " AND (c.createdTicks < @any OR (c.unread = false AND c.createdTicks < @read))")
            .WithParameter("@k", Kind).WithParameter("@latest", Math.Max(read, any)).WithParameter("@any", any).WithParameter("@read", read),
            null, "notification.purge", ct, max);
        var purged = 0;
        foreach (var document in old)
            if (await db.TryDeleteAsync(db.Platform, document.Id, new PartitionKey(document.Id), null, "notification.purge", ct)) purged++;
        return purged;
    }

    /// <summary>Patches the notification while <paramref name="applies"/> holds, reading it again when another change came first; whether it did.</summary>
    private async Task<bool> ChangeAsync(NotificationDocument document, Func<NotificationDocument, bool> applies, IReadOnlyList<PatchOperation> patch,
        string operation, CancellationToken ct)
    {
        for (NotificationDocument? current = document; current is not null && applies(current); current = await ReadAsync(current.Id, ct))
            if (await db.TryPatchAsync(db.Platform, current.Id, new PartitionKey(current.Id), patch, current.ETag, operation, ct) is not null) return true;
        return false;
    }

    private async Task<NotificationDocument?> ReadAsync(string id, CancellationToken ct) =>
        (await db.ReadAsync<NotificationDocument>(db.Platform, id, new PartitionKey(id), "notification.read", ct)).Document;

    private static QueryDefinition Query(string text, string recipient) => new QueryDefinition(text).WithParameter("@k", Kind).WithParameter("@r", recipient);
}
