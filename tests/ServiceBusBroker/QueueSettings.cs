namespace BackOffice.Testing.ServiceBus;

/// <summary>The per-queue behaviour a test can choose.</summary>
internal sealed record QueueSettings(int MaxDeliveryCount, TimeSpan LockDuration, bool DuplicateDetection)
{
    /// <summary>A dead-letter sub-queue never dead-letters again and keeps every message it is given.</summary>
    public QueueSettings ForDeadLetterQueue() => this with { MaxDeliveryCount = int.MaxValue, DuplicateDetection = false };
}
