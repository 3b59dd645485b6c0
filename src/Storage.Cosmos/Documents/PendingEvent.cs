using BackOffice.Core.Audit;
using BackOffice.Core.Events;

namespace BackOffice.Storage.Cosmos.Documents;

/// <summary>An event as it rides in its document until drained: the outbox message and, for audited events, the audit record.</summary>
internal sealed record PendingEvent(Guid Id, string Type, string Payload, DateTimeOffset OccurredAt, AuditRecord? Audit)
{
    public static PendingEvent Of(DomainEvent domainEvent)
    {
        var message = EventSerializer.ToMessage(domainEvent);
        return new PendingEvent(message.Id, message.Type, message.Payload, message.OccurredAt, AuditEvents.For(domainEvent));
    }

    public static List<PendingEvent> Of(AggregateRoot aggregate) => aggregate.PendingEvents.Select(Of).ToList();

    /// <summary>An audit record written with a change that raised no event: drained to the audit trail only, never to the outbox.</summary>
    public static PendingEvent AuditOnly(AuditRecord audit) => new(Guid.NewGuid(), "", "", audit.At, audit);

    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsAuditOnly => Type.Length == 0;
}
