using System.Collections.Concurrent;
using BackOffice.Core.Events;
using BackOffice.Core.Queues;
using BackOffice.Core.Sla;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;

namespace BackOffice.Storage.Tests.Contracts;

/// <summary>Warnings at 50% and 80% of each target and the breach at 100%, each fired exactly once.</summary>
public abstract class SlaDeadlinesContract(IStoreAdapter adapter)
{
    private static readonly TenantScope Acme = TenantScope.ForWorker("acme");

    /// <summary>Calendar-time clocks: first response in 60 minutes, resolution in 200, from <see cref="Build.Now"/>.</summary>
    private static WorkItem Item()
    {
        var policy = new SlaPolicy(ServiceLine.Hr, Priority.P3, TimeSpan.FromMinutes(60), TimeSpan.FromMinutes(200), ClockMode.Calendar, [50, 80], [], 95, 5);
        var defaults = SlaSettings.Default(Build.Tenant("acme"));
        var settings = defaults.Next(defaults.Calendar, [policy], Build.Admin, Build.Now);
        return WorkItem.Submit(Acme, new NewWorkItem(ServiceLine.Hr, "new-hire", Priority.P3, "Hire", ""), Build.Client, Build.Now,
            settings.ClockFor(ServiceLine.Hr, Priority.P3, Build.Now));
    }

    private static async Task<List<string>> FiredAsync(StoreSet stores) =>
        (await stores.Outbox.LeaseDueAsync(Build.Now.AddDays(30), TimeSpan.FromMinutes(1), 1000, default))
            .Where(m => m.Type.StartsWith("sla.", StringComparison.Ordinal)).Select(m => m.Type).ToList();

    [StoreFact]
    public async Task FireDue_FiresEachThresholdOnceAsItComes()
    {
        await using var stores = await adapter.CreateAsync();
        await stores.WorkItems.AddAsync(Acme, Item(), default);

        Assert.Equal(0, await stores.Deadlines.FireDueAsync(Build.Now.AddMinutes(29), 100, default));
        Assert.Equal(1, await stores.Deadlines.FireDueAsync(Build.Now.AddMinutes(30), 100, default));
        Assert.Equal(0, await stores.Deadlines.FireDueAsync(Build.Now.AddMinutes(30), 100, default));
        Assert.Equal(5, await stores.Deadlines.FireDueAsync(Build.Now.AddMinutes(200), 100, default));
        Assert.Equal(0, await stores.Deadlines.FireDueAsync(Build.Now.AddDays(1), 100, default));

        Assert.Equal(["sla.warning", "sla.warning", "sla.breached", "sla.warning", "sla.warning", "sla.breached"], await FiredAsync(stores));
    }

    [StoreFact]
    public async Task FireDue_WithSeveralMonitorsAtOnce_FiresEachDeadlineOnce()
    {
        await using var stores = await adapter.CreateAsync();
        for (var i = 0; i < 40; i++) await stores.WorkItems.AddAsync(Acme, Item(), default);

        var fired = new ConcurrentBag<int>();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            for (var pass = 0; pass < 10; pass++) fired.Add(await stores.Deadlines.FireDueAsync(Build.Now.AddMinutes(300), 7, default));
        })));

        Assert.Equal(40 * 6, fired.Sum());
        Assert.Equal(40 * 6, (await FiredAsync(stores)).Count);
    }

    [StoreFact]
    public async Task Resolve_BeforeItsDeadlines_LeavesNoneToFire_ButKeepsCrossingsAlreadyDue()
    {
        await using var stores = await adapter.CreateAsync();
        await stores.WorkItems.AddAsync(Acme, Item(), default);
        var now = Build.Now.AddMinutes(70);
        var claimed = (await stores.Queue.ClaimNextAsync("hr", new ClaimLease(Build.Agent(1), now, now.AddHours(1)), default))!;
        claimed.Resolve(Build.Agent(1), "Done", now);
        await stores.WorkItems.UpdateAsync(Acme, claimed, claimed.Version - 1, default);

        // First response came at 70 minutes, after its 30, 48 and 60 minute crossings; resolution's (100, 160, 200) are gone.
        Assert.Equal(3, await stores.Deadlines.FireDueAsync(Build.Now.AddDays(1), 100, default));
        Assert.Equal(["sla.warning", "sla.warning", "sla.breached"], await FiredAsync(stores));
    }

    [StoreFact]
    public async Task Edit_NeitherLosesNorRepeatsACrossing()
    {
        await using var stores = await adapter.CreateAsync();
        var item = Item();
        await stores.WorkItems.AddAsync(Acme, item, default);
        Assert.Equal(1, await stores.Deadlines.FireDueAsync(Build.Now.AddMinutes(30), 100, default));

        var stored = (await stores.WorkItems.FindAsync(Acme, item.Id, default))!;
        stored.Edit(new WorkItemEdit(null, "Hire Jane", null), Build.Client, Build.Now.AddMinutes(50));
        await stores.WorkItems.UpdateAsync(Acme, stored, 1, default);

        Assert.Equal(5, await stores.Deadlines.FireDueAsync(Build.Now.AddDays(1), 100, default));
        Assert.Equal(6, (await FiredAsync(stores)).Count);
    }

    [StoreFact]
    public async Task FireDue_AWarning_CarriesItsThreshold_ItsClocksDueTime_AndWhenItFired()
    {
        await using var stores = await adapter.CreateAsync();
        await stores.WorkItems.AddAsync(Acme, Item(), default);
        var monitorRan = Build.Now.AddMinutes(31).AddSeconds(12);

        await stores.Deadlines.FireDueAsync(monitorRan, 100, default);
        var leased = await stores.Outbox.LeaseDueAsync(Build.Now.AddDays(1), TimeSpan.FromMinutes(1), 100, default);
        var message = leased.Single(m => m.Type == "sla.warning");
        var warning = (SlaWarning)EventSerializer.FromMessage(message);

        Assert.Equal((Build.Now.AddMinutes(30), Build.Now.AddMinutes(60), monitorRan), (warning.ThresholdAt, warning.DueAt, warning.FiredAt));
        Assert.Equal(Build.Now.AddMinutes(30), warning.OccurredAt);
    }
}
