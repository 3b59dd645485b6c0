using BackOffice.Core.Billing;
using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;

namespace BackOffice.Storage.Tests.Contracts;

public abstract class CustomerAccountStoreContract(IStoreAdapter adapter)
{
    private static readonly TenantScope Acme = TenantScope.ForWorker("acme");

    private static CustomerAccount Invoiced(string name, Guid itemId) => CustomerAccount.Open(Acme, Guid.NewGuid(), new NewCustomer(name, null))
        .Issue(Guid.NewGuid(), new CustomerInvoice(null, null, "EUR", [new InvoiceLine("Audit", 2, 250m, 20m)], new DateOnly(2026, 12, 31)), new DateOnly(2026, 11, 23), itemId);

    [Fact]
    public async Task SaveWithItem_WritesBoth_AndTheAccountReadsBackWithItsMoneyExact()
    {
        await using var stores = await adapter.CreateAsync();
        var (item, read) = await EmployeeStoreContract.ResolvedItemAsync(stores);
        var account = Invoiced("Initech", item.Id);

        await stores.Accounts.SaveWithItemAsync(Acme, account, item, read, default);

        var found = (await stores.Accounts.FindAsync(Acme, account.Id, default))!;
        Assert.Equal((1L, 600m, 500m), (found.Version, found.Invoices.Single().Total, found.Invoices.Single().Net));
        Assert.Equal([account.Id], (await stores.Accounts.ListAsync(Acme, 10, null, default)).Items.Select(a => a.Id));
        Assert.Equal(WorkItemStatus.Resolved, (await stores.WorkItems.FindAsync(Acme, item.Id, default))!.Status);
        Assert.Null(await stores.Accounts.FindAsync(TenantScope.ForWorker("globex"), account.Id, default));
    }

    [Fact]
    public async Task SaveWithItem_OfAStaleAccount_Conflicts_AndWritesNeither()
    {
        await using var stores = await adapter.CreateAsync();
        var (first, firstRead) = await EmployeeStoreContract.ResolvedItemAsync(stores);
        var saved = await stores.Accounts.SaveWithItemAsync(Acme, Invoiced("Initech", first.Id), first, firstRead, default);
        var (item, read) = await EmployeeStoreContract.ResolvedItemAsync(stores);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => stores.Accounts.SaveWithItemAsync(Acme, saved with { Name = "Initrode", Version = 7 }, item, read, default));

        Assert.Equal("Initech", (await stores.Accounts.FindAsync(Acme, saved.Id, default))!.Name);
        Assert.Equal(WorkItemStatus.InProgress, (await stores.WorkItems.FindAsync(Acme, item.Id, default))!.Status);
    }
}
