using BackOffice.Core.Common;
using BackOffice.Core.Tenancy.TenantOverview;
using BackOffice.Core.WorkItems;
using BackOffice.Storage.Cosmos.Documents;
using Microsoft.Azure.Cosmos;

namespace BackOffice.Storage.Cosmos.Stores.Work;

/// <summary>
/// Counts open work in each tenant's partition: open items, then (only for a tenant with any) those not waiting on the
/// client whose resolution falls due within the risk window or already passed. Three counts; no item is read.
/// </summary>
internal sealed class CosmosTenantWorkload(CosmosDatabase db) : ITenantWorkload
{
    private static readonly string[] Open = [WorkItemStatus.New.ToText(), WorkItemStatus.InProgress.ToText(), WorkItemStatus.WaitingOnClient.ToText()];
    private static readonly string[] Running = [WorkItemStatus.New.ToText(), WorkItemStatus.InProgress.ToText()];

    public async Task<IReadOnlyList<TenantWorkload>> CountAsync(IReadOnlyCollection<string> tenantIds, DateTimeOffset now, TimeSpan riskWindow, CancellationToken ct)
    {
        var (due, soon) = (now.UtcTicks, (now + riskWindow).UtcTicks);
        var counts = new List<TenantWorkload>();
        foreach (var tenantId in tenantIds.Distinct())
        {
            var open = await CountAsync(tenantId, Open, "", due, soon, ct);
            if (open == 0) continue;
            var atRisk = await CountAsync(tenantId, Running, "AND c.resolutionDueTicks > @due AND c.resolutionDueTicks <= @soon", due, soon, ct);
            var breached = await CountAsync(tenantId, Running, "AND c.resolutionDueTicks <= @due", due, soon, ct);
            counts.Add(new TenantWorkload(tenantId, open, atRisk, breached));
        }
        return counts;
    }

    private Task<int> CountAsync(string tenantId, string[] statuses, string condition, long due, long soon, CancellationToken ct) =>
        db.ScalarAsync<int>(db.Data, new QueryDefinition(
                $"SELECT VALUE COUNT(1) FROM c WHERE c.tenantId = @t AND c.kind = @k AND ARRAY_CONTAINS(@statuses, c.status) {condition}")
            .WithParameter("@t", tenantId).WithParameter("@k", WorkItemDocument.KindName).WithParameter("@statuses", statuses)
            .WithParameter("@due", due).WithParameter("@soon", soon), new PartitionKey(tenantId), "tenant.workload", ct);
}
