using System.Text;

namespace BackOffice.Core.Notifications;

/// <summary>The words of notification e-mails: one per notification, or one digest of a day's.</summary>
public static class EmailComposer
{
    public static OutgoingEmail ForNotification(Notification n, DirectoryUser to, EmailOptions options) => new(
        n.Id, to.Email!, to.Name, $"[BackOffice] {NotificationRules.Headline(n.Kind)}: {n.Title}",
        $"""
        Hello {to.Name},

        {NotificationRules.Headline(n.Kind)} on "{n.Title}":
        {n.Text}

        Open the item: {Link(n, options)}

        You can choose what you are told, and how, in your notification settings: {options.PortalUrl.TrimEnd('/')}/settings/notifications
        """, n.CreatedAt, NextAttemptAt: n.CreatedAt);

    public static OutgoingEmail Digest(Guid id, DirectoryUser to, DateOnly day, IReadOnlyList<Notification> notifications, EmailOptions options,
        DateTimeOffset now)
    {
        var body = new StringBuilder($"Hello {to.Name},\n\nYour daily digest for {day:dddd d MMMM yyyy}: {notifications.Count} notification(s).\n");
        foreach (var group in notifications.GroupBy(n => n.Kind))
        {
            body.Append($"\n{NotificationRules.Headline(group.Key)}\n");
            foreach (var n in group) body.Append($"- {n.Title}: {n.Text}\n  {Link(n, options)}\n");
        }
        body.Append($"\nChoose what you are told, and how: {options.PortalUrl.TrimEnd('/')}/settings/notifications\n");
        return new OutgoingEmail(id, to.Email!, to.Name, $"[BackOffice] Your daily digest: {notifications.Count} notification(s)", body.ToString(),
            now, NextAttemptAt: now);
    }

    public static string Link(Notification n, EmailOptions options) => $"{options.PortalUrl.TrimEnd('/')}/tenants/{n.TenantId}/work-items/{n.ItemId}";
}
