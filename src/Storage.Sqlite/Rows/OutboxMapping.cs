using BackOffice.Core.Events;

namespace BackOffice.Storage.Sqlite.Rows;

internal static class OutboxMapping
{
    /// <summary>
    /// The outbox rows of the aggregate's pending events, to be added in the same write as its change. Built before
    /// the write is queued, so the serialization runs outside the single writer.
    /// </summary>
    public static List<OutboxRow> Rows(AggregateRoot aggregate) => aggregate.PendingEvents.Select(Row).ToList();

    public static OutboxRow Row(DomainEvent domainEvent)
    {
        var message = EventSerializer.ToMessage(domainEvent);
        return new OutboxRow
        {
            Id = message.Id.ToString("D"), TenantId = message.TenantId, Type = message.Type, Payload = message.Payload,
            OccurredAt = message.OccurredAt.ToTicks(), DueAt = message.OccurredAt.ToTicks(),
            Audit = Core.Audit.AuditEvents.For(domainEvent),
        };
    }

    public static OutboxMessage ToMessage(this OutboxRow r) =>
        new(Guid.Parse(r.Id), r.TenantId, r.Type, r.Payload, Time.FromTicks(r.OccurredAt), r.Attempts);
}
