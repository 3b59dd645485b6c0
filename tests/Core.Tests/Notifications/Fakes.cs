using BackOffice.Core.Common;
using BackOffice.Core.Notifications;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.Tests.Notifications;

internal sealed class FakeDirectory : IUserDirectory
{
    public Dictionary<string, DirectoryUser> Users { get; } = [];
    public int Saves { get; private set; }

    public Task SaveAsync(DirectoryUser user, CancellationToken ct)
    {
        Saves++;
        Users[user.Subject] = user with { Email = user.Email ?? Users.GetValueOrDefault(user.Subject)?.Email };
        return Task.CompletedTask;
    }

    public Task<DirectoryUser?> FindAsync(string subject, CancellationToken ct) => Task.FromResult(Users.GetValueOrDefault(subject));

    public Task<IReadOnlyList<DirectoryUser>> ListClientsAsync(string tenantId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<DirectoryUser>>(Users.Values.Where(u => u.TenantId == tenantId && u.IsClient).ToList());

    public Task<IReadOnlyList<DirectoryUser>> ListStaffAsync(string role, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<DirectoryUser>>(Users.Values.Where(u => u.TenantId is null && u.Holds(role)).ToList());

    public DirectoryUser Add(string subject, string role, string? tenant, string? email = null)
    {
        var user = new DirectoryUser(subject, subject, email ?? $"{subject}@example.com", [role], tenant, DateTimeOffset.UnixEpoch);
        Users[subject] = user;
        return user;
    }
}

internal sealed class FakeNotificationStore : INotificationStore
{
    public Dictionary<Guid, Notification> Notifications { get; } = [];
    public Dictionary<Guid, OutgoingEmail> Emails { get; } = [];
    public Dictionary<string, NotificationPreferences> Preferences { get; } = [];

    public Task AddAsync(IReadOnlyList<Notification> notifications, IReadOnlyList<OutgoingEmail> emails, CancellationToken ct)
    {
        foreach (var n in notifications) Notifications.TryAdd(n.Id, n);
        foreach (var e in emails) Emails.TryAdd(e.Id, e);
        return Task.CompletedTask;
    }

    public Task<int> CountUnreadAsync(string recipient, CancellationToken ct) =>
        Task.FromResult(Notifications.Values.Count(n => n.Recipient == recipient && n.InApp && !n.IsRead));

    public Task<Page<Notification>> ListAsync(string recipient, int pageSize, string? cursor, CancellationToken ct) =>
        Task.FromResult(new Page<Notification>(Notifications.Values.Where(n => n.Recipient == recipient && n.InApp)
            .OrderByDescending(n => n.CreatedAt).Take(pageSize).ToList(), null));

    public Task<int> MarkReadAsync(string recipient, IReadOnlyList<Guid>? ids, DateTimeOffset at, CancellationToken ct)
    {
        var marked = Notifications.Values.Where(n => n.Recipient == recipient && !n.IsRead && (ids is null || ids.Contains(n.Id))).ToList();
        foreach (var n in marked) Notifications[n.Id] = n with { ReadAt = at };
        return Task.FromResult(marked.Count);
    }

    public Task<NotificationPreferences> FindPreferencesAsync(string recipient, CancellationToken ct) =>
        Task.FromResult(Preferences.GetValueOrDefault(recipient) ?? NotificationPreferences.Defaults(recipient));

    public Task SavePreferencesAsync(NotificationPreferences preferences, CancellationToken ct)
    {
        Preferences[preferences.Subject] = preferences;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> ListDigestRecipientsAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<string>>(Notifications.Values.Where(n => n.DigestPending).Select(n => n.Recipient).Distinct().ToList());

    public Task<IReadOnlyList<Notification>> ListDigestPendingAsync(string recipient, DateTimeOffset before, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Notification>>(Notifications.Values.Where(n => n.Recipient == recipient && n.DigestPending && n.CreatedAt < before)
            .OrderBy(n => n.CreatedAt).ToList());

    public Task<bool> QueueDigestAsync(OutgoingEmail digest, IReadOnlyList<Guid> notificationIds, CancellationToken ct)
    {
        if (!Emails.TryAdd(digest.Id, digest)) return Task.FromResult(false);
        foreach (var id in notificationIds) Notifications[id] = Notifications[id] with { DigestPending = false };
        return Task.FromResult(true);
    }

    public Task<int> PurgeAsync(DateTimeOffset readBefore, DateTimeOffset anyBefore, int max, CancellationToken ct)
    {
        var gone = Notifications.Values.Where(n => !n.DigestPending && (n.CreatedAt < anyBefore || (n.IsRead && n.CreatedAt < readBefore))).Take(max).ToList();
        foreach (var n in gone) Notifications.Remove(n.Id);
        return Task.FromResult(gone.Count);
    }
}

internal sealed class FakeTenants(params Tenant[] tenants) : ITenantStore
{
    public Task<Tenant?> FindAsync(string tenantId, CancellationToken ct) => Task.FromResult(tenants.FirstOrDefault(t => t.Id == tenantId));

    public Task<Tenant?> FindByDirectoryAsync(string directoryId, CancellationToken ct) =>
        Task.FromResult(tenants.FirstOrDefault(t => t.DirectoryIds.Contains(directoryId)));

    public Task<Page<Tenant>> ListAsync(int pageSize, string? cursor, CancellationToken ct) => Task.FromResult(new Page<Tenant>(tenants, null));

    public Task AddAsync(Tenant tenant, CancellationToken ct) => throw new NotSupportedException();

    public Task UpdateAsync(Tenant tenant, long expectedVersion, CancellationToken ct) => throw new NotSupportedException();

    public Task<IReadOnlyList<TenantStatusChange>> StatusHistoryAsync(string tenantId, CancellationToken ct) => Task.FromResult<IReadOnlyList<TenantStatusChange>>([]);
}
