using BackOffice.Core.Events;
using BackOffice.Core.Sla;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;

namespace BackOffice.Core.Audit;

/// <summary>
/// The audit record of a domain event, written by the store in the same write as the event's change. Only events a
/// person or a worker caused carry an actor; the SLA monitor's warnings and breaches are not audited. Free text
/// (titles, questions, answers, resolutions, reasons) stays out: it can hold anything a user typed.
/// </summary>
public static class AuditEvents
{
    public static AuditRecord? For(DomainEvent e) => e.Actor is null ? null : e switch
    {
        WorkItemClaimed { Assignee: { } assignee } c => Record(c, "work-item.assigned", Item(c), new() { ["assignee"] = assignee }),
        WorkItemEdited edited => Record(e, "work-item.edited", Item(edited), new() { ["fields"] = string.Join(",", edited.Fields) }),
        WorkItemClosed closed => Record(e, "work-item.closed", Item(closed), new() { ["confirmed"] = closed.Confirmed ? "true" : "false" }),
        SlaReplayed replayed => Record(e, "sla.replayed", Item(replayed),
            new() { ["fromVersion"] = replayed.FromVersion.ToString(), ["toVersion"] = replayed.ToVersion.ToString() }),
        WorkItemEvent item => Record(e, EventSerializer.TypeName(e), Item(item), []),
        TenantStatusChanged status =>
            Record(e, "tenant.status-changed", $"tenant/{e.TenantId}", new() { ["status"] = Common.EnumText.ToText(status.Status) }),
        SlaSettingsChanged sla => Record(e, "sla.settings-changed", "sla", new() { ["version"] = sla.Version.ToString() }),
        _ => Record(e, EventSerializer.TypeName(e), $"tenant/{e.TenantId}", []),
    };

    private static string Item(WorkItemEvent e) => $"work-item/{e.ItemId}";

    private static AuditRecord Record(DomainEvent e, string action, string target, Dictionary<string, string> detail) =>
        new(e.TenantId, e.OccurredAt, AuditActor.Of(e.Actor!), action, target, detail);
}
