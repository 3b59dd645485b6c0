using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;

namespace BackOffice.Storage.Tests.Contracts;

/// <summary>The narrow reads a tenant's dashboard makes of its work items: counts by status, and open items due soonest.</summary>
public abstract class WorkItemSummaryContract(IStoreAdapter adapter)
{
    private static readonly TenantScope Acme = TenantScope.ForWorker("acme");
    private static readonly TenantScope Globex = TenantScope.ForWorker("globex");

    [StoreFact]
    public async Task CountByStatus_CountsOnlyTheScopesItemsPerStatus()
    {
        await using var stores = await adapter.CreateAsync();
        for (var i = 0; i < 3; i++) await stores.WorkItems.AddAsync(Acme, Build.Item("acme", Build.Now.AddMinutes(i)), default);
        var cancelled = Build.Item("acme", Build.Now.AddMinutes(5));
        await stores.WorkItems.AddAsync(Acme, cancelled, default);
        cancelled.Cancel(Build.Client, "Not needed", Build.Now.AddMinutes(6));
        await stores.WorkItems.UpdateAsync(Acme, cancelled, 1, default);
        await stores.WorkItems.AddAsync(Globex, Build.Item("globex", Build.Now), default);

        var counts = await stores.WorkItems.CountByStatusAsync(Acme, default);

        Assert.Equal(3, counts[WorkItemStatus.New]);
        Assert.Equal(1, counts[WorkItemStatus.Cancelled]);
        Assert.False(counts.ContainsKey(WorkItemStatus.InProgress));
        Assert.Equal(1, (await stores.WorkItems.CountByStatusAsync(Globex, default))[WorkItemStatus.New]);
    }

    [StoreFact]
    public async Task ListOpenByDue_GivesOpenItemsWithClocksSoonestDueFirstUpToTheMax()
    {
        await using var stores = await adapter.CreateAsync();
        var dues = new[] { 5, 1, 4, 2, 3 };
        var items = dues.Select((d, i) => WithClock("acme", Build.Now.AddMinutes(i), Build.Now.AddHours(d))).ToList();
        foreach (var item in items) await stores.WorkItems.AddAsync(Acme, item, default);
        await stores.WorkItems.AddAsync(Acme, Build.Item("acme", Build.Now), default);
        await stores.WorkItems.AddAsync(Globex, WithClock("globex", Build.Now, Build.Now), default);
        var soonest = items[1];
        soonest.Cancel(Build.Client, "Not needed", Build.Now.AddMinutes(10));
        await stores.WorkItems.UpdateAsync(Acme, soonest, 1, default);

        var open = await stores.WorkItems.ListOpenByDueAsync(Acme, 3, default);

        Assert.Equal([items[3].Id, items[4].Id, items[2].Id], open.Select(i => i.Id));
        Assert.All(open, i => Assert.Equal("acme", i.TenantId));
    }

    private static WorkItem WithClock(string tenant, DateTimeOffset at, DateTimeOffset resolutionDue) =>
        WorkItem.Submit(TenantScope.ForWorker(tenant), new NewWorkItem(ServiceLine.Hr, "new-hire", Priority.P3, "Onboard a new hire", "Details"), Build.Client, at,
            new SlaClock(0, at.AddMinutes(30), resolutionDue));
}
