namespace BackOffice.Testing.ServiceBus;

/// <summary>What happens to locked messages: settlement by lock token, lock renewal and lock expiry.</summary>
internal sealed partial class BrokerQueue
{
    const string MaxDeliveryCountExceeded = "MaxDeliveryCountExceeded";

    /// <summary>Each method returns false when the lock token is unknown: expired, settled or never issued.</summary>
    public bool Complete(Guid lockToken)
    {
        lock (Gate)
        {
            return _locked.Remove(lockToken);
        }
    }

    /// <param name="countsAsDelivery">False for an AMQP release: the application never saw the message.</param>
    public bool Abandon(Guid lockToken, bool countsAsDelivery, IDictionary<string, object?> propertiesToModify)
    {
        lock (Gate)
        {
            if (!_locked.Remove(lockToken, out var message))
            {
                return false;
            }

            message.SetApplicationProperties(propertiesToModify);
            Unlock(message, countsAsDelivery);
            Dispatch();
            return true;
        }
    }

    public bool DeadLetter(Guid lockToken, string? reason, string? description, IDictionary<string, object?> propertiesToModify)
    {
        lock (Gate)
        {
            if (!_locked.Remove(lockToken, out var message))
            {
                return false;
            }

            message.SetApplicationProperties(propertiesToModify);
            MoveToDeadLetterQueue(message, reason, description);
            return true;
        }
    }

    public DateTime? RenewLock(Guid lockToken)
    {
        lock (Gate)
        {
            if (!_locked.TryGetValue(lockToken, out var message))
            {
                return null;
            }

            message.LockedUntilUtc = DateTime.UtcNow + settings.LockDuration;
            return message.LockedUntilUtc;
        }
    }

    /// <summary>Called periodically: expired locks count as a failed delivery, due scheduled messages become available.</summary>
    public void ExpireLocksAndActivateSchedules(DateTime now)
    {
        lock (Gate)
        {
            foreach (var expired in _locked.Values.Where(message => message.LockedUntilUtc <= now).ToList())
            {
                _locked.Remove(expired.LockToken);
                _expiredLocks++;
                Unlock(expired, countsAsDelivery: true);
            }

            foreach (var due in _scheduled.Values.Where(message => message.EnqueuedTimeUtc <= now).ToList())
            {
                _scheduled.Remove(due.SequenceNumber);
                _available[due.SequenceNumber] = due;
            }

            Dispatch();
        }
    }

    void Unlock(StoredMessage message, bool countsAsDelivery)
    {
        if (countsAsDelivery && ++message.FailedDeliveries >= settings.MaxDeliveryCount)
        {
            MoveToDeadLetterQueue(message, MaxDeliveryCountExceeded,
                $"Message could not be consumed after {settings.MaxDeliveryCount} delivery attempts.");
            return;
        }

        _available[message.SequenceNumber] = message;
    }

    void MoveToDeadLetterQueue(StoredMessage message, string? reason, string? description)
    {
        if (DeadLetterQueue is null)
        {
            // A dead-letter sub-queue has nowhere further to send a message: it stays.
            _available[message.SequenceNumber] = message;
            Dispatch();
            return;
        }

        var deadLetterProperties = new Dictionary<string, object?>();
        if (reason is not null)
        {
            deadLetterProperties["DeadLetterReason"] = reason;
        }

        if (description is not null)
        {
            deadLetterProperties["DeadLetterErrorDescription"] = description;
        }

        message.SetApplicationProperties(deadLetterProperties);
        DeadLetterQueue.AcceptDeadLettered(message);
    }

    void AcceptDeadLettered(StoredMessage message)
    {
        lock (Gate)
        {
            Store(message.Content, message.FailedDeliveries);
        }
    }
}
