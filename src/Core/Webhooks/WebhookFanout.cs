using System.Text.Json.Nodes;
using BackOffice.Core.Events;
using BackOffice.Core.Live;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.Webhooks;

/// <summary>Queues a delivery of each event a tenant subscribed to, once per event, from the outbox.</summary>
public sealed class WebhookFanout(IWebhookStore webhooks, IChangeFeed feed, TimeProvider time) : IDomainEventHandler
{
    public bool Handles(DomainEvent domainEvent) => WebhookEvents.All.Contains(EventSerializer.TypeName(domainEvent));

    public async Task HandleAsync(DomainEvent domainEvent, TenantScope scope, CancellationToken ct)
    {
        var subscription = await webhooks.FindAsync(scope, ct);
        var type = EventSerializer.TypeName(domainEvent);
        if (subscription is null || !subscription.Events.Contains(type)) return;
        await webhooks.EnqueueAsync(scope, new WebhookDelivery(domainEvent.EventId, domainEvent.TenantId, type, subscription.Url,
            Payload(domainEvent, type), domainEvent.OccurredAt, NextAttemptAt: domainEvent.OccurredAt), ct);
        feed.Publish(new ChangeSignal(domainEvent.TenantId, ChangeTopics.Webhook, null, time.GetUtcNow()));
    }

    /// <summary>The body a receiver gets: the event's id, type, time and tenant, and its fields under "data".</summary>
    public static string Payload(DomainEvent domainEvent, string type) => new JsonObject
    {
        ["id"] = domainEvent.EventId, ["type"] = type, ["timestamp"] = domainEvent.OccurredAt, ["tenantId"] = domainEvent.TenantId,
        ["data"] = JsonNode.Parse(EventSerializer.ToMessage(domainEvent).Payload),
    }.ToJsonString();
}
