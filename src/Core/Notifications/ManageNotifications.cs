using BackOffice.Core.Common;
using BackOffice.Core.Live;

namespace BackOffice.Core.Notifications;

/// <summary>A person's own notifications and settings: nobody reads or changes another's.</summary>
public sealed class ManageNotifications(INotificationStore store, IUserDirectory directory, IChangeFeed feed, TimeProvider time)
{
    public const int BellSize = 5;

    public async Task<NotificationSummary> SummaryAsync(Actor actor, CancellationToken ct)
    {
        var unread = await store.CountUnreadAsync(actor.Subject, ct);
        var latest = await store.ListAsync(actor.Subject, BellSize, null, ct);
        return new NotificationSummary(unread, latest.Items);
    }

    public Task<Page<Notification>> ListAsync(Actor actor, int? pageSize, string? cursor, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var size = Paging.PageSize(errors, pageSize);
        errors.ThrowIfAny();
        return store.ListAsync(actor.Subject, size, cursor, ct);
    }

    /// <summary>Marks the given notifications read, or all of them when <paramref name="ids"/> is null; the person's other pages hear of it.</summary>
    public async Task<int> MarkReadAsync(Actor actor, IReadOnlyList<Guid>? ids, CancellationToken ct)
    {
        var marked = await store.MarkReadAsync(actor.Subject, ids, time.GetUtcNow(), ct);
        if (marked > 0) feed.Publish(new ChangeSignal(await ListenTenantAsync(actor, ct) ?? "", ChangeTopics.Notification, null, time.GetUtcNow()));
        return marked;
    }

    /// <summary>The tenant whose notification signals concern this person: a client's company, or null (every tenant) for provider staff.</summary>
    public async Task<string?> ListenTenantAsync(Actor actor, CancellationToken ct) =>
        actor.IsClient ? (await directory.FindAsync(actor.Subject, ct))?.TenantId ?? "" : null;

    /// <summary>One row per kind the person can receive, with their choice or the default.</summary>
    public async Task<IReadOnlyList<KindPreference>> PreferencesAsync(Actor actor, CancellationToken ct)
    {
        var saved = await store.FindPreferencesAsync(actor.Subject, ct);
        return NotificationKinds.For(actor).Select(saved.For).ToList();
    }

    /// <summary>Settings as a caller sends them (wire names): every field at fault is named, and nothing is saved unless all are good.</summary>
    public Task<IReadOnlyList<KindPreference>> SavePreferencesAsync(Actor actor, PreferencesRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var kinds = request.Parse(errors, NotificationKinds.For(actor));
        errors.ThrowIfAny();
        return SavePreferencesAsync(actor, kinds, ct);
    }

    public async Task<IReadOnlyList<KindPreference>> SavePreferencesAsync(Actor actor, IReadOnlyList<KindPreference> kinds, CancellationToken ct)
    {
        var allowed = NotificationKinds.For(actor);
        var errors = new FieldErrors();
        foreach (var k in kinds.Where(k => !allowed.Contains(k.Kind))) errors.Add("kinds", $"You cannot receive '{k.Kind.ToText()}' notifications.");
        if (kinds.DistinctBy(k => k.Kind).Count() != kinds.Count) errors.Add("kinds", "Each kind may be set once.");
        errors.ThrowIfAny();
        var saved = await store.FindPreferencesAsync(actor.Subject, ct);
        var merged = saved.Kinds.Where(k => kinds.All(n => n.Kind != k.Kind)).Concat(kinds).OrderBy(k => k.Kind).ToList();
        await store.SavePreferencesAsync(new NotificationPreferences(actor.Subject, merged), ct);
        return await PreferencesAsync(actor, ct);
    }
}
