using BackOffice.Core.Live;
using Microsoft.Azure.Cosmos;

namespace BackOffice.Storage.Cosmos.Stores.Tenancy;

/// <summary>
/// The shared change signals in the platform container, one document per signal whose id is its position
/// (<c>signal-0000…42</c>). A writer takes the place after the newest it found; a create that meets 409 lost that place
/// to another writer and tries the next, so a position is only ever written once the one before it exists and readers
/// never skip a signal still being written. Purging keeps the newest document (as a tombstone no read returns) so the next
/// position still follows it once every signal is gone.
/// </summary>
internal sealed class CosmosChangeSignalLog(CosmosDatabase db) : IChangeSignalLog
{
    private const string Kind = "change-signal";

    public async Task AppendAsync(string origin, IReadOnlyList<ChangeSignal> signals, CancellationToken ct)
    {
        if (signals.Count == 0) return;
        var head = await LastAnyAsync(ct);
        foreach (var signal in signals)
        {
            var attempts = 0;
            while (true)
            {
                Contention.Count(ref attempts, "signal.append");
                var document = SignalDocument.Of(head + 1, origin, signal);
                if (await db.TryCreateAsync(db.Platform, document, new PartitionKey(document.Id), "signal.append", ct) is not null)
                {
                    head = document.Position;
                    break;
                }
                head = Math.Max(head + 1, await LastAnyAsync(ct));
            }
        }
    }

    public async Task<IReadOnlyList<LoggedSignal>> ReadAfterAsync(long position, int max, CancellationToken ct)
    {
        var documents = await db.QueryAsync<SignalDocument>(db.Platform, new QueryDefinition(
                $"SELECT TOP {max} * FROM c WHERE c.kind = @k AND c.live = true AND c.position > @p ORDER BY c.position")
            .WithParameter("@k", Kind).WithParameter("@p", position), null, "signal.read", ct, max);
        return [.. documents.Select(d => new LoggedSignal(d.Position, d.Origin,
            new ChangeSignal(d.SignalTenantId, d.Topic, d.ItemId, new DateTimeOffset(d.AtTicks, TimeSpan.Zero))))];
    }

    public async Task<long> LastPositionAsync(CancellationToken ct) => await LastAnyAsync(ct);

    public async Task<int> PurgeAsync(DateTimeOffset before, CancellationToken ct)
    {
        var old = await db.QueryAsync<SignalDocument>(db.Platform, new QueryDefinition(
                "SELECT TOP 1000 * FROM c WHERE c.kind = @k AND c.atTicks < @before").WithParameter("@k", Kind).WithParameter("@before", before.UtcTicks),
            null, "signal.purge", ct, 1000); // the rest go on the next purge
        var head = await LastAnyAsync(ct);
        var purged = 0;
        foreach (var document in old)
        {
            var key = new PartitionKey(document.Id);
            var gone = document.Position == head
                ? document.Live && await db.TryPatchAsync(db.Platform, document.Id, key, [PatchOperation.Set("/live", false)], document.ETag, "signal.purge", ct) is not null
                : await db.TryDeleteAsync(db.Platform, document.Id, key, null, "signal.purge", ct) && document.Live;
            if (gone) purged++;
        }
        return purged;
    }

    /// <summary>The newest position written, tombstone or not (0 when none).</summary>
    private async Task<long> LastAnyAsync(CancellationToken ct)
    {
        var last = await db.QueryAsync<long>(db.Platform, new QueryDefinition(
            "SELECT TOP 1 VALUE c.position FROM c WHERE c.kind = @k ORDER BY c.position DESC").WithParameter("@k", Kind), null, "signal.head", ct, 1);
        return last.Count == 0 ? 0 : last[0];
    }

    private sealed class SignalDocument : PlatformDocument
    {
        public override string Kind { get; set; } = CosmosChangeSignalLog.Kind;

        public long Position { get; set; }

        public required string Origin { get; set; }

        public required string SignalTenantId { get; set; }

        public required string Topic { get; set; }

        public Guid? ItemId { get; set; }

        public long AtTicks { get; set; }

        /// <summary>False once purged: the newest document stays, as the place the next position follows.</summary>
        public bool Live { get; set; } = true;

        public static SignalDocument Of(long position, string origin, ChangeSignal s) => new()
        {
            Id = $"signal-{position:D19}", Position = position, Origin = origin, SignalTenantId = s.TenantId, Topic = s.Topic, ItemId = s.ItemId,
            AtTicks = s.At.UtcTicks,
        };
    }
}
