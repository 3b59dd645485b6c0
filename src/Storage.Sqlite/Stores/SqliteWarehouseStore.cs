using System.Text.Json;
using System.Text.Json.Serialization;
using BackOffice.Core.Orders;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;
using BackOffice.Storage.Sqlite.Rows;

namespace BackOffice.Storage.Sqlite.Stores;

/// <summary>Each tenant's warehouse as one document; saved with the work item that changed it, in one transaction.</summary>
internal sealed class SqliteWarehouseStore(SqliteDatabase db) : IWarehouseStore
{
    private const string Id = "00000000-0000-0000-0000-000000000001";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) } };

    public async Task<Warehouse> GetAsync(TenantScope scope, CancellationToken ct)
    {
        await using var context = db.Context(scope);
        return await TenantDocuments.FindAsync(context.Set<DocumentRow>("warehouses"), Guid.Parse(Id), Read, ct) ?? Warehouse.Empty(scope);
    }

    public async Task<Warehouse> SaveWithItemAsync(TenantScope scope, Warehouse warehouse, WorkItem item, long expectedItemVersion, CancellationToken ct) =>
        await SaveAsync(scope, warehouse, item, expectedItemVersion, ct);

    public Task<Warehouse> SaveAsync(TenantScope scope, Warehouse warehouse, CancellationToken ct) => SaveAsync(scope, warehouse, null, 0, ct);

    private async Task<Warehouse> SaveAsync(TenantScope scope, Warehouse warehouse, WorkItem? item, long expectedItemVersion, CancellationToken ct)
    {
        scope.EnsureOwns(warehouse.TenantId, "warehouse");
        var saved = warehouse with { Version = warehouse.Version + 1 };
        await DocumentWrites.SaveAsync(db, scope, "warehouses", (Id, "warehouse", JsonSerializer.Serialize(saved, Json)), warehouse.Version, item, expectedItemVersion, ct);
        return saved;
    }

    private static Warehouse Read(DocumentRow r) => JsonSerializer.Deserialize<Warehouse>(r.Data, Json)! with { Version = r.Version };
}
