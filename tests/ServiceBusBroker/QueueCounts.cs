namespace BackOffice.Testing.ServiceBus;

/// <summary>How many messages a queue holds right now, by state.</summary>
/// <param name="Available">Waiting to be delivered.</param>
/// <param name="Locked">Delivered in peek-lock mode and not settled yet.</param>
/// <param name="Scheduled">Waiting for their scheduled enqueue time.</param>
/// <param name="DeadLettered">In the queue's <c>$deadletterqueue</c> sub-queue, locked or not.</param>
/// <param name="ExpiredLocks">Since the queue was made: deliveries whose lock ran out unsettled (their consumer died or hung), so they went out again.</param>
public sealed record QueueCounts(int Available, int Locked, int Scheduled, int DeadLettered, long ExpiredLocks = 0)
{
    /// <summary>Available plus locked: what Service Bus calls the active message count.</summary>
    public int Active => Available + Locked;
}
