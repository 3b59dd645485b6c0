using BackOffice.Core.Sla;
using BackOffice.Core.Tenancy;
using BackOffice.Core.Tenancy.TenantOverview;
using BackOffice.Core.WorkItems;

namespace BackOffice.Storage.Tests.Contracts;

public abstract class TenantWorkloadContract(IStoreAdapter adapter)
{
    /// <summary>An item submitted <paramref name="minutesAgo"/> before <see cref="Build.Now"/>, due for resolution <paramref name="resolutionMinutes"/> after that, in calendar time.</summary>
    private static WorkItem Item(string tenantId, int minutesAgo, int resolutionMinutes)
    {
        var policy = new SlaPolicy(ServiceLine.Hr, Priority.P3, TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(resolutionMinutes), ClockMode.Calendar, [50, 80], [], 95, 5);
        var defaults = SlaSettings.Default(Build.Tenant(tenantId));
        var at = Build.Now.AddMinutes(-minutesAgo);
        var settings = defaults.Next(defaults.Calendar, [policy], Build.Admin, at);
        return WorkItem.Submit(TenantScope.ForWorker(tenantId), new NewWorkItem(ServiceLine.Hr, "new-hire", Priority.P3, "Hire", ""), Build.Client, at,
            settings.ClockFor(ServiceLine.Hr, Priority.P3, at));
    }

    [StoreFact]
    public async Task Count_GivesOpenAtRiskAndBreachedPerTenant_OfTheTenantsAsked()
    {
        await using var stores = await adapter.CreateAsync();
        var acme = TenantScope.ForWorker("acme");
        await stores.WorkItems.AddAsync(acme, Item("acme", 0, 600), default);     // due in 10 h
        await stores.WorkItems.AddAsync(acme, Item("acme", 300, 200), default);   // 100 min overdue
        await stores.WorkItems.AddAsync(acme, Item("acme", 100, 200), default);   // due in 100 min
        await stores.WorkItems.AddAsync(TenantScope.ForWorker("globex"), Build.Item("globex", Build.Now), default);
        await stores.WorkItems.AddAsync(TenantScope.ForWorker("initech"), Build.Item("initech", Build.Now), default);

        var counts = (await stores.Workload.CountAsync(["acme", "globex", "hooli"], Build.Now, TimeSpan.FromHours(4), default))
            .OrderBy(c => c.TenantId).ToList();

        Assert.Equal([new TenantWorkload("acme", 3, 1, 1), new TenantWorkload("globex", 1, 0, 0)], counts);
    }

    [StoreFact]
    public async Task Count_OfNoTenants_IsEmpty()
    {
        await using var stores = await adapter.CreateAsync();

        Assert.Empty(await stores.Workload.CountAsync([], Build.Now, TimeSpan.FromHours(4), default));
    }
}
