using BackOffice.Core.Common;
using BackOffice.Core.WorkItems;
using BackOffice.Core.WorkItems.CloseWorkItem;
using BackOffice.Storage.Cosmos.Documents;
using Microsoft.Azure.Cosmos;

namespace BackOffice.Storage.Cosmos.Stores.Work;

/// <summary>Resolved items across tenants, found by the equality on status and the range on when they last changed.</summary>
internal sealed class CosmosResolvedWork(CosmosDatabase db) : IResolvedWork
{
    private static readonly string Resolved = WorkItemStatus.Resolved.ToText();

    public async Task<IReadOnlyList<ResolvedItem>> FindResolvedBeforeAsync(DateTimeOffset before, int max, CancellationToken ct)
    {
        if (max <= 0) return [];
        var found = await db.QueryAsync<Row>(db.Data, new QueryDefinition($"""
                SELECT TOP {max} c.tenantId, c.id FROM c WHERE c.kind = @k AND c.status = @s AND c.updatedTicks <= @before ORDER BY c.updatedTicks
                """).WithParameter("@k", WorkItemDocument.KindName).WithParameter("@s", Resolved).WithParameter("@before", before.UtcTicks),
            null, "work-item.resolved", ct, max);
        return found.Select(r => new ResolvedItem(r.TenantId, Guid.Parse(r.Id))).ToList();
    }

    private sealed record Row(string TenantId, string Id);
}
