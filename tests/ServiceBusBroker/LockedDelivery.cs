using Amqp;
using Amqp.Handler;

namespace BackOffice.Testing.ServiceBus;

/// <summary>A copy of a stored message on its way to one consumer, carrying the lock token of that delivery.</summary>
internal sealed class LockedDelivery(Guid lockToken) : Message
{
    public Guid LockToken { get; } = lockToken;
}

/// <summary>
/// AMQPNetLite numbers delivery tags itself, but the SDK reads a message's lock token from its 16-byte
/// delivery tag, so the tag is replaced just before the transfer is written.
/// </summary>
internal sealed class LockTokenDeliveryTagger : IHandler
{
    public bool CanHandle(EventId id) => id == EventId.SendDelivery;

    public void Handle(Event protocolEvent)
    {
        // AMQPNetLite also raises ReceiveDelivery after asking CanHandle(SendDelivery), hence the second check.
        if (protocolEvent.Id == EventId.SendDelivery && protocolEvent.Context is IDelivery { Message: LockedDelivery locked } delivery)
        {
            delivery.Tag = locked.LockToken.ToByteArray();
        }
    }
}
