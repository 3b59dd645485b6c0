using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;

namespace BackOffice.Storage.Tests.Contracts;

public abstract class WorkItemStoreContract(IStoreAdapter adapter)
{
    private static readonly TenantScope Acme = TenantScope.ForWorker("acme");
    private static readonly TenantScope Globex = TenantScope.ForWorker("globex");

    [StoreFact]
    public async Task Add_ThenFind_ReturnsTheItemWithItsHistory()
    {
        await using var stores = await adapter.CreateAsync();
        var item = Build.Item("acme", Build.Now);
        await stores.WorkItems.AddAsync(Acme, item, default);

        var found = await stores.WorkItems.FindAsync(Acme, item.Id, default);

        Assert.NotNull(found);
        Assert.Equal((item.Title, item.Type, item.Priority, item.Status, item.CreatedAt, item.Version), (found.Title, found.Type, found.Priority, found.Status, found.CreatedAt, found.Version));
        var change = Assert.Single(found.History);
        Assert.Equal(("submitted", "client-1", "new-hire"), (change.Action, change.ActorSubject, change.Details["type"]));
    }

    [StoreFact]
    public async Task Update_OfAnItemChangedAgainAfterItsLastSave_KeepsEveryChangeInOrder()
    {
        await using var stores = await adapter.CreateAsync();
        await stores.WorkItems.AddAsync(Acme, Build.Item("acme", Build.Now), default);
        var item = (await stores.WorkItems.ListAsync(Acme, new WorkItemFilter(), 1, null, default)).Items[0];
        item.Edit(new WorkItemEdit(Priority.P1, null, null), Build.Client, Build.Now.AddMinutes(1));
        await stores.WorkItems.UpdateAsync(Acme, item, 1, default);
        item.Edit(new WorkItemEdit(null, "Renamed", null), Build.Client, Build.Now.AddMinutes(2));
        await stores.WorkItems.UpdateAsync(Acme, item, 2, default);
        var reread = (await stores.WorkItems.FindAsync(Acme, item.Id, default))!;
        reread.Edit(new WorkItemEdit(Priority.P2, null, null), Build.Client, Build.Now.AddMinutes(3));
        await stores.WorkItems.UpdateAsync(Acme, reread, 3, default);

        var stored = (await stores.WorkItems.FindAsync(Acme, item.Id, default))!;

        Assert.Equal([Build.Now, Build.Now.AddMinutes(1), Build.Now.AddMinutes(2), Build.Now.AddMinutes(3)], stored.History.Select(h => h.At));
        Assert.Equal(("submitted", "Renamed", "p1 -> p2"), (stored.History[0].Action, stored.Title, stored.History[3].Details["priority"]));
    }

    [StoreFact]
    public async Task Find_InAnotherTenantsScope_ReturnsNothing()
    {
        await using var stores = await adapter.CreateAsync();
        var item = Build.Item("acme", Build.Now);
        await stores.WorkItems.AddAsync(Acme, item, default);

        Assert.Null(await stores.WorkItems.FindAsync(Globex, item.Id, default));
        Assert.Empty((await stores.WorkItems.ListAsync(Globex, new WorkItemFilter(), 10, null, default)).Items);
    }

    [StoreFact]
    public async Task Write_ForAnotherTenant_ThrowsAndStoresNothing()
    {
        await using var stores = await adapter.CreateAsync();
        var item = Build.Item("acme", Build.Now);

        await Assert.ThrowsAsync<TenantIsolationException>(() => stores.WorkItems.AddAsync(Globex, item, default));
        await stores.WorkItems.AddAsync(Acme, item, default);
        item.Edit(new WorkItemEdit(Priority.P1, null, null), Build.Client, Build.Now);
        await Assert.ThrowsAsync<TenantIsolationException>(() => stores.WorkItems.UpdateAsync(Globex, item, 1, default));

        Assert.Equal(Priority.P3, (await stores.WorkItems.FindAsync(Acme, item.Id, default))!.Priority);
    }

    [StoreFact]
    public async Task Update_WithStaleVersion_ThrowsAndChangesNothing()
    {
        await using var stores = await adapter.CreateAsync();
        await stores.WorkItems.AddAsync(Acme, Build.Item("acme", Build.Now), default);
        var id = (await stores.WorkItems.ListAsync(Acme, new WorkItemFilter(), 1, null, default)).Items[0].Id;
        var first = (await stores.WorkItems.FindAsync(Acme, id, default))!;
        var second = (await stores.WorkItems.FindAsync(Acme, id, default))!;
        first.Edit(new WorkItemEdit(Priority.P1, null, null), Build.Client, Build.Now);
        await stores.WorkItems.UpdateAsync(Acme, first, 1, default);

        second.Edit(new WorkItemEdit(null, "Another title", null), Build.Client, Build.Now);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => stores.WorkItems.UpdateAsync(Acme, second, 1, default));

