using System.Collections.Concurrent;
using BackOffice.Storage.Cosmos.Documents;
using Microsoft.Azure.Cosmos;

namespace BackOffice.Storage.Cosmos.Stores.Queues;

/// <summary>
/// The tenants each queue serves, one small document per (queue, tenant) in the tenant's partition, created before the
/// tenant's first item enters the queue. <see cref="QueueTenantDocument.LastServed"/> is the queue's turn counter at the
/// tenant's latest claim: the fair claim serves the tenant with the lowest first, within a band.
/// </summary>
internal sealed class QueueTenants(CosmosDatabase db)
{
    public const string Kind = "queue-tenant";

    /// <summary>Pairs known to have their document (never deleted), so a tenant's later items cost no write here.</summary>
    private readonly ConcurrentDictionary<(string Queue, string TenantId), bool> _known = new();

    public async Task EnsureAsync(string queue, string tenantId, CancellationToken ct)
    {
        if (_known.ContainsKey((queue, tenantId))) return;
        await db.TryCreateAsync(db.Data, new QueueTenantDocument { Id = IdOf(queue), TenantId = tenantId, Queue = queue },
            new PartitionKey(tenantId), "queue.tenant-add", ct);
        _known[(queue, tenantId)] = true;
    }

    /// <summary>The queue's tenants (across partitions, through the index on kind and queue), least recently served first.</summary>
    public async Task<List<QueueTenantDocument>> ListAsync(string queue, CancellationToken ct)
    {
        var tenants = await db.QueryAsync<QueueTenantDocument>(db.Data, new QueryDefinition(
                "SELECT * FROM c WHERE c.kind = @k AND c.queue = @q").WithParameter("@k", Kind).WithParameter("@q", queue),
            null, "queue.tenants", ct);
        return [.. tenants.OrderBy(t => t.LastServed).ThenBy(t => t.TenantId, StringComparer.Ordinal)];
    }

    /// <summary>Every queue any tenant has entered (one short document per queue and tenant).</summary>
    public async Task<List<string>> QueuesAsync(CancellationToken ct)
    {
        var names = await db.QueryAsync<string>(db.Data, new QueryDefinition("SELECT VALUE c.queue FROM c WHERE c.kind = @k").WithParameter("@k", Kind),
            null, "queue.names", ct);
        return [.. names.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Puts the tenant last in the queue's turn: after every tenant in <paramref name="tenants"/>, as read for the claim.</summary>
    public async Task MarkServedAsync(string queue, string tenantId, IReadOnlyList<QueueTenantDocument> tenants, CancellationToken ct)
    {
        var turn = tenants.Count == 0 ? 1 : tenants.Max(t => t.LastServed) + 1;
        await db.UpsertAsync(db.Data, new QueueTenantDocument { Id = IdOf(queue), TenantId = tenantId, Queue = queue, LastServed = turn },
            new PartitionKey(tenantId), "queue.served", ct);
    }

    private static string IdOf(string queue) => $"{Kind}.{queue}";

    internal sealed class QueueTenantDocument : TenantDocument
    {
        public override string Kind { get; set; } = QueueTenants.Kind;

        public required string Queue { get; set; }

        public long LastServed { get; set; }
    }
}
