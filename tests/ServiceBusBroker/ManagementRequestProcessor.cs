using Amqp;
using Amqp.Framing;
using Amqp.Listener;
using Amqp.Types;

namespace BackOffice.Testing.ServiceBus;

/// <summary>
/// The <c>{queue}/$management</c> node: the SDK's request/response operations. The request body is a map,
/// the operation name is the <c>operation</c> application property, the reply carries <c>statusCode</c>.
/// </summary>
internal sealed class ManagementRequestProcessor(BrokerQueue queue) : IRequestProcessor
{
    static readonly Symbol MessageLockLost = "com.microsoft:message-lock-lost";

    public int Credit => 100;

    public void Process(RequestContext requestContext)
    {
        Message response;
        try
        {
            response = Handle(requestContext.Message);
        }
        catch (Exception exception)
        {
            // An exception escaping into AMQPNetLite would close the client's connection instead of failing one call.
            response = Reply(500, $"The test broker failed the request: {exception.Message}");
        }

        requestContext.Complete(response);
    }

    Message Handle(Message request)
    {
        var body = request.Body as Map ?? [];
        return request.ApplicationProperties?["operation"] switch
        {
            "com.microsoft:renew-lock" => RenewLocks(body),
            "com.microsoft:peek-message" => Peek(body),
            "com.microsoft:schedule-message" => Schedule(body),
            "com.microsoft:cancel-scheduled-message" => CancelScheduled(body),
            var other => Reply(501, $"Operation '{other}' is not implemented by the test broker."),
        };
    }

    Message RenewLocks(Map body)
    {
        var expirations = new List<DateTime>();
        foreach (var token in (Guid[])body["lock-tokens"])
        {
            if (queue.RenewLock(token) is not { } lockedUntil)
            {
                return LockLost();
            }

            expirations.Add(lockedUntil);
        }

        return Reply(200, "OK", new Map { ["expirations"] = expirations.ToArray() });
    }

    Message Peek(Map body)
    {
        var found = queue.Peek(Convert.ToInt64(body["from-sequence-number"]), Convert.ToInt32(body["message-count"]));
        if (found.Count == 0)
        {
            return Reply(204, "No messages");
        }

        var messages = new List();
        messages.AddRange(found.Select(message => new Map { ["message"] = message.Encode() }));
        return Reply(200, "OK", new Map { ["messages"] = messages });
    }

    Message Schedule(Map body)
    {
        var sequenceNumbers = ((List)body["messages"])
            .Cast<Map>()
            .Select(entry => (byte[])entry["message"])
            .Select(bytes => queue.Schedule(Message.Decode(new ByteBuffer(bytes, 0, bytes.Length, bytes.Length))))
            .ToArray();
        return Reply(200, "OK", new Map { ["sequence-numbers"] = sequenceNumbers });
    }

    Message CancelScheduled(Map body)
    {
        foreach (var sequenceNumber in (long[])body["sequence-numbers"])
        {
            queue.CancelScheduled(sequenceNumber);
        }

        return Reply(200, "OK");
    }

    static Message LockLost() => Reply(410, "The lock on the message was lost.", errorCondition: MessageLockLost);

    static Message Reply(int statusCode, string description, Map? body = null, Symbol? errorCondition = null)
    {
        var response = new Message { ApplicationProperties = new ApplicationProperties() };
        response.ApplicationProperties["statusCode"] = statusCode;
        response.ApplicationProperties["statusDescription"] = description;
        if (errorCondition is not null)
        {
            response.ApplicationProperties["errorCondition"] = errorCondition;
        }

        if (body is not null)
        {
            response.BodySection = new AmqpValue { Value = body };
        }

        return response;
    }
}
