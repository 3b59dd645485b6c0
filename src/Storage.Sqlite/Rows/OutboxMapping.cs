using BackOffice.Core.Events;

namespace BackOffice.Storage.Sqlite.Rows;

internal static class OutboxMapping
{
    /// <summary>Stages the aggregate's pending events in the context, so they commit with its change.</summary>
    public static void StagePendingEvents(this BackOfficeDbContext context, AggregateRoot aggregate)
    {
        foreach (var domainEvent in aggregate.PendingEvents)
        {
            var message = EventSerializer.ToMessage(domainEvent);
            context.Outbox.Add(new OutboxRow
            {
                Id = message.Id.ToString("D"), TenantId = message.TenantId, Type = message.Type, Payload = message.Payload,
                OccurredAt = message.OccurredAt.ToTicks(), DueAt = message.OccurredAt.ToTicks(),
            });
        }
    }

    public static OutboxMessage ToMessage(this OutboxRow r) =>
        new(Guid.Parse(r.Id), r.TenantId, r.Type, r.Payload, Time.FromTicks(r.OccurredAt), r.Attempts);
}
