using System.Text.Json;
using System.Text.Json.Serialization;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;

namespace BackOffice.Core.Events;

/// <summary>Turns events into outbox rows and back; the type name is stable, not the CLR name.</summary>
public static class EventSerializer
{
    /// <summary>Enums by their kebab-case names, as on the API: payloads also reach tenants' webhooks. Older numeric rows still read.</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    private static readonly Dictionary<string, Type> Types = new(StringComparer.Ordinal)
    {
        ["tenant.status-changed"] = typeof(TenantStatusChanged),
        ["work-item.submitted"] = typeof(WorkItemSubmitted),
        ["work-item.edited"] = typeof(WorkItemEdited),
        ["work-item.claimed"] = typeof(WorkItemClaimed),
        ["work-item.returned-to-queue"] = typeof(WorkItemReturnedToQueue),
        ["work-item.resolved"] = typeof(WorkItemResolved),
        ["work-item.waiting-on-client"] = typeof(WorkItemWaitingOnClient),
        ["work-item.answered"] = typeof(WorkItemAnswered),
        ["work-item.cancelled"] = typeof(WorkItemCancelled),
        ["work-item.closed"] = typeof(WorkItemClosed),
        ["sla.settings-changed"] = typeof(Sla.SlaSettingsChanged),
        ["sla.warning"] = typeof(Sla.SlaWarning),
        ["sla.breached"] = typeof(Sla.SlaBreached),
        ["sla.replayed"] = typeof(SlaReplayed),
        ["billing.price-plan-changed"] = typeof(Finance.Pricing.PricePlanChanged),
        ["billing.invoice-issued"] = typeof(Finance.Runs.InvoiceIssued),
        ["billing.invoice-status-changed"] = typeof(Finance.Runs.InvoiceStatusChanged),
        ["billing.invoice-overdue"] = typeof(Finance.Runs.InvoiceOverdue),
    };

    private static readonly Dictionary<Type, string> Names = Types.ToDictionary(t => t.Value, t => t.Key);

    public static OutboxMessage ToMessage(DomainEvent e) =>
        new(e.EventId, e.TenantId, TypeName(e), JsonSerializer.Serialize(e, e.GetType(), Json), e.OccurredAt, 0);

    public static DomainEvent FromMessage(OutboxMessage message) =>
        Types.TryGetValue(message.Type, out var type)
            ? (DomainEvent)JsonSerializer.Deserialize(message.Payload, type, Json)!
            : throw new InvalidOperationException($"Unknown event type '{message.Type}'.");

    public static string TypeName(DomainEvent e) =>
        Names.TryGetValue(e.GetType(), out var name) ? name : throw new InvalidOperationException($"Event {e.GetType().Name} has no registered name.");
}
