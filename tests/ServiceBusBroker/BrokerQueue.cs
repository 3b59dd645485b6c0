using Amqp;

namespace BackOffice.Testing.ServiceBus;

/// <summary>
/// One queue (or dead-letter sub-queue): available, locked and scheduled messages, and the consumers
/// attached to it. Every member locks <see cref="Gate"/>, one lock shared by the whole broker.
/// </summary>
internal sealed partial class BrokerQueue(object gate, string path, QueueSettings settings, BrokerQueue? deadLetterQueue)
{
    public const string DeadLetterSuffix = "/$deadletterqueue";

    readonly SortedDictionary<long, StoredMessage> _available = [];
    readonly Dictionary<Guid, StoredMessage> _locked = [];
    readonly SortedDictionary<long, StoredMessage> _scheduled = [];
    readonly HashSet<string> _acceptedMessageIds = new(StringComparer.Ordinal);
    readonly List<ConsumerEndpoint> _consumers = [];
    long _lastSequenceNumber;
    long _expiredLocks;
    int _nextConsumer;

    public object Gate { get; } = gate;

    public string Path { get; } = path;

    /// <summary>Null for a dead-letter sub-queue itself.</summary>
    public BrokerQueue? DeadLetterQueue { get; } = deadLetterQueue;

    public QueueCounts Counts
    {
        get
        {
            lock (Gate)
            {
                var deadLettered = DeadLetterQueue?.Counts.Active ?? 0;
                return new QueueCounts(_available.Count, _locked.Count, _scheduled.Count, deadLettered, _expiredLocks);
            }
        }
    }

    public int CountLocksEndingBy(DateTime time)
    {
        lock (Gate)
        {
            return _locked.Values.Count(message => message.LockedUntilUtc <= time);
        }
    }

    /// <summary>A message a client sent: duplicates are dropped, future ones wait for their schedule.</summary>
    public void Accept(Message message)
    {
        lock (Gate)
        {
            if (IsDuplicate(message))
            {
                return;
            }

            Store(message, failedDeliveries: 0);
        }
    }

    public long Schedule(Message message)
    {
        lock (Gate)
        {
            return Store(message, failedDeliveries: 0).SequenceNumber;
        }
    }

    public bool CancelScheduled(long sequenceNumber)
    {
        lock (Gate)
        {
            return _scheduled.Remove(sequenceNumber);
        }
    }

    public IReadOnlyList<StoredMessage> Peek(long fromSequenceNumber, int count)
    {
        lock (Gate)
        {
            return _available.Values.Concat(_locked.Values).Concat(_scheduled.Values)
                .Where(message => message.SequenceNumber >= fromSequenceNumber)
                .OrderBy(message => message.SequenceNumber)
                .Take(count)
                .ToList();
        }
    }

    public void AddConsumer(ConsumerEndpoint consumer)
    {
        lock (Gate)
        {
            _consumers.Add(consumer);
        }
    }

    public void RemoveConsumer(ConsumerEndpoint consumer)
    {
        lock (Gate)
        {
            _consumers.Remove(consumer);
        }
    }

    /// <summary>Hands available messages, oldest first, to consumers with credit, round-robin.</summary>
    public void Dispatch()
    {
        lock (Gate)
        {
            while (_available.Count > 0 && NextConsumerWithCredit() is { } consumer)
            {
                var message = _available.Values.First();
                _available.Remove(message.SequenceNumber);
                var peekLock = !consumer.SettlesOnSend;
                if (peekLock)
                {
                    message.LockToken = Guid.NewGuid();
                    message.LockedUntilUtc = DateTime.UtcNow + settings.LockDuration;
                    _locked[message.LockToken] = message;
                }

                if (!consumer.TrySend(message.ToDelivery(peekLock)))
                {
                    _locked.Remove(message.LockToken);
                    _available[message.SequenceNumber] = message;
                }
            }
        }
    }

    StoredMessage Store(Message message, uint failedDeliveries)
    {
        var now = DateTime.UtcNow;
        var scheduledFor = StoredMessage.ScheduledEnqueueTimeOf(message);
        var isScheduled = scheduledFor > now;
        var stored = new StoredMessage(message, ++_lastSequenceNumber, isScheduled ? scheduledFor!.Value : now)
        {
            FailedDeliveries = failedDeliveries,
        };
        (isScheduled ? _scheduled : _available)[stored.SequenceNumber] = stored;
        Dispatch();
        return stored;
    }

    bool IsDuplicate(Message message)
    {
        var messageId = message.Properties?.MessageId?.ToString();
        return settings.DuplicateDetection && messageId is not null && !_acceptedMessageIds.Add(messageId);
    }

    ConsumerEndpoint? NextConsumerWithCredit()
    {
        for (var i = 0; i < _consumers.Count; i++)
        {
            var index = (_nextConsumer + i) % _consumers.Count;
            if (_consumers[index].HasCredit)
            {
                _nextConsumer = (index + 1) % _consumers.Count;
                return _consumers[index];
            }
        }

        return null;
    }
}
