namespace BackOffice.Core.Notifications;

/// <summary>One row of a person's settings: whether the bell shows this kind, and how e-mail about it goes.</summary>
public sealed record KindPreference(NotificationKind Kind, bool InApp, EmailMode Email);

/// <summary>A person's notification settings; kinds they never set keep the defaults.</summary>
public sealed record NotificationPreferences(string Subject, IReadOnlyList<KindPreference> Kinds)
{
    /// <summary>Everything in the bell; e-mail at once, except warnings that an item is at risk, which come in the daily digest.</summary>
    public static KindPreference Default(NotificationKind kind) =>
        new(kind, InApp: true, kind == NotificationKind.SlaAtRisk ? EmailMode.Digest : EmailMode.Immediately);

    public KindPreference For(NotificationKind kind) => Kinds.FirstOrDefault(k => k.Kind == kind) ?? Default(kind);

    public static NotificationPreferences Defaults(string subject) => new(subject, []);
}