        var stored = (await stores.WorkItems.FindAsync(Acme, id, default))!;
        Assert.Equal((Priority.P1, "Onboard a new hire", 2L, 2), (stored.Priority, stored.Title, stored.Version, stored.History.Count));
    }

    [StoreFact]
    public async Task List_FiltersAndPagesNewestFirstWithoutGapsOrRepeats()
    {
        await using var stores = await adapter.CreateAsync();
        var items = Enumerable.Range(0, 23)
            .Select(i => Build.Item("acme", Build.Now.AddMinutes(i), i % 2 == 0 ? ServiceLine.Hr : ServiceLine.Billing, i % 3 == 0 ? Priority.P1 : Priority.P4))
            .ToList();
        foreach (var item in items) await stores.WorkItems.AddAsync(Acme, item, default);
        await stores.WorkItems.AddAsync(Globex, Build.Item("globex", Build.Now), default);

        var filter = new WorkItemFilter(ServiceLine: ServiceLine.Hr, Priority: Priority.P1);
        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await stores.WorkItems.ListAsync(Acme, filter, 2, cursor, default);
            seen.AddRange(page.Items.Select(i => i.Id));
            cursor = page.NextCursor;
        } while (cursor is not null);

        var expected = items.Where(i => i.ServiceLine == ServiceLine.Hr && i.Priority == Priority.P1).OrderByDescending(i => i.CreatedAt).Select(i => i.Id);
        Assert.Equal(expected, seen);
    }

    [StoreFact]
    public async Task List_WithText_FindsItInTitleOrDescriptionIgnoringCaseAndWildcards()
    {
        await using var stores = await adapter.CreateAsync();
        var byTitle = Build.Item("acme", Build.Now, title: "Payroll for Jane Roe");
        var other = Build.Item("acme", Build.Now.AddMinutes(1), title: "Order 100% of stock");
        var plain = Build.Item("acme", Build.Now.AddMinutes(2), title: "Something else");
        foreach (var item in new[] { byTitle, other, plain }) await stores.WorkItems.AddAsync(Acme, item, default);
        await stores.WorkItems.AddAsync(Globex, Build.Item("globex", Build.Now, title: "Payroll for Globex"), default);

        var found = await stores.WorkItems.ListAsync(Acme, new WorkItemFilter(Text: "PAYROLL"), 10, null, default);
        var literal = await stores.WorkItems.ListAsync(Acme, new WorkItemFilter(Text: "100%"), 10, null, default);
        var wildcard = await stores.WorkItems.ListAsync(Acme, new WorkItemFilter(Text: "_"), 10, null, default);
        var byDescription = await stores.WorkItems.ListAsync(Acme, new WorkItemFilter(Text: "detail"), 10, null, default);

        Assert.Equal([byTitle.Id], found.Items.Select(i => i.Id));
        Assert.Equal([other.Id], literal.Items.Select(i => i.Id));
        Assert.Empty(wildcard.Items);
        Assert.Equal(3, byDescription.Items.Count);
    }

    [StoreFact]
    public async Task List_WithCursorNotFromTheApi_ThrowsValidation()
    {
        await using var stores = await adapter.CreateAsync();

        var error = await Assert.ThrowsAsync<ValidationException>(() => stores.WorkItems.ListAsync(Acme, new WorkItemFilter(), 5, "%%%", default));
        Assert.Contains("cursor", error.Errors.Keys);
    }

    [StoreFact]
    public async Task AddAndUpdate_KeepTheQueueIndexInStep()
    {
        await using var stores = await adapter.CreateAsync();
        var item = Build.Item("acme", Build.Now);
        await stores.WorkItems.AddAsync(Acme, item, default);
        Assert.Equal(1, (await stores.Queue.CountWaitingAsync(Build.Now, default))["hr"]);

        var claimed = (await stores.Queue.ClaimNextAsync("hr", new(Build.Agent(1), Build.Now, Build.Now.AddMinutes(5)), default))!;
        claimed.Resolve(Build.Agent(1), "Done", Build.Now);
        await stores.WorkItems.UpdateAsync(Acme, claimed, claimed.Version - 1, default);

        Assert.False((await stores.Queue.CountWaitingAsync(Build.Now.AddHours(1), default)).ContainsKey("hr"));
        Assert.Null(await stores.Queue.ClaimNextAsync("hr", new(Build.Agent(2), Build.Now.AddHours(1), Build.Now.AddHours(2)), default));
    }
}
