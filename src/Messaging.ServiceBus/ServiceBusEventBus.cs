using Azure.Messaging.ServiceBus;
using BackOffice.Core.Events;

namespace BackOffice.Messaging.ServiceBus;

/// <summary>
/// Publishes outbox messages to the queue. The message id is the outbox id, so the queue's duplicate detection drops a
/// message the relay publishes twice (it crashed after sending, before marking it delivered), and handlers are idempotent
/// for anything older than the detection window.
/// </summary>
internal sealed class ServiceBusEventBus(ServiceBusSender sender) : IEventBus
{
    public Task PublishAsync(OutboxMessage message, CancellationToken ct) => sender.SendMessageAsync(OutboxEnvelope.ToServiceBus(message), ct);
}
