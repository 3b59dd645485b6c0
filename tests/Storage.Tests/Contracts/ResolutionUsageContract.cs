using BackOffice.Core.Common;
using BackOffice.Core.Finance.Metering;
using BackOffice.Core.Hr;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;

namespace BackOffice.Storage.Tests.Contracts;

/// <summary>A write that resolves an item records the resolution's usage in the same transaction: both, or neither.</summary>
public abstract class ResolutionUsageContract(IStoreAdapter adapter)
{
    private static readonly TenantScope Acme = TenantScope.ForWorker("acme");

    // Half past eleven UTC on 30 September is already 1 October in London (BST, UTC+1): the tenant's zone decides the period.
    private static readonly DateTimeOffset ResolvedAt = new(2026, 9, 30, 23, 30, 0, TimeSpan.Zero);
    private static readonly BillingPeriod Oct = new(2026, 10);

    private static async Task<(WorkItem Item, WorkItemResolved Resolved)> ClaimedThenResolvedAsync(StoreSet stores, string type = "new-hire",
        IReadOnlyDictionary<string, string?>? outcome = null)
    {
        await stores.Tenants.AddAsync(Build.Tenant("acme"), default);
        var line = type == "shipment" ? ServiceLine.Orders : ServiceLine.Hr;
        var item = WorkItem.Submit(Acme, new NewWorkItem(line, type, Priority.P2, "Work", "Details"), Build.Client, ResolvedAt.AddHours(-3));
        item.Claim(Build.Agent(1), ResolvedAt.AddHours(-2), ResolvedAt.AddHours(1));
        await stores.WorkItems.AddAsync(Acme, item, default);
        item.Resolve(Build.Agent(1), "Done", ResolvedAt, outcome);
        return (item, item.PendingEvents.OfType<WorkItemResolved>().Single());
    }

    private static async Task<IReadOnlyList<UsageEntry>> EntriesAsync(StoreSet stores, BillingPeriod period) =>
        (await stores.Usage.ListAsync(Acme, new UsageFilter(period), 50, null, default)).Items;

    [StoreFact]
    public async Task Update_ThatResolves_RecordsTheUsage_InTheTenantsPeriod_UnderTheResolutionsEvent()
    {
        await using var stores = await adapter.CreateAsync();
        var (item, resolved) = await ClaimedThenResolvedAsync(stores);

        await stores.WorkItems.UpdateAsync(Acme, item, item.Version - 1, default);

        var entry = Assert.Single(await EntriesAsync(stores, Oct));
        Assert.Equal((Meter.Hire, 1m, (Guid?)item.Id, (Priority?)Priority.P2), (entry.Meter, entry.Quantity, entry.ItemId, entry.Priority));
        Assert.Equal(((Guid?)resolved.EventId, ResolvedAt, false, UsageKind.Work), (entry.SourceEventId, entry.OccurredAt, entry.Late, entry.Kind));
        Assert.True(await stores.Usage.HasSourceAsync(Acme, resolved.EventId, default));
        Assert.False(await stores.Usage.HasSourceAsync(TenantScope.ForWorker("globex"), resolved.EventId, default));
    }

    [StoreFact]
    public async Task Update_OfAShipment_CountsTheOrderLinesItsResolutionRecorded()
    {
        await using var stores = await adapter.CreateAsync();
        var (item, _) = await ClaimedThenResolvedAsync(stores, "shipment", new Dictionary<string, string?> { ["orderLines"] = "3" });

        await stores.WorkItems.UpdateAsync(Acme, item, item.Version - 1, default);

        var entry = Assert.Single(await EntriesAsync(stores, Oct));
        Assert.Equal((Meter.OrderLineShipped, 3m), (entry.Meter, entry.Quantity));
    }

    [StoreFact]
    public async Task Update_ThatConflicts_SavesNeitherTheResolutionNorItsUsage()
    {
        await using var stores = await adapter.CreateAsync();
        var (item, resolved) = await ClaimedThenResolvedAsync(stores);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => stores.WorkItems.UpdateAsync(Acme, item, item.Version - 2, default));

        Assert.Empty(await EntriesAsync(stores, Oct));
        Assert.False(await stores.Usage.HasSourceAsync(Acme, resolved.EventId, default));
        Assert.Equal(WorkItemStatus.InProgress, (await stores.WorkItems.FindAsync(Acme, item.Id, default))!.Status);
    }

    [StoreFact]
    public async Task Resolution_InAClosedPeriod_CountsLate_InTheNextOpenOne()
    {
        await using var stores = await adapter.CreateAsync();
        var (item, _) = await ClaimedThenResolvedAsync(stores);
        await stores.Usage.ClosePeriodAsync(Acme, Oct, Guid.NewGuid(), ResolvedAt, default);

        await stores.WorkItems.UpdateAsync(Acme, item, item.Version - 1, default);

        var entry = Assert.Single(await EntriesAsync(stores, Oct.Next()));
        Assert.Equal((true, ResolvedAt), (entry.Late, entry.OccurredAt));
        Assert.Empty(await EntriesAsync(stores, Oct));
    }

    [StoreFact]
    public async Task SaveWithItem_ThatResolves_RecordsTheUsage_AndAStaleOneRecordsNothing()
    {
        await using var stores = await adapter.CreateAsync();
        var (item, resolved) = await ClaimedThenResolvedAsync(stores);
        var hire = new NewHire("Jane Doe", null, "AB123456C", new DateOnly(2026, 10, 5), "Analyst", "Finance", new Pay(52000m, "GBP", PayFrequency.Annual), null, null);
        var employee = Employee.Hire(Acme, Guid.NewGuid(), hire, item.Id);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => stores.Employees.SaveWithItemAsync(Acme, employee, item, item.Version - 2, default));
        Assert.Empty(await EntriesAsync(stores, Oct));
        await stores.Employees.SaveWithItemAsync(Acme, employee, item, item.Version - 1, default);

        Assert.Equal((Guid?)resolved.EventId, Assert.Single(await EntriesAsync(stores, Oct)).SourceEventId);
    }

    [StoreFact]
    public async Task Add_OfWorkAlreadyResolved_RecordsItsUsage_AndWritesThatDoNotResolveRecordNone()
    {
        await using var stores = await adapter.CreateAsync();
        await stores.Tenants.AddAsync(Build.Tenant("acme"), default);
        var done = WorkItem.Submit(Acme, new NewWorkItem(ServiceLine.Hr, "leaver", Priority.P3, "Leaver", "Details"), Build.Client, ResolvedAt.AddHours(-3));
        done.Claim(Build.Agent(1), ResolvedAt.AddHours(-2), ResolvedAt.AddHours(1));
        done.Resolve(Build.Agent(1), "Done", ResolvedAt);
        var open = Build.Item("acme", ResolvedAt);

        await stores.WorkItems.AddAsync(Acme, done, default);
        await stores.WorkItems.AddAsync(Acme, open, default);
        open.Claim(Build.Agent(2), ResolvedAt, ResolvedAt.AddHours(1));
        await stores.WorkItems.UpdateAsync(Acme, open, 1, default);

        var entry = Assert.Single(await EntriesAsync(stores, Oct));
        Assert.Equal((Meter.Leaver, (Guid?)done.Id), (entry.Meter, entry.ItemId));
    }
}
