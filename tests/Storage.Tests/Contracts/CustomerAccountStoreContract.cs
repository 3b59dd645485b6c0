using BackOffice.Core.Billing;
using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;

namespace BackOffice.Storage.Tests.Contracts;

public abstract class CustomerAccountStoreContract(IStoreAdapter adapter)
{
    private static readonly TenantScope Acme = TenantScope.ForWorker("acme");

    private static CustomerAccount Invoiced(string name, Guid itemId, DateOnly? issuedOn = null) =>
        CustomerAccount.Open(Acme, Guid.NewGuid(), new NewCustomer(name, null)).Issue(Guid.NewGuid(),
            new CustomerInvoice(null, null, "EUR", [new InvoiceLine("Audit", 2, 250m, 20m)], new DateOnly(2026, 12, 31)),
            issuedOn ?? new DateOnly(2026, 11, 23), itemId);

    private static CustomerInvoice Small(Guid? customerId) =>
        new(customerId, null, "EUR", [new InvoiceLine("Audit", 1, 10m, 0m)], new DateOnly(2026, 12, 31));

    [StoreFact]
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

    [StoreFact]
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

    [StoreFact]
    public async Task LedgerLists_PageInvoicesAndPaymentsAcrossCustomers_NewestFirst_FilteredByStatusOnTheTenantsDate()
    {
        await using var stores = await adapter.CreateAsync();
        var due = new DateOnly(2026, 12, 31);
        var accounts = new List<CustomerAccount>();
        for (var n = 0; n < 3; n++)
        {
            var (item, read) = await EmployeeStoreContract.ResolvedItemAsync(stores);
            var account = CustomerAccount.Open(Acme, Guid.NewGuid(), new NewCustomer($"Customer {n}", null))
                .Issue(Guid.NewGuid(), new CustomerInvoice(null, null, "EUR", [new InvoiceLine("Work", 1, 100m, 0m)], n == 2 ? due.AddDays(-80) : due), new DateOnly(2026, 11, 1 + n), item.Id);
            if (n == 0)
                account = account.Receive(Guid.NewGuid(), new PaymentReceived(account.Id, 100m, "EUR", new DateOnly(2026, 11, 20), "SEPA-1",
                    [new Allocation(account.Invoices[0].Id, 100m)]), item.Id);
            accounts.Add(await stores.Accounts.SaveWithItemAsync(Acme, account, item, read, default));
        }
        var today = new DateOnly(2026, 11, 30);
        var all = new InvoiceFilter(null, null, today);

        var first = await stores.Accounts.ListInvoicesAsync(Acme, all, 2, null, default);
        var second = await stores.Accounts.ListInvoicesAsync(Acme, all, 2, first.NextCursor, default);
        var paid = await stores.Accounts.ListInvoicesAsync(Acme, all with { Status = InvoiceStatus.Paid }, 10, null, default);
        var open = await stores.Accounts.ListInvoicesAsync(Acme, all with { Status = InvoiceStatus.Open }, 10, null, default);
        var overdue = await stores.Accounts.ListInvoicesAsync(Acme, all with { Status = InvoiceStatus.Overdue }, 10, null, default);
        var ofOne = await stores.Accounts.ListInvoicesAsync(Acme, all with { CustomerId = accounts[1].Id }, 10, null, default);
        var payments = await stores.Accounts.ListPaymentsAsync(Acme, null, 10, null, default);

        Assert.Equal(["Customer 2", "Customer 1", "Customer 0"], first.Items.Concat(second.Items).Select(v => v.CustomerName));
        Assert.Null(second.NextCursor);
        Assert.Equal(("Customer 0", "paid"), (paid.Items.Single().CustomerName, paid.Items.Single().Status));
        Assert.Equal(["Customer 1"], open.Items.Select(v => v.CustomerName));
        Assert.Equal(("Customer 2", "overdue", 100m), (overdue.Items.Single().CustomerName, overdue.Items.Single().Status, overdue.Items.Single().Invoice.Balance));
        Assert.Equal([accounts[1].Invoices[0].Id], ofOne.Items.Select(v => v.Invoice.Id));
        Assert.Equal(("SEPA-1", 100m, accounts[0].Id), (payments.Items.Single().Payment.Reference, payments.Items.Single().Payment.Amount, payments.Items.Single().CustomerId));
        Assert.Empty((await stores.Accounts.ListInvoicesAsync(TenantScope.ForWorker("globex"), all, 10, null, default)).Items);
    }
    [StoreFact]
    public async Task Invoices_OfManyCustomers_AreNumberedPerTenantAndMonth_UniqueAndWithoutGaps_EvenWhenSavedAtOnce()
    {
        await using var stores = await adapter.CreateAsync();
        var (first, firstRead) = await EmployeeStoreContract.ResolvedItemAsync(stores);
        var november = await stores.Accounts.SaveWithItemAsync(Acme, Invoiced("Initech", first.Id), first, firstRead, default);
        var pending = new List<(CustomerAccount Account, WorkItem Item, long Read)>();
        for (var n = 0; n < 12; n++)
        {
            var (item, read) = await EmployeeStoreContract.ResolvedItemAsync(stores);
            pending.Add((Invoiced($"Customer {n}", item.Id, new DateOnly(2026, 12, 1 + n)), item, read));
        }

        var saved = await Task.WhenAll(pending.Select(p => stores.Accounts.SaveWithItemAsync(Acme, p.Account, p.Item, p.Read, default)));

        Assert.Equal("INV-202611-0001", november.Invoices.Single().Number);
        Assert.Equal(Enumerable.Range(1, 12).Select(n => $"INV-202612-{n:D4}"), saved.Select(a => a.Invoices.Single().Number).Order());
        foreach (var account in saved)
            Assert.Equal(account.Invoices.Single().Number, (await stores.Accounts.FindAsync(Acme, account.Id, default))!.Invoices.Single().Number);
    }

