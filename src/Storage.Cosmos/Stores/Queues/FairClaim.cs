using BackOffice.Core.Common;
using BackOffice.Core.Queues;
using BackOffice.Core.WorkItems;
using BackOffice.Storage.Cosmos.Documents;
using Microsoft.Azure.Cosmos;

namespace BackOffice.Storage.Cosmos.Stores.Queues;

/// <summary>
/// Picks the entries a claim should try, in order: the earliest band any allowed tenant has free; within it, the tenant
/// this queue served least recently; within that tenant, the lowest order. Lapsed claims go first when their band is no
/// later. A few candidates come back, not one, so a claimant that loses the race for the first tries the next at once.
/// Costs three queries across partitions and one probe in each tenant's partition until one has an entry in the band.
/// </summary>
internal sealed class FairClaim(CosmosDatabase db, QueueTenants queueTenants)
{
    private const int Candidates = 8;
    private static readonly string New = WorkItemStatus.New.ToText();

    public sealed record Pick(IReadOnlyList<WorkItemDocument> Candidates, IReadOnlyList<QueueTenants.QueueTenantDocument> Tenants);

    private sealed record Head(long Band, string TenantId);

    public async Task<Pick?> NextAsync(string queue, ClaimLease lease, CancellationToken ct)
    {
        var now = lease.Now.UtcTicks;
        var lapsed = await QueryAsync<WorkItemDocument>($"SELECT TOP {Candidates} * FROM c WHERE {Where(lease)} AND c.leaseTicks <= @now ORDER BY c.band, c[\"order\"]",
            queue, lease, now, null, "queue.lapsed", ct);
        var head = (await QueryAsync<Head>($"SELECT TOP 1 c.band, c.tenantId FROM c WHERE {Where(lease)} AND c.status = @new ORDER BY c.band",
            queue, lease, now, null, "queue.head", ct)).FirstOrDefault();
        if (lapsed.Count == 0 && head is null) return null;
        var tenants = (await queueTenants.ListAsync(queue, ct)).Where(t => lease.Tenants is null || lease.Tenants.Contains(t.TenantId)).ToList();
        if (lapsed.Count > 0 && (head is null || lapsed[0].Band <= head.Band)) return new Pick(lapsed, tenants);
        if (head is null) return null;

        foreach (var tenantId in tenants.Select(t => t.TenantId).Append(head.TenantId))
        {
            var entries = await QueryAsync<WorkItemDocument>($"""
                SELECT TOP {Candidates} * FROM c WHERE c.tenantId = @t AND {Where(null)} AND c.status = @new AND c.band = @band ORDER BY c["order"]
                """, queue, null, now, new PartitionKey(tenantId), "queue.tenant-head", ct, q => q.WithParameter("@t", tenantId).WithParameter("@band", head.Band));
            if (entries.Count > 0) return new Pick(entries, tenants);
        }
        return new Pick([], tenants);
    }

    private static string Where(ClaimLease? lease) =>
        "c.kind = @k AND c.queueName = @q" + (lease?.Tenants is null ? "" : " AND ARRAY_CONTAINS(@tenants, c.tenantId)");

    private Task<List<T>> QueryAsync<T>(string text, string queue, ClaimLease? lease, long now, PartitionKey? key, string operation, CancellationToken ct,
        Func<QueryDefinition, QueryDefinition>? more = null)
    {
        var query = new QueryDefinition(text).WithParameter("@k", WorkItemDocument.KindName).WithParameter("@q", queue)
            .WithParameter("@now", now).WithParameter("@new", New);
        if (lease?.Tenants is { } allowed) query = query.WithParameter("@tenants", allowed.ToArray());
        return db.QueryAsync<T>(db.Data, more?.Invoke(query) ?? query, key, operation, ct);
    }
}
