using BackOffice.Core.Events;
using BackOffice.Storage.Cosmos.Documents;
using Microsoft.Azure.Cosmos;

namespace BackOffice.Storage.Cosmos.Stores.Events;

/// <summary>
/// The relay side of the outbox container. Leasing first drains documents whose writer stopped before draining their events
/// (at most every few seconds), then takes each due message with a patch conditional on the ETag it was read with, so of two
/// dispatchers that read the same message only one gets it. Delivered and dead-lettered messages have no <c>dueAt</c>.
/// </summary>
internal sealed class CosmosOutbox(CosmosDatabase db, EventDrain drain) : IOutbox
{
    private static readonly TimeSpan SweepEvery = TimeSpan.FromSeconds(5), StrandedAfter = TimeSpan.FromSeconds(5);
    private long _nextSweep;

    public async Task<IReadOnlyList<OutboxMessage>> LeaseDueAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken ct)
    {
        await SweepStrandedAsync(max, ct);
        var (at, until) = (now.UtcTicks, (now + lease).UtcTicks);
        var due = await db.QueryAsync<OutboxDocument>(db.Outbox, new QueryDefinition(
                $"SELECT TOP {max} * FROM c WHERE c.dueAt <= @now AND (NOT IS_DEFINED(c.leasedUntil) OR c.leasedUntil <= @now) ORDER BY c.dueAt, c.occurredTicks")
            .WithParameter("@now", at), null, "outbox.due", ct, max);
        var leased = new List<OutboxDocument>();
        foreach (var message in due)
            if (await db.TryPatchAsync(db.Outbox, message.Id, new PartitionKey(message.Id), [PatchOperation.Set("/leasedUntil", until)], message.ETag,
                    "outbox.lease", ct) is not null)
                leased.Add(message);
        return leased.OrderBy(m => m.OccurredTicks).ThenBy(m => m.Id, StringComparer.Ordinal)
            .Select(m => new OutboxMessage(Guid.Parse(m.Id), m.TenantId, m.Type, m.Payload, m.OccurredAt, m.Attempts)).ToList();
    }

    public Task MarkDeliveredAsync(Guid id, DateTimeOffset at, CancellationToken ct) =>
        PatchAsync(id, [PatchOperation.Set("/deliveredAt", at.UtcTicks), PatchOperation.Set<long?>("/dueAt", null), PatchOperation.Set("/leasedUntil", 0L)],
            "outbox.delivered", ct);

    public Task MarkFailedAsync(Guid id, string error, DateTimeOffset? retryAt, CancellationToken ct) =>
        PatchAsync(id, [PatchOperation.Increment("/attempts", 1), PatchOperation.Set("/lastError", error), PatchOperation.Set("/dueAt", retryAt?.UtcTicks),
            PatchOperation.Set("/leasedUntil", 0L)], "outbox.failed", ct);

    public async Task<int> CountUndeliveredAsync(CancellationToken ct) =>
        await db.ScalarAsync<int>(db.Outbox, new QueryDefinition("SELECT VALUE COUNT(1) FROM c WHERE NOT IS_DEFINED(c.deliveredAt)"), null,
            "outbox.count", ct);

    public async Task<int> PurgeDeliveredAsync(DateTimeOffset before, int max, CancellationToken ct)
    {
        var delivered = await db.QueryAsync<OutboxDocument>(db.Outbox, new QueryDefinition(
                $"SELECT TOP {max} * FROM c WHERE c.deliveredAt <= @before ORDER BY c.deliveredAt").WithParameter("@before", before.UtcTicks),
            null, "outbox.purge", ct, max);
        var purged = 0;
        foreach (var message in delivered)
            if (await db.TryDeleteAsync(db.Outbox, message.Id, new PartitionKey(message.Id), null, "outbox.purge", ct)) purged++;
        return purged;
    }

    private Task PatchAsync(Guid id, IReadOnlyList<PatchOperation> operations, string operation, CancellationToken ct)
    {
        var key = id.ToString("D");
        return db.TryPatchAsync(db.Outbox, key, new PartitionKey(key), operations, null, operation, ct);
    }

    /// <summary>Drains documents a crashed writer left with events on them, at most once every few seconds per instance.</summary>
    private async Task SweepStrandedAsync(int max, CancellationToken ct)
    {
        var clock = Environment.TickCount64;
        var next = Interlocked.Read(ref _nextSweep);
        if (clock < next || Interlocked.CompareExchange(ref _nextSweep, clock + (long)SweepEvery.TotalMilliseconds, next) != next) return;
        await drain.SweepAsync(DateTimeOffset.UtcNow - StrandedAfter, max, ct);
    }
}
