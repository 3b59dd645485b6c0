namespace BackOffice.Core.Events;

/// <summary>An event as the outbox keeps it until every handler has seen it.</summary>
public sealed record OutboxMessage(Guid Id, string TenantId, string Type, string Payload, DateTimeOffset OccurredAt, int Attempts);

/// <summary>The relay side of the transactional outbox (the writing side is each store's save).</summary>
public interface IOutbox
{
    /// <summary>
    /// Leases up to <paramref name="max"/> undelivered messages that are due, oldest first, so that several
    /// dispatchers never work the same message at once; a lease that lapses (a crashed dispatcher) frees it again.
    /// </summary>
    Task<IReadOnlyList<OutboxMessage>> LeaseDueAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken ct);

    Task MarkDeliveredAsync(Guid id, DateTimeOffset at, CancellationToken ct);

    /// <summary>Records a failed attempt; the message is due again at <paramref name="retryAt"/>, or never if null (dead-lettered).</summary>
    Task MarkFailedAsync(Guid id, string error, DateTimeOffset? retryAt, CancellationToken ct);

    Task<int> CountUndeliveredAsync(CancellationToken ct);

    /// <summary>Deletes up to <paramref name="max"/> messages delivered at or before <paramref name="before"/>, oldest first.</summary>
    /// <returns>How many were deleted.</returns>
    Task<int> PurgeDeliveredAsync(DateTimeOffset before, int max, CancellationToken ct);
}
