using Amqp;
using Amqp.Framing;
using Amqp.Listener;

namespace BackOffice.Testing.ServiceBus;

/// <summary>
/// Attaches client links to queues: a client sender gets a <see cref="ProducerEndpoint"/>, a client
/// receiver a <see cref="ConsumerEndpoint"/>. <c>$cbs</c> and <c>$management</c> never reach here,
/// AMQPNetLite routes them to their request processors first.
/// </summary>
internal sealed class EntityLinkProcessor(Func<string, BrokerQueue?> findEntity) : ILinkProcessor
{
    const ulong MaxMessageSize = 1024 * 1024;
    const int ProducerCredit = 200;

    public void Process(AttachContext attachContext)
    {
        var attach = attachContext.Attach;
        var clientSends = !attach.Role;
        // Senders and receivers address "/{queue}"; management links use "{queue}/$management".
        var address = (clientSends ? (attach.Target as Target)?.Address : (attach.Source as Source)?.Address)?.TrimStart('/');
        if (address is null || findEntity(address) is not { } queue)
        {
            attachContext.Complete(new Error(ErrorCode.NotFound) { Description = $"The messaging entity '{address}' could not be found." });
            return;
        }

        if (!clientSends && (attach.Source as Source)?.FilterSet is { Count: > 0 })
        {
            // The SDK only sets filters on session receivers.
            attachContext.Complete(new Error(ErrorCode.NotImplemented) { Description = "The test broker does not support sessions." });
            return;
        }

        // The attach is echoed back as the broker's own; the SDK's sender needs a max-message-size in it.
        attach.MaxMessageSize = MaxMessageSize;
        if (!clientSends)
        {
            var consumer = new ConsumerEndpoint(queue, attachContext.Link);
            queue.AddConsumer(consumer);
            attachContext.Complete(consumer, 0);
        }
        else if (queue.DeadLetterQueue is null)
        {
            attachContext.Complete(new Error(ErrorCode.NotAllowed) { Description = "A dead-letter sub-queue cannot be sent to." });
        }
        else
        {
            attachContext.Complete(new ProducerEndpoint(queue), ProducerCredit);
        }
    }
}
