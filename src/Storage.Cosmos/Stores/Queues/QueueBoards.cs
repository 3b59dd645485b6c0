using BackOffice.Core.Common;
using BackOffice.Core.Queues.Supervise;
using BackOffice.Core.WorkItems;
using BackOffice.Storage.Cosmos.Documents;
using Microsoft.Azure.Cosmos;

namespace BackOffice.Storage.Cosmos.Stores.Queues;

/// <summary>
/// Counts a queue across tenants for its board: with no GROUP BY, one pair of counts in each of the queue's tenants'
/// partitions and one count per age range, all on the queue fields of the item documents; at most 50 raised and 50 claimed items are read.
/// </summary>
internal sealed class QueueBoards(CosmosDatabase db, QueueTenants queueTenants)
{
    private static readonly string New = WorkItemStatus.New.ToText(), WaitingOnClient = WorkItemStatus.WaitingOnClient.ToText();
    private const string Queued = "c.kind = @k AND c.queueName = @q";

    /// <summary>Bands below this are items an SLA warning raised (see <see cref="WorkItem.QueueBand"/>).</summary>
    private const long RaisedBands = 1L << 40;

    public async Task<QueueBoard> ReadAsync(string queue, DateTimeOffset now, CancellationToken ct)
    {
        var ticks = now.UtcTicks;
        var byTenant = new List<TenantCounts>();
        foreach (var tenantId in (await queueTenants.ListAsync(queue, ct)).Select(t => t.TenantId).Order(StringComparer.Ordinal))
        {
            var waiting = await CountAsync($"c.tenantId = @t AND {Queued} AND (c.status = @new OR c.leaseTicks <= @now)", queue, ticks, tenantId, ct);
            var inProgress = await CountAsync($"c.tenantId = @t AND {Queued} AND c.leaseTicks > @now", queue, ticks, tenantId, ct);
            if (waiting + inProgress > 0) byTenant.Add(new TenantCounts(tenantId, waiting, inProgress));
        }
        var (hour, four, day) = (now.AddHours(-1).UtcTicks, now.AddHours(-4).UtcTicks, now.AddDays(-1).UtcTicks);
        var ages = new AgeCounts(
            await CountAsync($"{Queued} AND c.createdTicks > @from", queue, hour, null, ct),
            await CountAsync($"{Queued} AND c.createdTicks <= @from AND c.createdTicks > @to", queue, hour, null, ct, four),
            await CountAsync($"{Queued} AND c.createdTicks <= @from AND c.createdTicks > @to", queue, four, null, ct, day),
            await CountAsync($"{Queued} AND c.createdTicks <= @from", queue, day, null, ct));
        var waitingOnClient = await CountAsync("c.kind = @k AND c.item.queue = @q AND c.status = @waiting", queue, ticks, null, ct);
        var atRisk = await ItemsAsync($"SELECT TOP 50 * FROM c WHERE {Queued} AND c.band < @raised ORDER BY c.band, c[\"order\"]", queue, ticks, ct);
        var claimed = await ItemsAsync($"SELECT TOP 50 * FROM c WHERE {Queued} AND c.leaseTicks > @now ORDER BY c.leaseTicks", queue, ticks, ct);
        return new QueueBoard(queue, byTenant.Sum(t => t.Waiting), byTenant.Sum(t => t.InProgress), waitingOnClient, byTenant, ages,
            atRisk.Select(ToItem).ToList(), claimed.Select(ToItem).ToList());
    }

    private Task<int> CountAsync(string where, string queue, long ticks, string? tenantId, CancellationToken ct, long? to = null)
    {
        var query = Parameters(new QueryDefinition($"SELECT VALUE COUNT(1) FROM c WHERE {where}"), queue, ticks).WithParameter("@from", ticks)
            .WithParameter("@to", to ?? 0).WithParameter("@waiting", WaitingOnClient);
        if (tenantId is not null) query = query.WithParameter("@t", tenantId);
        return db.ScalarAsync<int>(db.Data, query, tenantId is null ? null : new PartitionKey(tenantId), "queue.board-count", ct);
    }

    private Task<List<WorkItemDocument>> ItemsAsync(string text, string queue, long ticks, CancellationToken ct) =>
        db.QueryAsync<WorkItemDocument>(db.Data, Parameters(new QueryDefinition(text), queue, ticks).WithParameter("@raised", RaisedBands),
            null, "queue.board-items", ct, 50);

    private static QueryDefinition Parameters(QueryDefinition query, string queue, long now) =>
        query.WithParameter("@k", WorkItemDocument.KindName).WithParameter("@q", queue).WithParameter("@now", now).WithParameter("@new", New);

    private static AtRiskItem ToItem(WorkItemDocument document)
    {
        var item = document.Item;
        return new AtRiskItem(item.TenantId, item.Id, item.Title, item.Priority, item.Sla?.ResolutionDue, item.AssigneeName, document.Version,
            item.FirstRespondedAt is null ? item.Sla?.FirstResponseDue : null);
    }
}
