using BackOffice.Core.Queues;
using BackOffice.Core.Tenancy;
using BackOffice.Storage.Cosmos.Documents;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Storage.Cosmos.Stores.Queues;

/// <summary>
/// An agent's live claims across tenants, found by the equality on the claimant and the range on the lease (an agent
/// holds few at once, so they are sorted here), each with its tenant's name and zone from the tenant store. That store is
/// resolved on use, so the queue stands up without the tenancy stores registered (a single store group's tests).
/// </summary>
internal sealed class HeldItems(CosmosDatabase db, IServiceProvider services)
{
    private ITenantStore Tenants => services.GetRequiredService<ITenantStore>();

    public async Task<IReadOnlyList<HeldItem>> ReadAsync(string agent, DateTimeOffset now, int max, CancellationToken ct)
    {
        var documents = await db.QueryAsync<WorkItemDocument>(db.Data, new QueryDefinition(
                "SELECT * FROM c WHERE c.kind = @k AND c.assignee = @a AND c.leaseTicks > @now")
            .WithParameter("@k", WorkItemDocument.KindName).WithParameter("@a", agent).WithParameter("@now", now.UtcTicks), null, "queue.held", ct);
        var held = documents.OrderBy(d => d.ResolutionDueTicks is null).ThenBy(d => d.ResolutionDueTicks).ThenBy(d => d.LeaseTicks).ToList();
        var byId = new Dictionary<string, Tenant?>();
        var items = new List<HeldItem>();
        foreach (var document in held)
        {
            if (items.Count == max) break;
            if (!byId.TryGetValue(document.TenantId, out var tenant)) byId[document.TenantId] = tenant = await Tenants.FindAsync(document.TenantId, ct);
            if (tenant is null) continue;
            var item = document.Item;
            items.Add(new HeldItem(item.TenantId, tenant.DisplayName, tenant.TimeZone, item.Id, item.Title, item.Type, item.ServiceLine,
                document.QueueName ?? item.Queue ?? "", item.Priority, item.LeaseExpiresAt!.Value, item.Sla?.ResolutionDue, document.Version));
        }
        return items;
    }
}
