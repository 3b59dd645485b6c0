namespace BackOffice.Core.Events;

/// <summary>
/// One pass of the relay: leases due messages and publishes each on the event bus. In process, publishing runs every
/// handler, so a message counts as delivered only when all of them succeeded; otherwise all see it again after a backoff
/// (they are idempotent), until it is dead-lettered. On a broker, delivered means the broker has it, and the broker's
/// consumers retry. A message nobody can read is dead-lettered at once.
/// </summary>
public sealed class OutboxDispatcher(IOutbox outbox, IEventBus bus, OutboxOptions options, TimeProvider time)
{
    /// <returns>How many messages this pass took.</returns>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var batch = await outbox.LeaseDueAsync(time.GetUtcNow(), options.Lease, options.BatchSize, ct);
        foreach (var message in batch) await DeliverAsync(message, ct);
        return batch.Count;
    }

    private async Task DeliverAsync(OutboxMessage message, CancellationToken ct)
    {
        using var span = Common.PlatformTelemetry.Start("PublishEvent", message.TenantId);
        span?.SetTag("backoffice.event", message.Type);
        try
        {
            await bus.PublishAsync(message, ct);
            var delivered = time.GetUtcNow();
            await outbox.MarkDeliveredAsync(message.Id, delivered, ct);
            Common.PlatformTelemetry.OutboxLag.Record((delivered - message.OccurredAt).TotalMilliseconds, new KeyValuePair<string, object?>("event", message.Type));
        }
        catch (PoisonMessageException ex)
        {
            Common.PlatformTelemetry.OutboxFailures.Add(1, new KeyValuePair<string, object?>("outcome", "poison"));
            await outbox.MarkFailedAsync(message.Id, ex.Message, null, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            var attempt = message.Attempts + 1;
            DateTimeOffset? retryAt = attempt >= options.MaxAttempts ? null : time.GetUtcNow() + Backoff(attempt);
            Common.PlatformTelemetry.OutboxFailures.Add(1, new KeyValuePair<string, object?>("outcome", retryAt is null ? "dead-letter" : "retry"));
            await outbox.MarkFailedAsync(message.Id, $"{ex.GetType().Name}: {ex.Message}", retryAt, ct);
        }
    }

    /// <returns>How many delivered messages past their retention were deleted.</returns>
    public async Task<int> PurgeAsync(CancellationToken ct)
    {
        const int batch = 1_000;
        var before = time.GetUtcNow() - options.RetainDelivered;
        int purged = 0, last;
        do purged += last = await outbox.PurgeDeliveredAsync(before, batch, ct);
        while (last == batch);
        return purged;
    }

    public static TimeSpan Backoff(int attempt) => TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, attempt)));
}