    [StoreFact]
    public async Task ACustomersInvoicesAndPayments_ListUnderItsNameAsItIsNow()
    {
        await using var stores = await adapter.CreateAsync();
        var (item, read) = await EmployeeStoreContract.ResolvedItemAsync(stores);
        var account = Invoiced("Initech", item.Id);
        account = await stores.Accounts.SaveWithItemAsync(Acme, account.Receive(Guid.NewGuid(), new PaymentReceived(account.Id, 100m, "EUR",
            new DateOnly(2026, 11, 24), "SEPA-9", [new Allocation(account.Invoices[0].Id, 100m)]), item.Id), item, read, default);
        var (next, nextRead) = await EmployeeStoreContract.ResolvedItemAsync(stores);

        await stores.Accounts.SaveWithItemAsync(Acme, account with { Name = "Initrode" }, next, nextRead, default);
        var invoices = await stores.Accounts.ListInvoicesAsync(Acme, new InvoiceFilter(null, null, new DateOnly(2026, 11, 30)), 10, null, default);
        var payments = await stores.Accounts.ListPaymentsAsync(Acme, account.Id, 10, null, default);

        Assert.Equal("Initrode", invoices.Items.Single().CustomerName);
        Assert.Equal("Initrode", payments.Items.Single().CustomerName);
    }

    [StoreFact]
    public async Task AWriteThatFails_UsesNoNumber_AndAnotherTenantHasItsOwnSeries()
    {
        await using var stores = await adapter.CreateAsync();
        var (item, read) = await EmployeeStoreContract.ResolvedItemAsync(stores);
        var account = await stores.Accounts.SaveWithItemAsync(Acme, Invoiced("Initech", item.Id), item, read, default);
        var (next, nextRead) = await EmployeeStoreContract.ResolvedItemAsync(stores);
        var second = account.Issue(Guid.NewGuid(), Small(account.Id), new DateOnly(2026, 11, 24), next.Id);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => stores.Accounts.SaveWithItemAsync(Acme, second, next, nextRead - 1, default));
        var retried = await stores.Accounts.SaveWithItemAsync(Acme, second, next, nextRead, default);
        var globex = TenantScope.ForWorker("globex");
        var other = Build.Item("globex", Build.Now);
        await stores.WorkItems.AddAsync(globex, other, default);
        var theirs = await stores.Accounts.SaveWithItemAsync(globex, CustomerAccount.Open(globex, Guid.NewGuid(), new NewCustomer("Hooli", null))
            .Issue(Guid.NewGuid(), Small(null), new DateOnly(2026, 11, 24), other.Id),
            other, other.Version, default);

        Assert.Equal(["INV-202611-0001", "INV-202611-0002"], retried.Invoices.Select(i => i.Number));
        Assert.Equal("INV-202611-0001", theirs.Invoices.Single().Number);
    }
}
