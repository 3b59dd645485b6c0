using Amqp;
using Amqp.Framing;
using Amqp.Listener;
using Amqp.Types;

namespace BackOffice.Testing.ServiceBus;

/// <summary>
/// A link on which a client receives from a queue: link credit, drain, and the client's dispositions
/// (complete, abandon, dead-letter) of the messages it was given.
/// </summary>
internal sealed class ConsumerEndpoint(BrokerQueue queue, ListenerLink link) : LinkEndpoint
{
    static readonly Symbol MessageLockLost = "com.microsoft:message-lock-lost";

    // Mirrors ListenerLink's private credit, which is decremented by every SendMessage: sending
    // without credit would wrap it around. Guarded by the queue's gate.
    uint _credit;

    public bool HasCredit => _credit > 0 && !link.IsClosed;

    /// <summary>Receive-and-delete: the client asked for pre-settled deliveries, so nothing is locked.</summary>
    public bool SettlesOnSend => link.SettleOnSend;

    public bool TrySend(Message delivery)
    {
        try
        {
            link.SendMessage(delivery);
            _credit--;
            return true;
        }
        catch (Exception)
        {
            // Typically the link is closing and its removal is on its way; the caller puts the message back.
            _credit = 0;
            return false;
        }
    }

    public override void OnFlow(FlowContext flowContext)
    {
        lock (queue.Gate)
        {
            // Same arithmetic as ListenerLink.OnFlow: a non-positive change resets the credit to zero.
            _credit = flowContext.Messages <= 0 ? 0 : _credit + (uint)flowContext.Messages;
            queue.Dispatch();
            if (link.IsDraining)
            {
                // Without this the SDK's drain (done when a receiver closes) waits for its full timeout.
                _credit = 0;
                link.CompleteDrain();
            }
        }
    }

    public override void OnDisposition(DispositionContext dispositionContext)
    {
        // A closing link releases its unsettled deliveries; Service Bus keeps those locked until the lock expires.
        if (dispositionContext.Link.IsClosed || dispositionContext.Message is not LockedDelivery delivery)
        {
            return;
        }

        var token = delivery.LockToken;
        bool? settled = dispositionContext.DeliveryState switch
        {
            Accepted => queue.Complete(token),
            Rejected rejected => DeadLetter(token, rejected.Error?.Info),
            Modified { UndeliverableHere: true } => null, // defer: needs receive-by-sequence-number, not implemented
            Modified modified => queue.Abandon(token, countsAsDelivery: true, ToProperties(modified.MessageAnnotations)),
            Released => queue.Abandon(token, countsAsDelivery: false, ToProperties(null)),
            _ => null,
        };

        // The reply must not be Rejected-with-error on success, even for a dead-letter: the SDK would throw.
        switch (settled)
        {
            case true:
                dispositionContext.Complete();
                break;
            case false:
                dispositionContext.Complete(new Error(MessageLockLost) { Description = "The lock on the message was lost." });
                break;
            default:
                dispositionContext.Complete(new Error(ErrorCode.NotImplemented) { Description = "This disposition is not supported by the test broker." });
                break;
        }
    }

    public override void OnLinkClosed(ListenerLink closedLink, Error error) =>
        // AMQPNetLite calls this holding the link's lock; taking the queue's gate here could deadlock with a send.
        ThreadPool.QueueUserWorkItem(_ => queue.RemoveConsumer(this));

    bool DeadLetter(Guid token, Fields? info)
    {
        var properties = ToProperties(info);
        properties.Remove("DeadLetterReason", out var reason);
        properties.Remove("DeadLetterErrorDescription", out var description);
        return queue.DeadLetter(token, reason as string, description as string, properties);
    }

    static Dictionary<string, object?> ToProperties(Fields? fields) =>
        fields?.ToDictionary(pair => pair.Key.ToString()!, pair => (object?)pair.Value) ?? [];
}
