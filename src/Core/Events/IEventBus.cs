namespace BackOffice.Core.Events;

/// <summary>
/// Where the outbox relay hands each message: straight to this process's handlers (the embedded default), or to a broker
/// whose consumers run the handlers in the worker instances. The message's id is its identity on every transport, so a
/// message published twice (a relay that crashed after publishing) is recognised as the same one.
/// </summary>
public interface IEventBus
{
    Task PublishAsync(OutboxMessage message, CancellationToken ct);
}

/// <summary>A message no handler can ever read (an unknown type, a broken payload): retrying cannot help, so it is dead-lettered at once.</summary>
public sealed class PoisonMessageException(string message, Exception? inner = null) : Exception(message, inner);
