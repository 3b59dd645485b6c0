using BackOffice.Core.Notifications;
using BackOffice.Storage.Cosmos.Stores.Tenancy;

namespace BackOffice.Storage.Cosmos.Stores.Events;

/// <summary>
/// A notification in the platform container (a person's notifications span tenants), under its own id, with what the bell,
/// the digest and the purge filter on beside it: flags kept in step with <see cref="Note"/>, and its creation as UTC ticks.
/// </summary>
internal sealed class NotificationDocument : PlatformDocument
{
    public const string KindName = "notification";

    public override string Kind { get; set; } = KindName;

    public required Notification Note { get; set; }

    public required string Recipient { get; set; }

    public bool InApp { get; set; }

    public bool Unread { get; set; }

    public bool DigestPending { get; set; }

    public long CreatedTicks { get; set; }

    public static string IdOf(Guid id) => $"notification-{id:D}";

    public static Guid NoteIdOf(string id) => Guid.Parse(id["notification-".Length..]);

    public static NotificationDocument From(Notification n) => new()
    {
        Id = IdOf(n.Id), Note = n, Recipient = n.Recipient, InApp = n.InApp, Unread = n.ReadAt is null, DigestPending = n.DigestPending,
        CreatedTicks = n.CreatedAt.UtcTicks,
    };
}

/// <summary>A person's notification settings, in the platform container under their subject.</summary>
internal sealed class PreferencesDocument : PlatformDocument
{
    public override string Kind { get; set; } = "notification-preferences";

    public required string Subject { get; set; }

    public required List<KindPreference> Kinds { get; set; }

    public static string IdOf(string subject) => IdOf("preferences", subject);
}
