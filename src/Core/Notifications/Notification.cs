namespace BackOffice.Core.Notifications;

/// <summary>
/// Something one person is told about one item. Its id is derived from the event and the person, so an event delivered
/// twice tells nobody twice. <see cref="InApp"/> says whether the bell shows it; <see cref="DigestPending"/> that it waits
/// for the person's next daily digest.
/// </summary>
public sealed record Notification(Guid Id, string Recipient, string TenantId, NotificationKind Kind, Guid ItemId, string Title, string Text,
    DateTimeOffset CreatedAt, bool InApp, bool DigestPending = false, DateTimeOffset? ReadAt = null)
{
    public bool IsRead => ReadAt is not null;
}

/// <summary>What the bell shows: how many are unread, and the latest few.</summary>
public sealed record NotificationSummary(int Unread, IReadOnlyList<Notification> Latest);

/// <summary>A person's notifications, their settings and their daily digests.</summary>
public interface INotificationStore
{
    /// <summary>
    /// Keeps the notifications and queues the e-mails in one write; a notification or e-mail whose id is already kept is
    /// skipped, so handing the same batch over again changes nothing.
    /// </summary>
    Task AddAsync(IReadOnlyList<Notification> notifications, IReadOnlyList<OutgoingEmail> emails, CancellationToken ct);

    Task<int> CountUnreadAsync(string recipient, CancellationToken ct);

    /// <summary>The person's in-app notifications, newest first.</summary>
    Task<Common.Page<Notification>> ListAsync(string recipient, int pageSize, string? cursor, CancellationToken ct);

    /// <summary>Marks the given notifications of the person read, or all of them when <paramref name="ids"/> is null.</summary>
    /// <returns>How many were unread.</returns>
    Task<int> MarkReadAsync(string recipient, IReadOnlyList<Guid>? ids, DateTimeOffset at, CancellationToken ct);

    Task<NotificationPreferences> FindPreferencesAsync(string recipient, CancellationToken ct);

    Task SavePreferencesAsync(NotificationPreferences preferences, CancellationToken ct);

    /// <summary>The people with notifications waiting for a digest.</summary>
    Task<IReadOnlyList<string>> ListDigestRecipientsAsync(CancellationToken ct);

    /// <summary>The notifications of the person waiting for a digest, created before <paramref name="before"/>, oldest first.</summary>
    Task<IReadOnlyList<Notification>> ListDigestPendingAsync(string recipient, DateTimeOffset before, CancellationToken ct);

    /// <summary>
    /// Queues the digest e-mail and takes the notifications out of waiting, in one write; does nothing and answers false
    /// when an e-mail of that id was already queued (that day's digest went out).
    /// </summary>
    Task<bool> QueueDigestAsync(OutgoingEmail digest, IReadOnlyList<Guid> notificationIds, CancellationToken ct);

    /// <summary>
    /// Deletes up to <paramref name="max"/> notifications read and made before <paramref name="readBefore"/>, or made before
    /// <paramref name="anyBefore"/>; never one still waiting for a digest. Returns how many went.
    /// </summary>
    Task<int> PurgeAsync(DateTimeOffset readBefore, DateTimeOffset anyBefore, int max, CancellationToken ct);
}
