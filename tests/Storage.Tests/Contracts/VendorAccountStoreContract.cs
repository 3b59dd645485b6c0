using BackOffice.Core.Billing;
using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;

namespace BackOffice.Storage.Tests.Contracts;

public abstract class VendorAccountStoreContract(IStoreAdapter adapter)
{
    private static readonly TenantScope Acme = TenantScope.ForWorker("acme");

    [StoreFact]
    public async Task SaveWithItem_WritesBoth_AStaleVendorWritesNeither_AndAnotherTenantSeesNothing()
    {
        await using var stores = await adapter.CreateAsync();
        var (item, read) = await EmployeeStoreContract.ResolvedItemAsync(stores);
        var vendor = VendorAccount.Open(Acme, Guid.NewGuid(), "Acme Paper")
            .Pay(Guid.NewGuid(), new VendorBill(null, "Acme Paper", "AP-1", 10m, "EUR", new DateOnly(2026, 12, 1)), "Alex", new DateOnly(2026, 11, 23), item.Id);
        var saved = await stores.Vendors.SaveWithItemAsync(Acme, vendor, item, read, default);
        var (next, nextRead) = await EmployeeStoreContract.ResolvedItemAsync(stores);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => stores.Vendors.SaveWithItemAsync(Acme, saved with { Version = 9 }, next, nextRead, default));

        Assert.Equal((1L, 10m), ((await stores.Vendors.FindAsync(Acme, vendor.Id, default))!.Version, (await stores.Vendors.FindAsync(Acme, vendor.Id, default))!.Paid["EUR"]));
        Assert.Equal(WorkItemStatus.InProgress, (await stores.WorkItems.FindAsync(Acme, next.Id, default))!.Status);
        Assert.Empty((await stores.Vendors.ListAsync(TenantScope.ForWorker("globex"), 10, null, default)).Items);
    }
    [StoreFact]
    public async Task FindByName_MatchesTheNameHoweverItIsTyped_AndOnlyInItsTenant()
    {
        await using var stores = await adapter.CreateAsync();
        var (item, read) = await EmployeeStoreContract.ResolvedItemAsync(stores);
        var vendor = await stores.Vendors.SaveWithItemAsync(Acme, VendorAccount.Open(Acme, Guid.NewGuid(), "Acmé Paper, Ltd."), item, read, default);

        Assert.Equal([vendor.Id], (await stores.Vendors.FindByNameAsync(Acme, "  ACME paper ltd ", default)).Select(v => v.Id));
        Assert.Equal([vendor.Id], (await stores.Vendors.FindByNameAsync(Acme, "acme-paper LTD", default)).Select(v => v.Id));
        Assert.Empty(await stores.Vendors.FindByNameAsync(Acme, "Acme Pulp Ltd", default));
        Assert.Empty(await stores.Vendors.FindByNameAsync(TenantScope.ForWorker("globex"), "Acme Paper Ltd", default));
    }

    [StoreFact]
    public async Task ASecondVendor_OfTheSameName_IsRefusedByTheStore_AndNothingIsWritten()
    {
        await using var stores = await adapter.CreateAsync();
        var (item, read) = await EmployeeStoreContract.ResolvedItemAsync(stores);
        await stores.Vendors.SaveWithItemAsync(Acme, VendorAccount.Open(Acme, Guid.NewGuid(), "Acme Paper"), item, read, default);
        var (next, nextRead) = await EmployeeStoreContract.ResolvedItemAsync(stores);
        var twin = VendorAccount.Open(Acme, Guid.NewGuid(), "ACME  paper");

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => stores.Vendors.SaveWithItemAsync(Acme, twin, next, nextRead, default));

        Assert.Null(await stores.Vendors.FindAsync(Acme, twin.Id, default));
        Assert.Equal(WorkItemStatus.InProgress, (await stores.WorkItems.FindAsync(Acme, next.Id, default))!.Status);
        Assert.Single(await stores.Vendors.FindByNameAsync(Acme, "acme paper", default));
    }
}
