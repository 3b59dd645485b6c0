namespace BackOffice.Core.Notifications;

/// <summary>What a person can be told about. Clients hear of their own work; supervisors of their queues.</summary>
public enum NotificationKind
{
    /// <summary>An agent asked the client a question about an item (client).</summary>
    QuestionAsked,

    /// <summary>Work was resolved and waits for the client to confirm it (client).</summary>
    AwaitingConfirmation,

    /// <summary>An item missed its SLA (client and supervisors).</summary>
    SlaBreached,

    /// <summary>An item of a queue is close to its SLA (supervisors).</summary>
    SlaAtRisk,
}

/// <summary>How a person wants e-mail about one kind of notification.</summary>
public enum EmailMode { Immediately, Digest, Off }

public static class NotificationKinds
{
    public static readonly IReadOnlyList<NotificationKind> ForClients = [NotificationKind.QuestionAsked, NotificationKind.AwaitingConfirmation, NotificationKind.SlaBreached];

    public static readonly IReadOnlyList<NotificationKind> ForSupervisors = [NotificationKind.SlaAtRisk, NotificationKind.SlaBreached];

    /// <summary>The kinds a person with these roles can receive, so the settings show only those.</summary>
    public static IReadOnlyList<NotificationKind> For(Common.Actor actor) =>
        (actor.IsClient ? ForClients : [])
        .Concat(actor.HasAnyRole(Common.Roles.Supervisor) ? ForSupervisors : [])
        .Distinct().ToList();
}
