using BackOffice.Core.Common;
using BackOffice.Core.Events;
using BackOffice.Core.Live;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;

namespace BackOffice.Core.Notifications;

/// <summary>
/// Tells the people an event concerns, as each of them chose: a notification in the bell, an e-mail queued now, or a line in
/// tomorrow's digest. Idempotent: each notification (and its e-mail) is keyed by the event and the person, and all of an
/// event's are kept in one write, so a redelivered event tells nobody twice.
/// </summary>
public sealed class NotifyRecipients(IUserDirectory directory, INotificationStore store, IChangeFeed feed, EmailOptions options, TimeProvider time)
    : IDomainEventHandler
{
    public bool Handles(DomainEvent domainEvent) => NotificationRules.Notifies(domainEvent);

    public async Task HandleAsync(DomainEvent domainEvent, TenantScope scope, CancellationToken ct)
    {
        if (NotificationRules.For(domainEvent) is not { } plan || domainEvent is not WorkItemEvent e) return;
        var notifications = new List<Notification>();
        var emails = new List<OutgoingEmail>();
        foreach (var person in await RecipientsAsync(plan.Audience, scope.TenantId, ct))
        {
            var preference = (await store.FindPreferencesAsync(person.Subject, ct)).For(plan.Kind);
            var mails = person.Email is not null && preference.Email != EmailMode.Off;
            if (!preference.InApp && !mails) continue;
            var n = new Notification(StableId.From(e.EventId.ToString("N"), person.Subject), person.Subject, e.TenantId, plan.Kind, e.ItemId,
                e.Title, plan.Text, e.OccurredAt, preference.InApp, DigestPending: mails && preference.Email == EmailMode.Digest);
            notifications.Add(n);
            if (mails && preference.Email == EmailMode.Immediately) emails.Add(EmailComposer.ForNotification(n, person, options));
        }
        if (notifications.Count == 0) return;
        await store.AddAsync(notifications, emails, ct);
        feed.Publish(new ChangeSignal(e.TenantId, ChangeTopics.Notification, e.ItemId, time.GetUtcNow()));
    }

    private async Task<IReadOnlyList<DirectoryUser>> RecipientsAsync(Audience audience, string tenantId, CancellationToken ct)
    {
        var people = new List<DirectoryUser>();
        if (audience.HasFlag(Audience.TenantClients)) people.AddRange(await directory.ListClientsAsync(tenantId, ct));
        if (audience.HasFlag(Audience.Supervisors)) people.AddRange(await directory.ListStaffAsync(Roles.Supervisor, ct));
        return people.DistinctBy(p => p.Subject).ToList();
    }
}
