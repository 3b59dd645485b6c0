using Amqp;
using Amqp.Framing;
using Amqp.Types;

namespace BackOffice.Testing.ServiceBus;

/// <summary>A message held by a queue, as the client sent it, plus the state the broker keeps for it.</summary>
internal sealed class StoredMessage(Message content, long sequenceNumber, DateTime enqueuedTimeUtc)
{
    static readonly Symbol SequenceNumberKey = "x-opt-sequence-number";
    static readonly Symbol EnqueuedTimeKey = "x-opt-enqueued-time";
    static readonly Symbol LockedUntilKey = "x-opt-locked-until";
    static readonly Symbol ScheduledEnqueueTimeKey = "x-opt-scheduled-enqueue-time";

    public Message Content { get; } = content;

    public long SequenceNumber { get; } = sequenceNumber;

    /// <summary>For a scheduled message this is the time it becomes available.</summary>
    public DateTime EnqueuedTimeUtc { get; } = enqueuedTimeUtc;

    /// <summary>The AMQP header delivery-count: deliveries that ended without completion. The SDK shows it plus one.</summary>
    public uint FailedDeliveries { get; set; }

    public Guid LockToken { get; set; }

    public DateTime LockedUntilUtc { get; set; }

    public string? MessageId => Content.Properties?.MessageId?.ToString();

    public static DateTime? ScheduledEnqueueTimeOf(Message message) =>
        message.MessageAnnotations?[ScheduledEnqueueTimeKey] as DateTime?;

    /// <summary>A fresh copy to transfer to a consumer; without a lock (receive-and-delete) it gets a throwaway tag.</summary>
    public LockedDelivery ToDelivery(bool locked)
    {
        var delivery = new LockedDelivery(locked ? LockToken : Guid.NewGuid());
        CopyInto(delivery);
        if (locked)
        {
            delivery.MessageAnnotations[LockedUntilKey] = LockedUntilUtc;
        }

        return delivery;
    }

    /// <summary>The encoded message as a peek or a management reply carries it.</summary>
    public byte[] Encode()
    {
        var copy = new Message();
        CopyInto(copy);
        var buffer = copy.Encode();
        return buffer.Buffer.AsSpan(buffer.Offset, buffer.Length).ToArray();
    }

    public void SetApplicationProperties(IEnumerable<KeyValuePair<string, object?>> properties)
    {
        foreach (var (key, value) in properties)
        {
            Content.ApplicationProperties ??= new ApplicationProperties();
            Content.ApplicationProperties[key] = value;
        }
    }

    void CopyInto(Message target)
    {
        // Encoding happens right after the copy, under the queue's lock, so sharing sections is safe.
        Content.Header ??= new Header();
        Content.Header.DeliveryCount = FailedDeliveries;
        target.Header = Content.Header;
        target.MessageAnnotations = new MessageAnnotations();
        if (Content.MessageAnnotations is { } annotations)
        {
            foreach (var (key, value) in annotations.Map)
            {
                target.MessageAnnotations.Map[key] = value;
            }
        }

        target.MessageAnnotations[SequenceNumberKey] = SequenceNumber;
        target.MessageAnnotations[EnqueuedTimeKey] = EnqueuedTimeUtc;
        target.Properties = Content.Properties;
        target.ApplicationProperties = Content.ApplicationProperties;
        target.BodySection = Content.BodySection;
        target.Footer = Content.Footer;
    }
}
