using BackOffice.Core.Common;
using BackOffice.Core.Orders;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;

namespace BackOffice.Storage.Tests.Contracts;

public abstract class WarehouseStoreContract(IStoreAdapter adapter)
{
    private static readonly TenantScope Acme = TenantScope.ForWorker("acme");

    [StoreFact]
    public async Task Get_BeforeAnything_IsAnEmptyWarehouse_AndASaveIsReadBackPerTenant()
    {
        await using var stores = await adapter.CreateAsync();
        var empty = await stores.Warehouses.GetAsync(Acme, default);

        var saved = await stores.Warehouses.SaveAsync(Acme, empty.SetOnHand("MUG", 12), default);

        Assert.Equal((0L, 0), (empty.Version, empty.Stock.Count));
        Assert.Equal((1L, 12), ((await stores.Warehouses.GetAsync(Acme, default)).Version, (await stores.Warehouses.GetAsync(Acme, default)).Stock["MUG"].OnHand));
        Assert.Empty((await stores.Warehouses.GetAsync(TenantScope.ForWorker("globex"), default)).Stock);
        Assert.Equal(1L, saved.Version);
    }

    [StoreFact]
    public async Task Save_OfAStaleWarehouse_Conflicts_AndSaveWithItem_WritesBothOrNeither()
    {
        await using var stores = await adapter.CreateAsync();
        var first = await stores.Warehouses.SaveAsync(Acme, (await stores.Warehouses.GetAsync(Acme, default)).SetOnHand("MUG", 12), default);
        var (item, read) = await EmployeeStoreContract.ResolvedItemAsync(stores);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => stores.Warehouses.SaveAsync(Acme, first with { Version = 0 }, default));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => stores.Warehouses.SaveWithItemAsync(Acme, first.SetOnHand("MUG", 1), item, read + 1, default));
        await stores.Warehouses.SaveWithItemAsync(Acme, first.SetOnHand("MUG", 20), item, read, default);

        Assert.Equal(20, (await stores.Warehouses.GetAsync(Acme, default)).Stock["MUG"].OnHand);
        Assert.Equal(WorkItemStatus.Resolved, (await stores.WorkItems.FindAsync(Acme, item.Id, default))!.Status);
    }
}
