using Amqp;
using Amqp.Framing;
using Amqp.Listener;

namespace BackOffice.Testing.ServiceBus;

/// <summary>A link on which a client sends to a queue. Each transfer is accepted once the queue has it.</summary>
internal sealed class ProducerEndpoint(BrokerQueue queue) : LinkEndpoint
{
    /// <summary>The SDK sends a batch as one transfer of this format, one encoded message per Data section.</summary>
    const uint BatchMessageFormat = 0x80013700;

    public override void OnMessage(MessageContext messageContext)
    {
        var message = messageContext.Message;
        if (message.Format == BatchMessageFormat)
        {
            foreach (var section in DataSections(message.BodySection))
            {
                var bytes = section.Binary;
                queue.Accept(Message.Decode(new ByteBuffer(bytes, 0, bytes.Length, bytes.Length)));
            }
        }
        else
        {
            // Decoded body sections point into the transfer buffer, which is released on Complete.
            queue.Accept(Message.Decode(message.Encode()));
        }

        messageContext.Complete();
    }

    public override void OnFlow(FlowContext flowContext)
    {
    }

    public override void OnDisposition(DispositionContext dispositionContext)
    {
    }

    static IEnumerable<Data> DataSections(object body) => body switch
    {
        DataList list => Enumerable.Range(0, list.Count).Select(i => list[i]),
        Data single => [single],
        _ => [],
    };
}
