using BackOffice.Core.Common;
using BackOffice.Core.Coordination;
using Microsoft.Azure.Cosmos;

namespace BackOffice.Storage.Cosmos.Stores.Tenancy;

/// <summary>
/// One platform document per lease. Taking it is a create (the first holder) or a replace on the ETag read (a lapsed
/// lease, or the holder's own renewal), so of two instances racing for it exactly one write lands; the other reads again.
/// </summary>
internal sealed class CosmosWorkLeases(CosmosDatabase db) : IWorkLeases
{
    public async Task<bool> TryAcquireAsync(string name, string holder, DateTimeOffset now, DateTimeOffset until, CancellationToken ct)
    {
        var id = PlatformDocument.IdOf(LeaseDocument.KindName, name);
        var next = new LeaseDocument { Id = id, Name = name, Holder = holder, Until = until.UtcTicks };
        var attempts = 0;
        while (true)
        {
            Contention.Count(ref attempts, "lease.acquire");
            var stored = await ReadAsync(id, ct);
            if (stored is null)
            {
                if (await db.TryCreateAsync(db.Platform, next, new PartitionKey(id), "lease.acquire", ct) is not null) return true;
                continue;
            }
            if (stored.Until > now.UtcTicks && stored.Holder != holder) return false;
            try
            {
                await db.ReplaceAsync(db.Platform, next, id, new PartitionKey(id), stored.ETag, "lease.acquire", ct);
                return true;
            }
            catch (ConcurrencyConflictException) { } // taken or renewed meanwhile: judge the lease as it is now
        }
    }

    public async Task ReleaseAsync(string name, string holder, CancellationToken ct)
    {
        var id = PlatformDocument.IdOf(LeaseDocument.KindName, name);
        while (await ReadAsync(id, ct) is { } stored && stored.Holder == holder)
            if (await db.TryDeleteAsync(db.Platform, id, new PartitionKey(id), stored.ETag, "lease.release", ct)) return;
    }

    private async Task<LeaseDocument?> ReadAsync(string id, CancellationToken ct) =>
        (await db.ReadAsync<LeaseDocument>(db.Platform, id, new PartitionKey(id), "lease.read", ct)).Document;

    private sealed class LeaseDocument : PlatformDocument
    {
        public const string KindName = "lease";

        public override string Kind { get; set; } = KindName;

        public required string Name { get; set; }

        public required string Holder { get; set; }

        /// <summary>UTC ticks at which the lease lapses.</summary>
        public long Until { get; set; }
    }
}
