using BackOffice.Core.Events;
using BackOffice.Core.Sla;
using BackOffice.Core.WorkItems;

namespace BackOffice.Core.Notifications;

[Flags]
public enum Audience { None = 0, TenantClients = 1, Supervisors = 2 }

/// <summary>What one event tells whom: the kind, the people, and the sentence they read.</summary>
public sealed record NotificationPlan(NotificationKind Kind, Audience Audience, string Text);

/// <summary>Who is told what: the one place that decides it.</summary>
public static class NotificationRules
{
    private const int MaxQuoted = 200;

    public static bool Notifies(DomainEvent e) => e is WorkItemWaitingOnClient or WorkItemResolved or SlaCrossing;

    public static NotificationPlan? For(DomainEvent e) => e switch
    {
        WorkItemWaitingOnClient q => new(NotificationKind.QuestionAsked, Audience.TenantClients, $"An agent asked: “{Quote(q.Question)}”"),
        WorkItemResolved => new(NotificationKind.AwaitingConfirmation, Audience.TenantClients, "The work is done and waits for your confirmation."),
        SlaBreached b => new(NotificationKind.SlaBreached, Audience.TenantClients | Audience.Supervisors, $"The {Clock(b.Clock)} time was missed."),
        SlaWarning w => new(NotificationKind.SlaAtRisk, Audience.Supervisors, $"At risk: {w.Percent}% of the {Clock(w.Clock)} time is used."),
        _ => null,
    };

    public static string Headline(NotificationKind kind) => kind switch
    {
        NotificationKind.QuestionAsked => "Question for you",
        NotificationKind.AwaitingConfirmation => "Resolved, please confirm",
        NotificationKind.SlaBreached => "SLA breached",
        NotificationKind.SlaAtRisk => "SLA at risk",
        _ => kind.ToString(),
    };

    private static string Clock(SlaClockKind clock) => clock == SlaClockKind.FirstResponse ? "first response" : "resolution";

    private static string Quote(string text)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= MaxQuoted ? flat : flat[..(MaxQuoted - 1)] + "…";
    }
}
