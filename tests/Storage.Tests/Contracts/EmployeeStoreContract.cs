using BackOffice.Core.Common;
using BackOffice.Core.Hr;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;

namespace BackOffice.Storage.Tests.Contracts;

public abstract class EmployeeStoreContract(IStoreAdapter adapter)
{
    private static readonly TenantScope Acme = TenantScope.ForWorker("acme");

    private static NewHire Hire(string name) => new(name, null, "AB123456C", new DateOnly(2026, 3, 1), "Analyst", "Finance", new Pay(52000m, "GBP", PayFrequency.Annual), null, null);

    /// <summary>An item claimed and resolved in memory, ready to be saved with the employee its work made.</summary>
    internal static async Task<(WorkItem Item, long Read)> ResolvedItemAsync(StoreSet stores)
    {
        var item = Build.Item("acme", Build.Now);
        await stores.WorkItems.AddAsync(Acme, item, default);
        var claimed = (await stores.Queue.ClaimNextAsync("hr", new Core.Queues.ClaimLease(Build.Agent(1), Build.Now, Build.Now.AddHours(1)), default))!;
        var read = claimed.Version;
        claimed.Resolve(Build.Agent(1), "Done", Build.Now.AddMinutes(5));
        return (claimed, read);
    }

    [StoreFact]
    public async Task SaveWithItem_WritesBoth_ThenFindAndListReadTheEmployeeBack()
    {
        await using var stores = await adapter.CreateAsync();
        var (item, read) = await ResolvedItemAsync(stores);
        var employee = Employee.Hire(Acme, Guid.NewGuid(), Hire("Jane Doe"), item.Id);

        var saved = await stores.Employees.SaveWithItemAsync(Acme, employee, item, read, default);

        var found = (await stores.Employees.FindAsync(Acme, employee.Id, default))!;
        Assert.Equal((1L, "Jane Doe", "Analyst"), (found.Version, found.FullName, found.ValueOn(Employee.Position, new DateOnly(2026, 3, 1))));
        Assert.Equal(saved.Changes, found.Changes);
        Assert.Equal([employee.Id], (await stores.Employees.ListAsync(Acme, 10, null, default)).Items.Select(e => e.Id));
        Assert.Equal(WorkItemStatus.Resolved, (await stores.WorkItems.FindAsync(Acme, item.Id, default))!.Status);
        Assert.Null(await stores.Employees.FindAsync(TenantScope.ForWorker("globex"), employee.Id, default));
    }

    [StoreFact]
    public async Task TwoEmployees_OfTheSameName_AreBothKept_AndListedInPagesByNameThenId()
    {
        await using var stores = await adapter.CreateAsync();
        var hired = new List<Guid>();
        foreach (var name in new[] { "Omar Haddad", "Aiko Sato", "Omar Haddad" })
        {
            var (item, read) = await ResolvedItemAsync(stores);
            var employee = Employee.Hire(Acme, Guid.NewGuid(), Hire(name), item.Id);
            await stores.Employees.SaveWithItemAsync(Acme, employee, item, read, default);
            hired.Add(employee.Id);
        }

        var first = await stores.Employees.ListAsync(Acme, 2, null, default);
        var second = await stores.Employees.ListAsync(Acme, 2, first.NextCursor, default);

        var listed = first.Items.Concat(second.Items).ToList();
        Assert.Equal(["Aiko Sato", "Omar Haddad", "Omar Haddad"], listed.Select(e => e.FullName));
        Assert.Equal(hired.Order(), listed.Select(e => e.Id).Order());
        Assert.Null(second.NextCursor);
    }

    [StoreFact]
    public async Task SaveWithItem_WhenTheItemChangedMeanwhile_WritesNeitherTheItemNorTheEmployee()
    {
        await using var stores = await adapter.CreateAsync();
        var (item, read) = await ResolvedItemAsync(stores);
        var employee = Employee.Hire(Acme, Guid.NewGuid(), Hire("Jane Doe"), item.Id);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => stores.Employees.SaveWithItemAsync(Acme, employee, item, read - 1, default));

        Assert.Null(await stores.Employees.FindAsync(Acme, employee.Id, default));
        Assert.Equal(WorkItemStatus.InProgress, (await stores.WorkItems.FindAsync(Acme, item.Id, default))!.Status);
    }

    [StoreFact]
    public async Task SaveWithItem_OfAStaleEmployee_Conflicts_AndLeavesTheItemAsItWas()
    {
        await using var stores = await adapter.CreateAsync();
        var (hireItem, hireRead) = await ResolvedItemAsync(stores);
        var saved = await stores.Employees.SaveWithItemAsync(Acme, Employee.Hire(Acme, Guid.NewGuid(), Hire("Jane Doe"), hireItem.Id), hireItem, hireRead, default);
        var (item, read) = await ResolvedItemAsync(stores);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => stores.Employees.SaveWithItemAsync(Acme, saved with { FullName = "Jane Roe", Version = 5 }, item, read, default));

        Assert.Equal("Jane Doe", (await stores.Employees.FindAsync(Acme, saved.Id, default))!.FullName);
        Assert.Equal(WorkItemStatus.InProgress, (await stores.WorkItems.FindAsync(Acme, item.Id, default))!.Status);
    }
}
