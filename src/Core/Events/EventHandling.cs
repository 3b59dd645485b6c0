using System.Text.Json;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.Events;

/// <summary>
/// Runs one message through every handler that wants it, inside the message's tenant scope: what any transport does with a
/// message it delivers. Handlers are idempotent, so a message redelivered after a partial failure is safe to run again.
/// </summary>
public sealed class EventHandling(IEnumerable<IDomainEventHandler> handlers)
{
    private readonly IDomainEventHandler[] _handlers = handlers.ToArray();

    /// <exception cref="PoisonMessageException">The message cannot be read as any known event.</exception>
    public async Task HandleAsync(OutboxMessage message, CancellationToken ct)
    {
        var domainEvent = Read(message);
        var scope = TenantScope.ForWorker(message.TenantId);
        foreach (var handler in _handlers.Where(h => h.Handles(domainEvent)))
            await handler.HandleAsync(domainEvent, scope, ct);
    }

    private static DomainEvent Read(OutboxMessage message)
    {
        try
        {
            return EventSerializer.FromMessage(message);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or NotSupportedException or ArgumentException)
        {
            throw new PoisonMessageException($"Message {message.Id} ({message.Type}) cannot be read: {ex.Message}", ex);
        }
    }
}

/// <summary>The embedded default: the relay runs the handlers itself, in this process.</summary>
public sealed class InProcessEventBus(EventHandling handling) : IEventBus
{
    public Task PublishAsync(OutboxMessage message, CancellationToken ct) => handling.HandleAsync(message, ct);
}
