using System.Globalization;
using Azure.Messaging.ServiceBus;
using BackOffice.Core.Events;

namespace BackOffice.Messaging.ServiceBus;

/// <summary>An outbox message on the wire: its payload as the body, its type as the subject, its tenant and time as properties.</summary>
internal static class OutboxEnvelope
{
    private const string TenantId = "tenantId", OccurredAt = "occurredAt";

    public static ServiceBusMessage ToServiceBus(OutboxMessage message) => new(BinaryData.FromString(message.Payload))
    {
        MessageId = message.Id.ToString("D"), Subject = message.Type, ContentType = "application/json",
        ApplicationProperties = { [TenantId] = message.TenantId, [OccurredAt] = message.OccurredAt.ToString("O", CultureInfo.InvariantCulture) },
    };

    /// <exception cref="PoisonMessageException">The message was not written by the relay (no id, tenant or time it can read).</exception>
    public static OutboxMessage FromServiceBus(ServiceBusReceivedMessage message)
    {
        if (!Guid.TryParse(message.MessageId, out var id)
            || message.ApplicationProperties.GetValueOrDefault(TenantId) is not string tenant
            || message.ApplicationProperties.GetValueOrDefault(OccurredAt) is not string at
            || !DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var occurred)
            || string.IsNullOrEmpty(message.Subject))
            throw new PoisonMessageException($"Message '{message.MessageId}' is not an outbox event (its id, subject, tenant or time is missing).");
        return new OutboxMessage(id, tenant, message.Subject, message.Body.ToString(), occurred, message.DeliveryCount - 1);
    }
}
