using BackOffice.Core.Orders;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;
using BackOffice.Storage.Cosmos.Documents;

namespace BackOffice.Storage.Cosmos.Stores.Records;

/// <summary>Each tenant's warehouse as one document in its partition; saved alone, or with the work item that changed it in one commit.</summary>
internal sealed class CosmosWarehouseStore(CosmosDatabase db, TenantWriter writer, WorkItemWrites items)
    : RecordStore<Warehouse>(db, writer, items, "warehouse"), IWarehouseStore
{
    private static readonly Guid Id = Guid.Parse("00000000-0000-0000-0000-000000000001");

    public async Task<Warehouse> GetAsync(TenantScope scope, CancellationToken ct) => await FindAsync(scope, Id, ct) ?? Warehouse.Empty(scope);

    public Task<Warehouse> SaveWithItemAsync(TenantScope scope, Warehouse warehouse, WorkItem item, long expectedItemVersion, CancellationToken ct) =>
        SaveAsync(scope, warehouse, item, expectedItemVersion, ct);

    public Task<Warehouse> SaveAsync(TenantScope scope, Warehouse warehouse, CancellationToken ct) => SaveAsync(scope, warehouse, null, 0, ct);

    protected override (string TenantId, Guid Id, string Name, long Version) Identity(Warehouse w) => (w.TenantId, Id, "warehouse", w.Version);

    protected override Warehouse WithVersion(Warehouse w, long version) => w with { Version = version };
}
